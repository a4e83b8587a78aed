package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.registry.kernel.benefit.Programme;
import org.registry.platform.test.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office console in a real browser (headless Chromium): sign in, open a township's dashboard through the area
 * picker, check that every figure and chart carries the API's figures for the same area and period, click a figure
 * through to its list, re-draw as known at an instant, and see personal data masked for an analyst as the API
 * masks it.
 */
class ConsoleBrowserTest extends BrowserScenario {

    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-06-30");

    @Autowired
    Clock clock;

    final ObjectMapper mapper = new ObjectMapper();
    String township;
    String mother;
    String household;
    String neighboursHusband;

    /** Township 001 (communities 001 and 002) of the test's county, and township 002 beside it. */
    void recordTheCounty() {
        township = county + "001";
        household = registry.household(a, day("2000-01-01"));
        String hB = registry.household(b, day("2000-01-01"));
        String hC = registry.household(c, day("2000-01-01"));
        String father = registry.resident(household, "Wang Gang", "MALE", day("1988-02-02"), "HEAD",
                day("2010-01-01"), "MARRIED");
        mother = registry.resident(household, "Chen Mei", "FEMALE", day("1990-05-05"), "SPOUSE", day("2010-01-01"),
                "MARRIED");
        String old = registry.resident(household, "Liu Lao", "MALE", day("1940-03-03"), "PARENT",
                day("2000-01-01"), null);
        registry.born(mother, household, "Wang Er", "FEMALE", day("2020-01-01"));
        String neighbour = registry.resident(hB, "Sun Li", "FEMALE", day("1985-09-09"), "HEAD", day("2005-01-01"),
                "MARRIED");
        neighboursHusband = registry.resident(hB, "Ma Xin", "MALE", day("1980-01-01"), "SPOUSE", day("2005-01-01"), "MARRIED");
        registry.floating(hB, "Zhao Lei", "FEMALE", day("2000-01-01"), "OTHER", day("2026-02-01"),
                "Xinyang, Henan", day("2026-07-15"), null);
        registry.resident(hC, "Zhou Yi", "FEMALE", day("1970-08-08"), "HEAD", day("2005-01-01"), "MARRIED");

        registry.born(mother, household, "Wang San", "MALE", day("2026-01-15"));
        registry.born(neighbour, hB, "Ma Xiao", "FEMALE", day("2026-04-20"));
        registry.death(old, day("2026-03-10"));
        registry.checkUp(mother, day("2026-03-03"));
        String claim = registry.grantedClaim(father, Programme.ONLY_CHILD_PARENT_AWARD, day("2026-02-01"));
        registry.pay(father, claim, "2026-02", "20", day("2026-02-10"));
    }

    JsonNode api(String path) {
        return registry.get(clerk, path);
    }

    String period() {
        return "&from=" + FROM + "&to=" + TO;
    }

    void signIn(String user) {
        browser = HeadlessChromium.start();
        browser.get(base() + "/");
        wait(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getTitle()).contains("登录");
        HeadlessChromium.screenshot(browser, "sign-in");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        wait(ExpectedConditions.urlContains("/console/dashboard"));
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo(user);
    }

    /** Picks an area and period with the picker's controls, as an officer would, and waits for the charts. */
    void pick(String area, String knownAt) {
        WebElement code = browser.findElement(By.name("areaCode"));
        code.clear();
        code.sendKeys(area);
        script("document.querySelector('#picker [name=from]').value = arguments[0];"
                + "document.querySelector('#picker [name=to]').value = arguments[1];"
                + "document.getElementById('known-at').value = arguments[2];", FROM.toString(), TO.toString(),
                knownAt);
        browser.findElement(By.cssSelector("#picker button[type=submit]")).click();
        wait(ExpectedConditions.textToBe(By.id("area-code"), area));
        wait(driver -> driver.findElements(By.cssSelector("[data-chart]")).stream()
                             .allMatch(chart -> "true".equals(chart.getAttribute("data-drawn"))));
    }

    Map<String, Long> figuresOnThePage() {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (WebElement figure : browser.findElements(By.cssSelector("[data-figure]"))) {
            figures.put(figure.getAttribute("data-figure"), Long.parseLong(figure.getText().trim()));
        }
        return figures;
    }

