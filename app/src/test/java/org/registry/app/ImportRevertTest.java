package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.ImportApiTest.HEADER;
import static org.registry.app.ImportApiTest.id;
import static org.registry.app.ImportApiTest.line;

/** Taking an import back (api.md, "Imports": {@code POST /api/imports/{id}/revert}), end to end on PostgreSQL. */
class ImportRevertTest extends ImportScenario {

    private static final ZoneId OFFICES = ZoneId.of("Asia/Shanghai");

    private JsonNode importFile(String csv) {
        return post("clerk", "?fileName=ledger.csv", csv.getBytes(StandardCharsets.UTF_8)).expect(201).json();
    }

    /** A console page, read as a user who signed in with the form (the console takes no HTTP Basic). */
    private String consolePage(String user, String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user
                                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private long head() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private Api.Response revert(String user, String importId, String reason) {
        return api.as(user).post("/api/imports/" + importId + "/revert", Map.of("reason", reason));
    }

    /** Every figure of the area the register answers: the dashboard, the balance, the index, the lists. */
    private Map<String, JsonNode> figures(String county, long position, String knownAt) {
        Api reader = api.as("admin").header("X-Min-Event-Position", Long.toString(position));
        String from = "2020-01-01";
        String to = LocalDate.now(OFFICES).toString();
        String known = knownAt == null ? "" : "&knownAt=" + knownAt;
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        JsonNode indicators = reader.get("/api/dashboards/indicators?areaCode=" + county + "&from=" + from + "&to="
                + to + known).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) indicators).remove("knownAt");
        figures.put("indicators", indicators);
        figures.put("balance", reader.get("/api/dashboards/population-balance?areaCode=" + county + "&from=2020-01&to="
                + YearMonth.now(OFFICES) + known).expect(200).json());
        if (knownAt == null) {
            figures.put("persons", reader.get("/api/persons?areaCode=" + county + "&size=100").expect(200).json()
                                         .path("total"));
            figures.put("households", reader.get("/api/households?areaCode=" + county + "&size=100").expect(200)
                                            .json().path("total"));
            figures.put("flows", reader.get("/api/dashboards/migration-flows?areaCode=" + county + "&from=2020-01&to="
                    + YearMonth.now(OFFICES)).expect(200).json().path("flows"));
        }
        return figures;
    }

    @Test
    void aRevertLeavesEveryFigureAsBeforeTheImportAndTheSameFileImportsAgain() throws Exception {
        String county = Registry.freshCounty();
        String community = county + "001001";
        LocalDate born = LocalDate.of(1980, 3, 1);
        String settledHead = id(born, "MALE");
        importFile(String.join("\n", HEADER,
                line("S1", community, settledHead, "老户主", "男", "1980-03-01", "户主", "2021-05-01", "")));
        long settled = head();
        Map<String, JsonNode> before = figures(county, settled, null);

        String joiner = id(LocalDate.of(2005, 6, 1), "FEMALE");
        String csv = String.join("\n", HEADER,
                line("N1", community, id(born, "MALE"), "新户主", "男", "1980-03-01", "户主", "2022-02-01", "江苏省南京市"),
                line("N1", community, id(born, "FEMALE"), "新配偶", "女", "1980-03-01", "配偶", "2022-02-01", ""),
                line("S1", community, joiner, "新子女", "女", "2005-06-01", "子女", "2023-03-01", ""),
                line("S1", community, settledHead, "老户主", "男", "1980-03-01", "户主", "2021-05-01", ""));
        JsonNode imported = importFile(csv);
        String importId = imported.path("importId").asText();
        assertThat(imported.path("counts").path("registered").asInt()).isEqualTo(3);
        assertThat(imported.path("counts").path("matched").asInt()).isEqualTo(1);
        long afterImport = head();
        Map<String, JsonNode> withImport = figures(county, afterImport, null);
        assertThat(withImport).as("the import changed the figures").isNotEqualTo(before);
        assertThat(withImport.get("persons").asInt()).isEqualTo(before.get("persons").asInt() + 3);
        assertThat(withImport.get("flows")).as("the arrival from Nanjing").hasSize(1);
        Instant betweenImportAndRevert = Instant.now();
        List<String> registered = new ArrayList<>();
        api.as("clerk").get("/api/imports/" + importId + "?outcome=REGISTERED").expect(200).json().path("rows")
           .path("items").forEach(row -> registered.add(row.path("personId").asText()));

        assertProblem(revert("village", importId, "wrong ledger").expect(404), "IMPORT_NOT_FOUND");
        Api.Response answer = revert("clerk", importId, "the ledger of another township").expect(200);

        JsonNode run = answer.json();
        assertThat(run.path("status").asText()).isEqualTo("REVERTED");
        assertThat(run.path("revertedBy").asText()).isEqualTo("clerk");
        assertThat(run.path("revertReason").asText()).isEqualTo("the ledger of another township");
        assertThat(run.path("enteredInError").path("persons").asInt()).isEqualTo(3);
        assertThat(run.path("enteredInError").path("households").asInt()).as("N1; S1 was on the register before")
                                                                          .isEqualTo(1);
        Map<String, JsonNode> after = figures(county, answer.eventPosition(), null);
        assertThat(after).isEqualTo(before);
        // the other clock: as known before the revert, the import still counts
        assertThat(figures(county, answer.eventPosition(), betweenImportAndRevert.toString()))
                .isEqualTo(Map.of("indicators", withImport.get("indicators"), "balance", withImport.get("balance")));

        for (String person : registered) {
            api.as("admin").header("X-Min-Event-Position", Long.toString(answer.eventPosition()))
               .get("/api/persons/" + person).expect(404);
            JsonNode trail = api.as("auditor").get("/api/audit/persons/" + person).expect(200).json();
            JsonNode last = trail.get(trail.size() - 1);
            assertThat(last.path("type").asText()).isEqualTo("PersonEnteredInError");
            assertThat(last.path("reason").asText()).isEqualTo("the ledger of another township");
            assertThat(trail.get(0).path("type").asText()).as("nothing is deleted").isEqualTo("PersonRegistered");
        }
        // the two clocks of one record: as it was before the revert, and not on the register since
        String taken = registered.get(0);
        JsonNode was = api.as("auditor").get("/api/audit/persons/" + taken + "/state?asOf=" + betweenImportAndRevert)
                          .expect(200).json();
        assertThat(was.path("name").asText()).isEqualTo("新户主");
        Api.Response now = api.as("auditor").get("/api/audit/persons/" + taken + "/state?asOf=" + Instant.now())
                               .expect(404);
        assertProblem(now, "RECORD_ENTERED_IN_ERROR");
        assertThat(now.json().path("enteredInErrorAt").asText()).isNotBlank();
        String page = consolePage("auditor", "/console/persons/" + taken);
        assertThat(page).contains("误录撤销", "误录已撤销", "the ledger of another township");

        // replayed from the first event, every projection comes out as the live one, revert included
        for (JsonNode projection : api.as("admin").get("/api/admin/projections").expect(200).json()) {
            String name = projection.path("name").asText();
            JsonNode verified = api.as("admin").post("/api/admin/projections/" + name + "/verify", Map.of())
                                   .expect(200).json();
            assertThat(verified.path("identical").asBoolean()).as("%s replayed: %s", name, verified).isTrue();
        }
        // a record entered in error accepts no further fact
        assertProblem(api.as("clerk").post("/api/persons/" + registered.get(0) + "/death",
                Map.of("date", LocalDate.now(OFFICES).minusDays(1).toString())).expect(409), "RECORD_ENTERED_IN_ERROR");
        String foundedHousehold = api.as("clerk").get("/api/imports/" + importId + "?outcome=REGISTERED").expect(200)
                                     .json().path("rows").path("items").get(0).path("householdId").asText();
        assertProblem(api.as("clerk").post("/api/households/" + foundedHousehold + "/relocation", Map.of(
                "communityCode", community, "address", "elsewhere", "date", LocalDate.now(OFFICES).toString()))
                         .expect(409), "RECORD_ENTERED_IN_ERROR");
        long stored = events();
        assertProblem(revert("clerk", importId, "again").expect(409), "IMPORT_ALREADY_REVERTED");
        assertThat(events()).isEqualTo(stored);

        JsonNode again = importFile(csv);
        assertThat(again.path("counts").path("registered").asInt()).as("the IDs were freed").isEqualTo(3);
        assertThat(again.path("counts").path("matched").asInt()).isEqualTo(1);
        assertThat(figures(county, head(), null).get("persons")).isEqualTo(withImport.get("persons"));
    }

    @Test
    void aRevertALaterBirthDependsOnIsRefusedNamingTheMotherAndChangesNothing() {
        String county = Registry.freshCounty();
        String community = county + "002001";
        String mother = id(LocalDate.of(1990, 4, 4), "FEMALE");
        JsonNode report = importFile(String.join("\n", HEADER,
                line("B1", community, mother, "母亲", "女", "1990-04-04", "户主", "2015-01-01", ""),
                line("B2", community, id(LocalDate.of(1970, 1, 1), "MALE"), "邻居", "男", "1970-01-01", "户主",
                        "2015-01-01", "")));
        String importId = report.path("importId").asText();
        JsonNode row = api.as("clerk").get("/api/imports/" + importId + "?outcome=REGISTERED").expect(200).json()
                          .path("rows").path("items").get(0);
        String motherId = row.path("personId").asText();
        long imported = head();
        Api.Response birth = api.as("clerk").post("/api/births", Map.of("motherId", motherId, "name", "孩子",
                "sex", "MALE", "birthDate", LocalDate.now(OFFICES).minusDays(3).toString(),
                "householdId", row.path("householdId").asText(), "relationToHead", "CHILD")).expect(201);
        long stored = events();

        Api.Response refused = revert("clerk", importId, "wrong ledger").expect(409);

        assertProblem(refused, "IMPORT_REVERT_BLOCKED");
        JsonNode blockers = refused.json().path("blockers");
        List<String> named = new ArrayList<>();
        blockers.forEach(blocker -> named.add(blocker.path("recordType").asText() + " "
                + blocker.path("recordId").asText() + " " + blocker.path("blockedBy").asText()));
        assertThat(named).contains("PERSON " + motherId + " BecameParent",
                "HOUSEHOLD " + row.path("householdId").asText() + " MemberJoinedHousehold");
        assertThat(blockers).allSatisfy(blocker -> {
            assertThat(blocker.path("position").asLong()).as("a fact of the birth")
                                                         .isGreaterThan(imported).isLessThanOrEqualTo(birth.eventPosition());
            assertThat(blocker.path("recordedAt").asText()).isNotBlank();
        });
        assertThat(events()).as("nothing changed").isEqualTo(stored);
        JsonNode run = api.as("clerk").get("/api/imports/" + importId).expect(200).json();
        assertThat(run.path("status").asText()).isEqualTo("DONE");
        assertThat(run.path("revertedBy").isNull()).isTrue();
        api.as("clerk").get("/api/persons/" + motherId).expect(200);

        JsonNode dryRun = api.as("clerk").header("Content-Type", CSV).send("POST", "/api/imports?dryRun=true",
                (HEADER + "\n" + line("B3", community, id(LocalDate.of(1971, 1, 1), "MALE"), "试", "男",
                        "1971-01-01", "户主", "2015-01-01", "")).getBytes(StandardCharsets.UTF_8)).expect(201).json();
        assertProblem(revert("clerk", dryRun.path("importId").asText(), "nothing").expect(409), "IMPORT_DRY_RUN");
        assertProblem(revert("clerk", importId, " ").expect(400), "VALIDATION_FAILED");
    }
}
