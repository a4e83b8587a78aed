package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.kernel.area.AreaCode;
import org.registry.kernel.dashboard.IndicatorsView;
import org.registry.query.api.AreaSql;
import org.registry.query.api.KnownAt;
import org.registry.query.api.Paging;
import org.registry.query.api.Report;
import org.registry.query.dashboard.DashboardQueries;
import org.registry.query.dashboard.Pyramid;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads the console adds to the dashboard's (the pyramid, check-up coverage by community), each against the API's
 * lists and figures; and how the console and the API share one address without sharing their sign-in.
 */
class ConsoleReadsTest extends CountyScenario {

    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-06-30");

    @Autowired
    DashboardQueries dashboards;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePyramidCountsThePopulationAtTheEndByAgeAndSexAsItsListShowsIt() {
        String a = community("001", "001");
        String household = registry.household(a, day("2000-01-01"));
        String mother = registry.resident(household, "Chen Mei", "FEMALE", day("1990-05-05"), "HEAD",
                day("2010-01-01"), "MARRIED");
        registry.resident(household, "Wang Gang", "MALE", day("1986-07-01"), "SPOUSE", day("2010-01-01"), "MARRIED");
        registry.resident(household, "Liu Lao", "MALE", day("1930-03-03"), "PARENT", day("2000-01-01"), null);
        registry.born(mother, household, "Wang San", "MALE", day("2026-01-15"));
        JsonNode living = registry.get(clerk, "/api/dashboards/indicators/populationEnd?areaCode=" + county
                + "&from=" + FROM + "&to=" + TO + "&size=500");

        Pyramid pyramid = dashboards.pyramid(new Report(AreaSql.of(new AreaCode(county)), FROM, TO, KnownAt.LIVE));

        long[] male = new long[18];
        long[] female = new long[18];
        for (JsonNode person : living.get("items")) {
            int band = Math.min(Period.between(LocalDate.parse(person.get("birthDate").asText()), TO).getYears() / 5,
                    17);
            ("MALE".equals(person.get("sex").asText()) ? male : female)[band]++;
        }
        assertThat(living.get("total").asLong()).isEqualTo(4);
        for (int i = 0; i < 18; i++) {
            assertThat(pyramid.bands().get(i).male()).as("men of band " + i).isEqualTo(male[i]);
            assertThat(pyramid.bands().get(i).female()).as("women of band " + i).isEqualTo(female[i]);
        }
        assertThat(pyramid.bands().get(17).male()).isEqualTo(1);
    }

    @Test
    void coverageByCommunityIsEachCommunitysOwnCoverage() {
        String a = community("001", "001");
        String b = community("001", "002");
        String hA = registry.household(a, day("2000-01-01"));
        String hB = registry.household(b, day("2000-01-01"));
        String checked = registry.marriedHead(hA, "Chen Mei", "FEMALE", day("1990-05-05"));
        registry.resident(hA, "Li Na", "FEMALE", day("1992-05-05"), "OTHER", day("2010-01-01"), "MARRIED");
        registry.resident(hB, "Sun Li", "FEMALE", day("1985-09-09"), "HEAD", day("2005-01-01"), "MARRIED");
        registry.checkUp(checked, day("2026-03-03"));
        registry.get(clerk, "/api/dashboards/indicators?areaCode=" + county + "&from=" + FROM + "&to=" + TO);

        Map<String, IndicatorsView.Coverage> coverage = dashboards.coverageByCommunity(
                new Report(AreaSql.of(new AreaCode(county + "001")), FROM, TO, KnownAt.LIVE));

        assertThat(coverage).containsOnlyKeys(a, b);
        for (String community : new String[]{a, b}) {
            JsonNode api = registry.get(clerk, "/api/dashboards/indicators?areaCode=" + community + "&from=" + FROM
                    + "&to=" + TO).get("checkUpCoverage");
            IndicatorsView.Coverage ours = coverage.get(community);
            assertThat(ours.checked()).isEqualTo(api.get("checked").asLong());
            assertThat(ours.eligible()).isEqualTo(api.get("eligible").asLong());
            assertThat(ours.value()).isEqualByComparingTo(api.get("value").decimalValue());
        }
        assertThat(coverage.get(a).value()).isEqualByComparingTo("50.0");
    }

    @Test
    void aBrowserAtTheRootIsSentToTheConsoleAndEveryOtherClientGetsTheIndex() throws Exception {
        HttpResponse<String> browser = get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
        for (String accept : new String[]{"*/*", "application/json"}) {
            HttpResponse<String> index = get("/", accept);
            assertThat(index.statusCode()).as(accept).isEqualTo(200);
            assertThat(index.body()).as(accept).startsWith("{\"service\":");
        }
        // the console asks for its sign-in page; the API still answers a problem and no session
        HttpResponse<String> console = get("/console/dashboard", "text/html");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        HttpResponse<String> api = get("/api/households", "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
        // signing in takes the form's CSRF token: without it, refused
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password=clerk")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aRegistersPagesAndAFiguresPagesLinkToTheirNeighbours() throws Exception {
        for (int i = 0; i <= Paging.DEFAULT_SIZE; i++) {
            registry.household(a, day("2026-02-01"));
        }
        // the pages read the projections as they stand: wait until both have every household (the API waits)
        String period = "&from=" + FROM + "&to=" + TO;
        assertThat(registry.get(clerk, "/api/households?areaCode=" + a).get("total").asInt())
                .isEqualTo(Paging.DEFAULT_SIZE + 1);
        assertThat(registry.get(clerk, "/api/dashboards/indicators/households?areaCode=" + a + period)
                           .get("total").asInt()).isEqualTo(Paging.DEFAULT_SIZE + 1);
        HttpClient browser = signedIn("clerk");

        String first = consolePage(browser, "/console/registers/households?areaCode=" + a);
        assertThat(first).contains("1 / 2").contains("/console/registers/households?areaCode=" + a + "&amp;page=1")
                         .doesNotContain("page=-1");
        String second = consolePage(browser, "/console/registers/households?areaCode=" + a + "&page=1");
        assertThat(second).contains("2 / 2").contains("/console/registers/households?areaCode=" + a + "&amp;page=0")
                          .doesNotContain("page=2");
        assertThat(second.split("<tr").length - 2).as("rows of the last page").isEqualTo(1);

        String figure = "/console/figures/households?areaCode=" + a + period;
        String one = consolePage(browser, figure);
        assertThat(one).contains("1 / 2").contains("&amp;page=1\"").doesNotContain("page=-1");
        String two = consolePage(browser, figure + "&page=1");
        assertThat(two).contains("2 / 2").contains("&amp;page=0\"").doesNotContain("page=2");
    }

    /** A client that signed in with the console's form (the console takes no HTTP Basic). */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET()
                                               .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                           .header("Content-Type", "application/x-www-form-urlencoded")
                           .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user
                                   + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return browser;
    }

    private String consolePage(HttpClient browser, String path) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                                            .header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                                    .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
