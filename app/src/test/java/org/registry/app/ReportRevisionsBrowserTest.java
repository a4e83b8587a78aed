package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.registry.platform.test.Api;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's console page in a real browser (headless Chromium): its revisions since filing, as the API answers
 * them, each record linking to its person's page.
 */
class ReportRevisionsBrowserTest extends BrowserScenario {

    void signIn(String user) {
        browser = HeadlessChromium.start();
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console"));
    }

    @Test
    void theReportPageShowsTheRevisionsSinceFilingWithTheirRecordsAndClerks() {
        String community = community("001", "001");
        String quiet = community("001", "002");
        String home = registry.household(community, day("2000-01-01"));
        registry.household(quiet, day("2000-01-01"));
        String mother = registry.marriedHead(home, "Zhou Hong", "FEMALE", day("1990-03-03"));
        Api clerk1 = Api.at(port).as("clerk");
        String id = clerk1.post("/api/reports", Map.of("areaCode", community, "month", "2026-10")).expect(201)
                          .field("reportId");
        String unchanged = clerk1.post("/api/reports", Map.of("areaCode", quiet, "month", "2026-10")).expect(201)
                                 .field("reportId");
        Api.Response late = Api.at(port).as("clerk2").post("/api/births", Map.of("motherId", mother,
                "name", "Zhou Xiao", "sex", "MALE", "birthDate", "2026-10-20", "householdId", home)).expect(201);
        String child = late.field("personId");
        JsonNode revisions = clerk1.header("X-Min-Event-Position", Long.toString(late.eventPosition()))
                                   .get("/api/reports/" + id + "/revisions").expect(200).json();
        assertThat(revisions.get("figures")).isNotEmpty();

        signIn("clerk");
        browser.get(base() + "/console/reports/" + id);
        assertThat(browser.findElement(By.tagName("h2")).getText()).contains("报后修订");
        assertThat(browser.findElements(By.cssSelector("#revisions tbody tr")).stream()
                          .map(row -> row.getAttribute("data-figure")).toList())
                .containsExactlyElementsOf(revisions.get("figures").findValuesAsText("figure"));
        WebElement births = browser.findElement(By.cssSelector("#revisions tr[data-figure='indicators.births.total']"));
        assertThat(births.findElement(By.cssSelector(".filed")).getText()).isEqualTo("0");
        assertThat(births.findElement(By.cssSelector(".now")).getText()).isEqualTo("1");
        WebElement record = births.findElement(By.cssSelector(".entered li[data-record='" + child + "']"));
        WebElement link = record.findElement(By.tagName("a"));
        assertThat(link.getText()).isEqualTo("Zhou Xiao");
        assertThat(link.getAttribute("href")).endsWith("/console/persons/" + child);
        assertThat(record.findElement(By.cssSelector(".fact[data-type=BirthRegistered]")).getAttribute("data-actor"))
                .isEqualTo("clerk2");
        assertThat(births.findElement(By.cssSelector(".left")).findElements(By.tagName("li"))).isEmpty();

        browser.get(base() + "/console/reports/" + unchanged);
        assertThat(browser.findElements(By.id("revisions"))).isEmpty();
        assertThat(browser.findElement(By.id("no-revisions")).getText()).isEqualTo("上报以来各项指标均无变化");

        browser.get(base() + "/console/reports/" + id);
        browser.findElement(By.cssSelector("#revisions .entered li[data-record='" + child + "'] a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("/console/persons/" + child));
    }
}
