package org.registry.app;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium with the
 * driver named explicitly, so nothing is looked up or downloaded. Where it is missing the browser tests are skipped
 * with a message, unless {@code REGISTRY_TEST_REQUIRE_BROWSER=true} (CI), which makes them fail.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("REGISTRY_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("REGISTRY_TEST_CHROMEDRIVER",
            "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Skips the test (or, with {@code REGISTRY_TEST_REQUIRE_BROWSER=true}, fails it) where there is no browser. */
    static void require() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "no headless Chromium here (" + BROWSER + ", " + DRIVER + "): the console's browser tests "
                    + "are skipped; install Debian's chromium and chromium-driver to run them";
            if (Boolean.parseBoolean(System.getenv("REGISTRY_TEST_REQUIRE_BROWSER"))) {
                Assertions.fail(message + " (REGISTRY_TEST_REQUIRE_BROWSER=true requires them)");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
    }

    /** A browser speaking zh-CN, as the offices' are; skips or fails the test where there is none. */
    static WebDriver start() {
        require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--lang=zh-CN", "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                                                                        .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** With {@code -Dconsole.screenshots=<folder>}, the page as a PNG there (how docs/console/*.png are made). */
    static void screenshot(WebDriver browser, String name) {
        String folder = System.getProperty("console.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path target = Path.of(folder).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
