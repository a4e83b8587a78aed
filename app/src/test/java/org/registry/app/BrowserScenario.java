package org.registry.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** A county scenario read in a real browser (headless Chromium): each test starts it, and it is closed after. */
abstract class BrowserScenario extends CountyScenario {

    WebDriver browser;

    /** Before any county is recorded: without a browser the class is skipped at once. */
    @BeforeAll
    static void aBrowserIsHere() {
        HeadlessChromium.require();
    }

    /** Where the registry under test answers the browser. */
    String base() {
        return "http://localhost:" + port;
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