    @Test
    void aClerkOpensATownshipsDashboardAndEveryFigureAndChartIsTheApis() throws Exception {
        recordTheCounty();
        JsonNode indicators = api("/api/dashboards/indicators?areaCode=" + township + period());
        JsonNode balance = api("/api/dashboards/population-balance?areaCode=" + township + period());
        // the township of the test is no empty one: the comparisons below compare something
        assertThat(indicators.at("/births/total").asLong()).isEqualTo(2);
        assertThat(indicators.at("/deaths").asLong()).isEqualTo(1);
        assertThat(indicators.at("/floating/movedIn").asLong()).isEqualTo(1);

        signIn("clerk");
        pick(township, "");
        HeadlessChromium.screenshot(browser, "dashboard");

        Map<String, Long> shown = figuresOnThePage();
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(DASHBOARD_FIGURES.keySet());
        DASHBOARD_FIGURES.forEach((figure, pointer) ->
                assertThat(shown.get(figure)).as(figure).isEqualTo(indicators.at(pointer).asLong()));
        for (String rate : List.of("sexRatioAtBirth", "birthRatePerMille", "deathRatePerMille",
                "naturalGrowthRatePerMille", "checkUpCoverage")) {
            String value = browser.findElement(By.cssSelector("[data-rate=" + rate + "]")).getText();
            assertThat(value).as(rate).isEqualTo(indicators.at("/" + rate + "/value").asText());
        }
        assertThat(browser.findElement(By.cssSelector("[data-amount=amountPaid]")).getText())
                .isEqualTo(indicators.at("/benefits/amountPaid").asText());

        // the charts carry the API's answers, and drew them
        assertThat(chartData("chart-balance")).isEqualTo(balance);
        JsonNode births = api("/api/dashboards/births-by-month?areaCode=" + township + period());
        assertThat(births.findValues("total").stream().map(JsonNode::asLong).toList())
                .isEqualTo(balance.findValues("births").stream().map(JsonNode::asLong).toList());
        assertThat(chartData("chart-births")).isEqualTo(births);
        Map<String, String> byMonth = Map.of("maleBirths", "/male", "femaleBirths", "/female",
                "firstBirths", "/byOrder/1", "secondBirths", "/byOrder/2", "thirdOrLaterBirths", "/byOrder/3+");
        List<String> drawnFigures = List.of("maleBirths", "femaleBirths", "firstBirths", "secondBirths",
                "thirdOrLaterBirths");
        for (int series = 0; series < drawnFigures.size(); series++) {
            String pointer = byMonth.get(drawnFigures.get(series));
            assertThat(drawn("chart-births", series)).as(drawnFigures.get(series)).containsExactlyElementsOf(
                    births.findParents("month").stream().map(month -> month.at(pointer).asLong()).toList());
        }
        for (JsonNode month : births) {
            for (Map.Entry<String, String> figure : byMonth.entrySet()) {
                assertThat(Long.parseLong(browser.findElement(By.cssSelector("[data-month='" + month.get("month")
                        .asText() + "'] [data-month-figure=" + figure.getKey() + "]")).getText()))
                        .as(figure.getKey() + " in " + month.get("month")).isEqualTo(month.at(figure.getValue())
                                .asLong());
            }
        }
        JsonNode pyramid = chartData("chart-pyramid");
        assertThat(pyramid.findValues("male").stream().mapToLong(JsonNode::asLong).sum()
                + pyramid.findValues("female").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(indicators.at("/population/end").asLong());
        assertThat(pyramid).isEqualTo(mapper.readTree(pyramidOf(api("/api/dashboards/indicators/populationEnd?areaCode=" + township
                + period() + "&size=500")).toString()));
        JsonNode coverage = chartData("chart-coverage");
        for (String community : List.of(a, b)) {
            JsonNode ofCommunity = api("/api/dashboards/indicators?areaCode=" + community + period());
            assertThat(coverage.get(community)).as(community).isEqualTo(ofCommunity.get("checkUpCoverage"));
        }

        // a month's figure is a link to that month's births: April's girl, the neighbour's daughter
        String april = "[data-month='2026-04'] ";
        assertThat(browser.findElement(By.cssSelector(april + "[data-month-figure=femaleBirths]")).getText())
                .isEqualTo("1");
        browser.findElement(By.cssSelector(april + "[data-month-figure=femaleBirths]")).click();
        wait(ExpectedConditions.urlContains("/console/figures/femaleBirths"));
        JsonNode aprilGirls = api("/api/dashboards/indicators/femaleBirths?areaCode=" + township
                + "&from=2026-04-01&to=2026-04-30");
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(aprilGirls.get("total").asLong()).isEqualTo(1);
        assertThat(column("name")).containsExactly("Ma Xiao");
        browser.navigate().back();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("chart-births")));

        // a bar of the pyramid is a link to the residents of its sex and age band: Chen Mei, 36 on TO
        browser.findElement(By.cssSelector("#pyramid-bands")).findElement(By.xpath("ancestor::details/summary"))
               .click();
        for (JsonNode band : pyramid.get("bands")) {
            String row = "[data-band='" + band.get("label").asText() + "'] ";
            assertThat(browser.findElement(By.cssSelector(row + "[data-sex=MALE]")).getText())
                    .isEqualTo(band.get("male").asText());
            assertThat(browser.findElement(By.cssSelector(row + "[data-sex=FEMALE]")).getText())
                    .isEqualTo(band.get("female").asText());
        }
        browser.findElement(By.cssSelector("[data-band='35-39'] [data-sex=FEMALE]")).click();
        wait(ExpectedConditions.urlContains("/console/figures/populationEnd"));
        JsonNode women = api("/api/dashboards/indicators/populationEnd?areaCode=" + township + period()
                + "&sex=FEMALE&ageFrom=35&ageTo=39");
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(women.get("total").asLong()).isEqualTo(1);
        assertThat(column("name")).containsExactly("Chen Mei");
        assertThat(browser.findElement(By.id("filter")).getText()).contains("女").contains("35–39");
        browser.navigate().back();

        // a community's coverage is a link to its outreach list: the eligible women not checked there
        wait(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-outreach='" + b + "']"))).click();
        wait(ExpectedConditions.urlContains("/console/registers/outreach"));
        JsonNode outreach = api("/api/ledgers/check-ups?areaCode=" + b + period());
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(outreach.at("/notChecked/total").asLong()).isEqualTo(1);
        assertThat(column("name")).containsExactly("Sun Li");
        browser.navigate().back();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-figure=births]")));

        // a figure is a link to the records behind it
        browser.findElement(By.cssSelector("[data-figure=births]")).click();
        wait(ExpectedConditions.urlContains("/console/figures/births"));
        HeadlessChromium.screenshot(browser, "births-list");
        JsonNode listed = api("/api/dashboards/indicators/births?areaCode=" + township + period());
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(listed.get("total").asLong()).isEqualTo(2);
        assertThat(column("name")).containsExactlyElementsOf(
                listed.get("items").findValues("name").stream().map(ConsoleBrowserTest::shown).toList());
    }

    @Test
    void theKnownAtControlRedrawsThePageAsTheApiAnswersAsKnownAtThatInstant() throws Exception {
        recordTheCounty();
        api("/api/dashboards/indicators?areaCode=" + township + period());
        // the instant is taken to the second: a second after the county's last record, a second before the death
        Thread.sleep(1100);
        LocalDateTime before = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1100);
        // recorded late: a death in May, recorded after the instant
        registry.death(neighboursHusband, day("2026-05-05"));
        JsonNode live = api("/api/dashboards/indicators?areaCode=" + township + period());
        JsonNode then = api("/api/dashboards/indicators?areaCode=" + township + period() + "&knownAt=" + before);
        assertThat(live.at("/deaths").asLong()).isEqualTo(then.at("/deaths").asLong() + 1);

        signIn("clerk");
        pick(township, before.toString());
        assertThat(browser.findElement(By.id("known-at-shown")).getText())
                .as("the instant as the officer entered it, in the registry's time zone")
                .endsWith(before.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        Map<String, Long> shown = figuresOnThePage();
        DASHBOARD_FIGURES.forEach((figure, pointer) ->
                assertThat(shown.get(figure)).as(figure).isEqualTo(then.at(pointer).asLong()));
        assertThat(chartData("chart-balance")).isEqualTo(api("/api/dashboards/population-balance?areaCode="
                + township + period() + "&knownAt=" + before));

        pick(township, "");
        assertThat(figuresOnThePage().get("deaths")).isEqualTo(live.at("/deaths").asLong());
    }

    @Test
    void anAnalystSeesTheListsMaskedExactlyAsTheApiMasksThem() throws Exception {
        recordTheCounty();
        api("/api/dashboards/indicators?areaCode=" + township + period());
        JsonNode masked = Api.at(port).as("analyst").get("/api/dashboards/indicators/populationEnd?areaCode="
                + township + period()).expect(200).json();
        assertThat(masked.get("items").findValues("name")).isNotEmpty()
                .allSatisfy(name -> assertThat(name.asText()).isEqualTo("***"));

        signIn("analyst");
        pick(township, "");
        browser.findElement(By.cssSelector("[data-figure=populationEnd]")).click();
        wait(ExpectedConditions.urlContains("/console/figures/populationEnd"));
        assertThat(column("name")).containsExactlyElementsOf(
                masked.get("items").findValues("name").stream().map(ConsoleBrowserTest::shown).toList());
        assertThat(column("nationalId")).containsExactlyElementsOf(
                masked.get("items").findValues("nationalId").stream().map(ConsoleBrowserTest::shown).toList());
    }

    @Test
    void aVillageClerkIsOfferedOnlyTheirCommunityAndRefusedAnotherArea() {
        signIn("village");
        List<String> offered = browser.findElements(By.cssSelector("[data-area]")).stream()
                                      .map(link -> link.getAttribute("data-area")).toList();
        assertThat(offered).containsExactly("330106001001");
        browser.get(base() + "/console/dashboard?areaCode=330106&from=" + FROM + "&to=" + TO);
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("330106001001");
    }

    @Test
    void anAuditorOpensAPersonsTimelineAndTheSliderShowsTheRecordAsItStoodThen() throws Exception {
        recordTheCounty();
        // a trail whose states take facts from her household's stream too: its relocation changes her community
        registry.relocate(household, b, day("2026-05-01"));
        registry.checkUp(mother, day("2026-05-10"));
        Api auditor = Api.at(port).as("auditor");
        api("/api/dashboards/indicators?areaCode=" + township + period());
        JsonNode trail = auditor.get("/api/audit/persons/" + mother).expect(200).json();
        assertThat(trail.size()).isGreaterThanOrEqualTo(3);

        signIn("auditor");
        browser.get(base() + "/console/persons/" + mother);
        List<WebElement> rows = browser.findElements(By.cssSelector("#timeline tbody tr"));
        assertThat(rows).hasSize(trail.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getAttribute("data-recorded-at")).isEqualTo(trail.get(i).get("recordedAt").asText());
            assertThat(rows.get(i).findElements(By.tagName("td")).get(4).getText())
                    .isEqualTo(trail.get(i).get("actor").asText());
        }
        HeadlessChromium.screenshot(browser, "person");

        WebElement slider = browser.findElement(By.id("as-of"));
        // the slider's states (folded once for the whole trail) are the API's record as of each entry, every one
        JsonNode states = mapper.readTree(slider.getAttribute("data-states"));
        assertThat(states).hasSize(trail.size());
        for (int i = 0; i < trail.size(); i++) {
            String instant = trail.get(i).get("recordedAt").asText();
            assertThat(states.get(i)).as("as of entry " + i + ", " + trail.get(i).get("type").asText())
                    .isEqualTo(auditor.get("/api/audit/persons/" + mother + "/state?asOf=" + instant).expect(200)
                            .json());
        }
        slider.sendKeys(org.openqa.selenium.Keys.HOME);
        for (int i = 0; i < 2; i++) {
            String instant = trail.get(i).get("recordedAt").asText();
            wait(ExpectedConditions.attributeToBe(By.id("as-of-instant"), "data-instant", instant));
            assertThat(browser.findElement(By.id("as-of-instant")).getText()).as("in the registry's time zone")
                    .isEqualTo(java.time.Instant.parse(instant).atZone(clock.getZone())
                                              .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            JsonNode then = auditor.get("/api/audit/persons/" + mother + "/state?asOf=" + instant).expect(200).json();
            for (String field : List.of("version", "maritalStatus", "name", "householdId", "sex", "residency")) {
                assertThat(browser.findElement(By.cssSelector("#state-as-of [data-field=" + field + "]"))
                        .getAttribute("data-value")).as(field + " as of " + instant)
                        .isEqualTo(then.get(field).asText(""));
            }
            // coded values shown with the bundle's labels, as the current state shows them
            Map<String, String> labels = Map.of("FEMALE", "女", "MARRIED", "已婚", "PERMANENT", "常住");
            for (String field : List.of("sex", "maritalStatus", "residency")) {
                assertThat(browser.findElement(By.cssSelector("#state-as-of [data-field=" + field + "]")).getText())
                        .as(field + " as of " + instant).isEqualTo(labels.get(then.get(field).asText()));
            }
            slider.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        }
        // the first state is not the last: the slider shows history, not the same record twice
        assertThat(auditor.get("/api/audit/persons/" + mother + "/state?asOf=" + trail.get(0).get("recordedAt")
                .asText()).expect(200).json().get("version").asLong()).isLessThan(
                auditor.get("/api/persons/" + mother).expect(200).json().get("version").asLong());
    }

    @Test
    void anAdministratorWatchesAReplayOnTheProjectionsPageAsTheApiReportsIt() {
        Api admin = Api.at(port).as("admin");
        JsonNode projections = admin.get("/api/admin/projections").expect(200).json();

        signIn("admin");
        browser.findElement(By.linkText("投影管理")).click();
        wait(ExpectedConditions.urlContains("/console/projections"));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-projection]"));
        assertThat(rows.stream().map(row -> row.getAttribute("data-projection")).toList())
                .containsExactlyElementsOf(projections.findValuesAsText("name"));

        String name = "household-register";
        browser.findElement(By.cssSelector("[data-projection=" + name + "] form[action$=replay] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> driver.findElement(
                By.cssSelector("[data-projection=" + name + "] [data-cell=rebuild]")).getText().equals("REPLAY DONE"));
        JsonNode after = admin.get("/api/admin/projections/" + name).expect(200).json();
        assertThat(after.at("/rebuild/kind").asText()).isEqualTo("REPLAY");
        assertThat(after.at("/rebuild/state").asText()).isEqualTo("DONE");
        assertThat(browser.findElement(By.cssSelector("[data-projection=" + name + "] progress"))
                          .getAttribute("value")).isEqualTo(after.get("progress").asText());
        HeadlessChromium.screenshot(browser, "projections");
    }

    @Test
    void theRegistersShowWhatTheirApiReadsAnswerForTheSameFilters() {
        recordTheCounty();
        JsonNode households = api("/api/households?areaCode=" + township);
        JsonNode persons = api("/api/persons?areaCode=" + county + "&name=Chen");
        JsonNode floating = api("/api/ledgers/floating-population?areaCode=" + township + "&asOf=2026-06-30");
        assertThat(households.get("total").asLong()).isEqualTo(2);
        assertThat(persons.get("total").asLong()).isEqualTo(1);
        assertThat(floating.get("total").asLong()).isEqualTo(1);

        signIn("clerk");
        browser.findElement(By.linkText("户籍册")).click();
        filter(Map.of("areaCode", township));
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(households.get("total").asLong());
        assertThat(column("householdId")).containsExactlyElementsOf(
                households.get("items").findValues("householdId").stream().map(ConsoleBrowserTest::shown).toList());

        browser.findElement(By.linkText("人员查询")).click();
        filter(Map.of("areaCode", county, "name", "Chen"));
        assertThat(column("name")).containsExactly("Chen Mei");
        browser.findElement(By.cssSelector("#records a.person-link")).click();
        wait(ExpectedConditions.urlContains("/console/persons/" + mother));
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo("Chen Mei");

        JsonNode born = api("/api/persons?areaCode=" + county + "&birthDate=1990-05-05");
        assertThat(born.get("total").asLong()).isPositive();
        browser.findElement(By.linkText("人员查询")).click();
        filter(Map.of("areaCode", county, "birthDate", "1990-05-05"));
        assertThat(browser.findElement(By.cssSelector("#filters [name=birthDate]")).getAttribute("type"))
                .isEqualTo("date");
        assertThat(column("personId")).containsExactlyElementsOf(
                born.get("items").findValues("personId").stream().map(ConsoleBrowserTest::shown).toList());
        assertThat(column("birthDate")).containsOnly("1990-05-05");

        browser.findElement(By.linkText("流动人口登记")).click();
        filter(Map.of("areaCode", township, "asOf", "2026-06-30"));
        HeadlessChromium.screenshot(browser, "floating");
        assertThat(column("name")).containsExactlyElementsOf(
                floating.get("items").findValues("name").stream().map(ConsoleBrowserTest::shown).toList());
        assertThat(column("certificateExpiry")).containsExactlyElementsOf(
                floating.get("items").findValues("certificateExpiry").stream().map(ConsoleBrowserTest::shown)
                        .toList());
    }

    @Test
    void theOutreachListAndTheNoticeBoardAreTheirApiReadsAnswers() {
        recordTheCounty();
        JsonNode ledger = api("/api/ledgers/check-ups?areaCode=" + township + period());
        JsonNode notices = api("/api/public-notices?areaCode=" + county);
        assertThat(ledger.at("/notChecked/total").asLong()).isEqualTo(1);

        signIn("clerk");
        browser.findElement(By.linkText("孕前检查随访名单")).click();
        filter(Map.of("areaCode", township, "from", FROM.toString(), "to", TO.toString()));
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(ledger.at("/notChecked/total").asLong());
        assertThat(column("name")).containsExactlyElementsOf(ledger.at("/notChecked/items").findValues("name")
                .stream().map(ConsoleBrowserTest::shown).toList());

        browser.findElement(By.linkText("公示栏")).click();
        filter(Map.of("areaCode", county));
        assertThat(Long.parseLong(browser.findElement(By.id("total")).getText()))
                .isEqualTo(notices.get("total").asLong());
    }

    @Test
    void theMonthlyReportsAreTheirApiReadsAnswersWithTheDocumentsLinked() throws Exception {
        recordTheCounty();
        String month = "2026-01";
        Api.Response filed = clerk.post("/api/reports", Map.of("areaCode", a, "month", month)).expect(201);
        String reportId = filed.field("reportId");
        Api reader = clerk.header("X-Min-Event-Position", Long.toString(filed.eventPosition()));
        JsonNode list = reader.get("/api/reports?areaCode=" + township + "&month=" + month).expect(200).json();
        JsonNode report = reader.get("/api/reports/" + reportId).expect(200).json();
        assertThat(list.get("reports").findValuesAsText("status")).contains("LATE");
        assertThat(report.at("/figures/indicators/births/total").asLong()).isEqualTo(1);

        signIn("clerk");
        browser.findElement(By.linkText("月报")).click();
        wait(ExpectedConditions.urlContains("/console/reports"));
        filter(Map.of("areaCode", township, "month", month));
        WebElement onTime = browser.findElement(By.id("on-time"));
        assertThat(onTime.getAttribute("data-on-time")).isEqualTo(list.at("/onTime/onTime").asText());
        assertThat(onTime.getAttribute("data-expected")).isEqualTo(list.at("/onTime/expected").asText());
        assertThat(onTime.getAttribute("data-value")).isEqualTo(shown(list.at("/onTime/value")));
        assertThat(browser.findElements(By.cssSelector("#records tbody tr")).stream()
                          .map(row -> row.getAttribute("data-report")).toList())
                .containsExactlyElementsOf(list.get("reports").findValuesAsText("reportId"));
        assertThat(column("status")).containsExactlyElementsOf(list.get("reports").findValuesAsText("status")
                .stream().map(status -> Map.of("DUE", "待上报", "FILED", "已上报", "LATE", "迟报待审",
                        "RETURNED", "已退回", "APPROVED", "已审核").get(status)).toList());

        browser.findElement(By.cssSelector("[data-report='" + reportId + "'] a.report-link")).click();
        wait(ExpectedConditions.urlContains("/console/reports/" + reportId));
        assertThat(browser.findElement(By.id("report-id")).getText()).isEqualTo(reportId);
        for (String figure : List.of("indicators.births.total", "indicators.births.male", "indicators.deaths",
                "balance.births", "balance.closing")) {
            assertThat(browser.findElement(By.cssSelector("[data-figure='" + figure + "'] .value")).getText())
                    .as(figure).isEqualTo(report.at("/figures/" + figure.replace('.', '/')).asText());
        }
        // the documents come with the console's session, as the API's document read answers them
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        for (String format : List.of("pdf", "xlsx")) {
            String link = browser.findElement(By.id("document-" + format)).getAttribute("href");
            java.net.http.HttpResponse<byte[]> document = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                            .header("Cookie", "JSESSIONID=" + session).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(document.statusCode()).as(link).isEqualTo(200);
            assertThat(document.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("report-" + reportId + "." + format);
            assertThat(new String(document.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo(format.equals("pdf") ? "%PDF" : "PK\u0003\u0004");
        }

        // analysts read no reports (as in the API): no link, and the page is refused
        browser.quit();
        signIn("analyst");
        assertThat(browser.findElements(By.linkText("月报"))).isEmpty();
        browser.get(base() + "/console/reports?areaCode=" + township + "&month=" + month);
        assertThat(browser.findElements(By.id("on-time"))).isEmpty();
    }

    @Test
    void aClerkSeesTheirImportWithItsCountsAndItsRejectedRowsAsTheApiAnswersThem() throws Exception {
        String village = community("001", "001");
        LocalDate born = day("1980-03-04");
        String head = Registry.nationalId(born, "MALE");
        String spouse = Registry.nationalId(born, "FEMALE");
        String wrong = head.substring(0, 17) + (head.charAt(17) == '1' ? "2" : "1");
        String csv = String.join("\n",
                "户号,社区代码,住址,户别,公民身份号码,姓名,性别,出生日期,民族,婚姻状况,与户主关系,居住状况,居住起始日期,来源地",
                String.join(",", "C1", village, "文三路1号", "户籍户", head, "钱一", "男", born.toString(), "汉族", "已婚",
                        "户主", "常住", "", ""),
                String.join(",", "C1", village, "文三路1号", "户籍户", spouse, "孙二", "女", born.toString(), "汉族", "已婚",
                        "配偶", "常住", "", ""),
                String.join(",", "C2", village, "文三路2号", "户籍户", wrong, "李三", "男", born.toString(), "汉族", "已婚",
                        "户主", "常住", "", ""));
        JsonNode imported = clerk.header("Content-Type", "text/csv")
                .send("POST", "/api/imports?fileName=console-ledger.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expect(201).json();
        String id = imported.get("importId").asText();
        JsonNode report = clerk.get("/api/imports/" + id + "?outcome=REJECTED").expect(200).json();
        assertThat(report.at("/counts/registered").asLong()).isEqualTo(2);
        assertThat(report.at("/counts/rejected").asLong()).isEqualTo(1);

        signIn("clerk");
        browser.findElement(By.linkText("导入")).click();
        wait(ExpectedConditions.urlContains("/console/imports"));
        String row = "[data-import='" + id + "'] ";
        for (String count : List.of("registered", "valid", "matched", "rejected")) {
            assertThat(browser.findElement(By.cssSelector(row + "[data-count=" + count + "]")).getText()).as(count)
                    .isEqualTo(report.at("/counts/" + count).asText());
        }
        assertThat(browser.findElement(By.cssSelector(row + "[data-cell=status]")).getText()).isEqualTo("已完成");
        assertThat(browser.findElement(By.cssSelector(row + "[data-cell=rows]")).getText()).isEqualTo("3 / 3");
        assertThat(browser.findElement(By.cssSelector(row + "progress")).getAttribute("value")).isEqualTo("3");
        HeadlessChromium.screenshot(browser, "imports");
        // the template comes with the console's session, as the API's template read answers it
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        java.net.http.HttpResponse<byte[]> template = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.findElement(By.id("import-template"))
                        .getAttribute("href"))).header("Cookie", "JSESSIONID=" + session).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(new String(template.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("PK\u0003\u0004");

        browser.findElement(By.cssSelector(row + "a.import-link")).click();
        wait(ExpectedConditions.urlContains("/console/imports/" + id));
        assertThat(browser.findElement(By.id("file-name")).getText()).isEqualTo("console-ledger.csv");
        JsonNode problem = report.at("/rows/items/0/problems/0");
        assertThat(column("row")).containsExactly(report.at("/rows/items/0/row").asText());
        assertThat(column("row")).containsExactly("4");
        assertThat(column("column")).containsExactly(problem.get("column").asText());
        assertThat(column("code")).containsExactly(problem.get("code").asText());
        assertThat(column("message")).containsExactly(problem.get("message").asText());

        // the upload form: the same ledger checked only (a dry run), through the browser with its CSRF token
        browser.findElement(By.linkText("导入")).click();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("console-dry-run-", ".csv");
        try {
            java.nio.file.Files.writeString(file, csv);
            browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.id("upload-dry-run")).click();
            browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
            wait(driver -> driver.getCurrentUrl().matches(".*/console/imports/[0-9a-f-]{36}$"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        String dryRun = browser.getCurrentUrl().replaceAll(".*/", "");
        JsonNode checked = clerk.get("/api/imports/" + dryRun + "?outcome=REJECTED").expect(200).json();
        assertThat(checked.get("dryRun").asBoolean()).isTrue();
        assertThat(checked.get("fileName").asText()).isEqualTo(file.getFileName().toString());
        assertThat(checked.at("/counts/valid").asLong() + checked.at("/counts/matched").asLong()).isEqualTo(2);
        assertThat(checked.at("/counts/registered").asLong()).isZero();
        for (String count : List.of("registered", "valid", "matched", "rejected")) {
            assertThat(browser.findElement(By.cssSelector("#import-summary [data-count=" + count + "]")).getText())
                    .as(count).isEqualTo(checked.at("/counts/" + count).asText());
        }
        assertThat(column("code")).containsExactlyElementsOf(checked.at("/rows/items").findValuesAsText("code"));
        assertThat(checked.get("kind").asText()).isEqualTo("persons");
        assertThat(browser.findElement(By.cssSelector("#import-summary [data-cell=kind]")).getText()).isEqualTo("人员（户籍）");

        // the same ledger checked as another kind, chosen in the form: the import is of that kind, on both pages
        browser.findElement(By.linkText("导入")).click();
        java.nio.file.Path floating = java.nio.file.Files.createTempFile("console-floating-", ".csv");
        try {
            java.nio.file.Files.writeString(floating, csv);
            browser.findElement(By.id("upload-file")).sendKeys(floating.toAbsolutePath().toString());
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("upload-kind")))
                    .selectByVisibleText("流动人口");
            browser.findElement(By.id("upload-dry-run")).click();
            browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
            wait(driver -> driver.getCurrentUrl().matches(".*/console/imports/[0-9a-f-]{36}$"));
        } finally {
            java.nio.file.Files.deleteIfExists(floating);
        }
        String asFloating = browser.getCurrentUrl().replaceAll(".*/", "");
        assertThat(clerk.get("/api/imports/" + asFloating).expect(200).json().get("kind").asText()).isEqualTo("floating");
        assertThat(browser.findElement(By.cssSelector("#import-summary [data-cell=kind]")).getText()).isEqualTo("流动人口");
        browser.findElement(By.linkText("导入")).click();
        assertThat(browser.findElement(By.cssSelector("[data-import='" + asFloating + "'] [data-cell=kind]"))
                .getAttribute("data-kind")).isEqualTo("floating");
        assertThat(browser.findElement(By.cssSelector(row + "[data-cell=kind]")).getText()).isEqualTo("人员（户籍）");

        // an analyst reads no imports, as in the API: no link
        browser.quit();
        signIn("analyst");
        assertThat(browser.findElements(By.linkText("导入"))).isEmpty();
    }

    @Test
    void aClerkRevertsTheirImportThroughItsPageAndARevertALaterBirthDependsOnShowsTheMother() throws Exception {
        String village = community("002", "001");
        LocalDate born = day("1990-04-04");
        String header = "户号,社区代码,住址,户别,公民身份号码,姓名,性别,出生日期,民族,婚姻状况,与户主关系,居住状况,居住起始日期,来源地";
        String taken = importPerson(header, "R1", village, Registry.nationalId(born, "MALE"), "赵一", "男", born);
        String kept = importPerson(header, "R2", village, Registry.nationalId(born, "FEMALE"), "周二", "女", born);
        JsonNode motherRow = clerk.get("/api/imports/" + kept + "?outcome=REGISTERED").expect(200).json()
                                  .at("/rows/items/0");
        String motherId = motherRow.get("personId").asText();
        clerk.post("/api/births", Map.of("motherId", motherId, "name", "孩子", "sex", "MALE",
                "birthDate", LocalDate.now(clock).minusDays(3).toString(),
                "householdId", motherRow.get("householdId").asText(), "relationToHead", "CHILD")).expect(201);

        signIn("clerk");
        browser.get(browser.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + "/console/imports/" + taken);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("revert")));
        assertThat(browser.findElement(By.cssSelector("#revert button[type=submit]")).getText()).isEqualTo("撤销导入");
        browser.findElement(By.id("revert-reason")).sendKeys("导错了台账");
        browser.findElement(By.cssSelector("#revert button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("reverted")));
        JsonNode reverted = clerk.get("/api/imports/" + taken).expect(200).json();
        assertThat(reverted.get("revertedBy").asText()).isEqualTo("clerk");
        assertThat(reverted.get("revertReason").asText()).isEqualTo("导错了台账");
        assertThat(browser.findElement(By.cssSelector("#reverted [data-cell=revertedBy]")).getText()).isEqualTo("clerk");
        assertThat(browser.findElement(By.cssSelector("#reverted [data-cell=revertReason]")).getText())
                .isEqualTo("导错了台账");
        assertThat(browser.findElement(By.cssSelector("#reverted [data-cell=revertedAt]")).getAttribute("title"))
                .isEqualTo(reverted.get("revertedAt").asText());
        assertThat(browser.findElements(By.id("revert"))).as("no second revert offered").isEmpty();

        browser.get(browser.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + "/console/imports/" + kept);
        browser.findElement(By.id("revert-reason")).sendKeys("也导错了");
        browser.findElement(By.cssSelector("#revert button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("revert-blocked")));
        WebElement blocker = browser.findElement(By.cssSelector("#revert-blocked [data-record='" + motherId + "'] a"));
        assertThat(blocker.getAttribute("href")).endsWith("/console/persons/" + motherId);
        assertThat(clerk.get("/api/imports/" + kept).expect(200).json().get("revertedAt").isNull()).isTrue();
        assertThat(browser.findElements(By.id("reverted"))).isEmpty();
    }

    /** Imports a ledger of one person heading their own household, as the clerk; the import's id. */
    String importPerson(String header, String household, String village, String nationalId, String name, String sex,
                        LocalDate born) {
        String csv = header + "\n" + String.join(",", household, village, "文三路9号", "户籍户", nationalId, name, sex,
                born.toString(), "汉族", "未婚", "户主", "常住", "", "");
        return clerk.header("Content-Type", "text/csv")
                    .send("POST", "/api/imports?fileName=revert.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .expect(201).json().get("importId").asText();
    }

    /** Fills a register's filters and shows it. */
    void filter(Map<String, String> values) {
        wait(ExpectedConditions.presenceOfElementLocated(By.id("filters")));
        values.forEach((name, value) -> script("document.querySelector('#filters [name=' + arguments[0] + ']').value"
                + " = arguments[1];", name, value));
        String before = browser.getCurrentUrl();
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait(driver -> !driver.getCurrentUrl().equals(before));
    }

    /** The values of one column of a list page. */
    List<String> column(String name) {
        List<WebElement> headers = browser.findElements(By.cssSelector("#records th"));
        int index = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (name.equals(headers.get(i).getAttribute("data-column"))) {
                index = i;
            }
        }
        assertThat(index).as("column " + name).isNotNegative();
        int column = index + 1;
        return browser.findElements(By.cssSelector("#records tbody tr td:nth-child(" + column + ")")).stream()
                      .map(cell -> cell.getText().trim()).toList();
    }

    /** A value as a page shows it: null as nothing. */
    static String shown(JsonNode value) {
        return value.isNull() ? "" : value.asText();
    }

    JsonNode chartData(String id) throws Exception {
        return mapper.readTree(browser.findElement(By.id(id)).getAttribute("data-chart"));
    }

    /** What ECharts drew as a series' data. */
    @SuppressWarnings("unchecked")
    List<Long> drawn(String id, int series) {
        List<Object> data = (List<Object>) script("return echarts.getInstanceByDom(document.getElementById("
                + "arguments[0])).getOption().series[arguments[1]].data;", id, series);
        return data.stream().map(value -> ((Number) value).longValue()).toList();
    }

    /** The pyramid the API's list of who lived in the area on {@code to} makes: five-year bands, 85+ the last. */
    JsonNode pyramidOf(JsonNode living) {
        long[] male = new long[18];
        long[] female = new long[18];
        for (JsonNode person : living.get("items")) {
            int age = Period.between(LocalDate.parse(person.get("birthDate").asText()), TO).getYears();
            int band = Math.min(age / 5, 17);
            if ("MALE".equals(person.get("sex").asText())) {
                male[band]++;
            } else {
                female[band]++;
            }
        }
        var bands = mapper.createArrayNode();
        for (int i = 0; i < 18; i++) {
            bands.addObject().put("label", i == 17 ? "85+" : (i * 5) + "-" + (i * 5 + 4)).put("fromAge", i * 5)
                 .put("male", male[i]).put("female", female[i]);
        }
        var pyramid = mapper.createObjectNode();
        pyramid.put("on", TO.toString());
        pyramid.set("bands", bands);
        return pyramid;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }
}
