package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Masking without holes: a clerk records facts of every kind, each free text carrying a marker of its own, and an
 * analyst reads every endpoint the service describes ({@code /v3/api-docs}, so a new endpoint is walked without
 * anyone remembering it), the export and the audit trail, and finds none of them. An auditor walking the same
 * endpoints finds every marker, so the walk cannot pass by reading nothing.
 */
@TestPropertySource(properties = "registry.benefits.public-notice-period=PT4S")
@DirtiesContext // a context of its own (a public notice of seconds), not kept running for the rest of the run
class AnalystsSeeNoPersonalDataTest extends RegisterScenario {

    private static final ZoneId OFFICES = ZoneId.of("Asia/Shanghai");
    /** Paths an analyst may not read at all (registers of persons and households): they must answer 403. */
    private static final List<String> NOT_FOR_ANALYSTS = List.of("/api/persons", "/api/households", "/api/imports",
            "/api/ledgers/person-index", "/api/ledgers/household-register", "/api/reports");

    private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    /** What each marker was written into, by marker. */
    private final Map<String, String> markers = new LinkedHashMap<>();
    /** Personal values that are no markers (identity numbers): an analyst must not see them either. */
    private final Set<String> nationalIds = new LinkedHashSet<>();
    private final Set<String> persons = new LinkedHashSet<>();
    private final Set<String> households = new LinkedHashSet<>();
    private final LocalDate today = LocalDate.now(OFFICES);
    /** A monthly report of the test's community, returned with a clerk's note. */
    private String reportId;
    private final String reportMonth = YearMonth.now(OFFICES).minusMonths(1).toString();
    private String county;
    private String importId;

    /** The marker of a field, short enough for the shortest free text (an ethnicity takes 20 characters). */
    private String marker(String field) {
        return markers.entrySet().stream().filter(entry -> entry.getValue().equals(field)).map(Map.Entry::getKey)
                      .findFirst().orElseGet(() -> {
                          String marker = "Mk" + markers.size() + "x" + suffix;
                          markers.put(marker, field);
                          return marker;
                      });
    }

    @Test
    void anAnalystFindsNoFreeTextOfAClerkAnywhereWhileAnAuditorFindsAllOfIt() {
        county = Register.countyOfItsOwn(43);
        recordEveryKindOfFact();
        importId = api.as("clerk").header("Content-Type", "text/csv").send("POST", "/api/imports?dryRun=true",
                ("户号,社区代码,住址,公民身份号码,姓名,性别,出生日期,与户主关系\n1," + county + "001001,x,"
                        + Registry.nationalId(LocalDate.of(1966, 6, 6), "MALE") + ",Imported,男,1966-06-06,户主")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(201).field("importId");

        Walk analyst = walk("analyst");
        Walk auditor = walk("auditor");

        assertThat(analyst.read()).as("analyst-facing reads").contains("/api/events", "/api/audit",
                "/api/audit/persons/{personId}", "/api/dashboards/migration-flows", "/api/ledgers/floating-population",
                "/api/ledgers/check-ups/follow-ups", "/api/dashboards/indicators/{figure}", "/api/admin/projections");
        List<String> seen = new ArrayList<>();
        analyst.bodies().forEach((request, body) -> {
            markers.forEach((marker, field) -> {
                if (body.contains(marker)) {
                    seen.add(field + " at " + request);
                }
            });
            nationalIds.stream().filter(body::contains).forEach(id -> seen.add("national ID at " + request));
        });
        assertThat(seen).as("what an analyst reads of what a clerk wrote about persons").isEmpty();

        String everything = String.join("\n", auditor.bodies().values());
        assertThat(markers.keySet()).allSatisfy(marker -> assertThat(everything)
                .as("the %s an auditor reads somewhere", markers.get(marker)).contains(marker));
        assertThat(nationalIds).allSatisfy(id -> assertThat(everything).contains(id));
        // ...and where each kind of free text is shown, not only in the trail and the export.
        assertThat(auditor.bodiesOf("/api/dashboards/migration-flows"))
                .contains(marker("placeOfOrigin"), marker("placeOfDestination"), marker("placeMovedTo"),
                        marker("placeReturnedFrom"));
        assertThat(auditor.bodiesOf("/api/ledgers/floating-population"))
                .contains(marker("placeOfOrigin"), marker("certificateNumber"));
        assertThat(auditor.bodiesOf("/api/ledgers/check-ups/follow-ups")).contains(marker("facility"));
        assertThat(auditor.bodiesOf("/api/dashboards/indicators/households"))
                .contains(marker("numberhousehold"));
        assertThat(auditor.bodiesOf("/api/audit")).contains(marker("approvalNoteCounty"), marker("reasonOfObjection"),
                marker("reasonOfResolution"), marker("correctionReason"));
    }

    /** Everything a clerk writes about persons, each in a field of its own, in a county of this test's own. */
    private void recordEveryKindOfFact() {
        String wensan = county + "001001";
        String xixi = county + "001002";
        String beyond = county + "002001";
        int last = today.getYear() - 1;

        String home = household(wensan, "household");
        String other = household(xixi, "otherHousehold");
        reportId = post("clerk", "/api/reports", Map.of("areaCode", wensan, "month", reportMonth,
                "reason", marker("reasonOfFiling")), 201).field("reportId");
        post("clerk2", "/api/reports/" + reportId + "/return", Map.of("note", marker("noteOfReturn")), 200);

        String mother = person(home, "mother", "FEMALE", "1990-01-01", "HEAD");
        String child = post("clerk", "/api/births", Map.of("motherId", mother, "name", "Child " + marker("nameOfChild"),
                "sex", "FEMALE", "birthDate", today.minusYears(5).toString(), "householdId", home,
                "ethnicity", marker("ethnicityOfChild"), "reason", marker("reasonOfBirth")), 201)
                .field("personId");
        String childId = Register.nationalId(today.minusYears(5).toString(), "FEMALE");
        nationalIds.add(childId);
        post("clerk", "/api/persons/" + child + "/national-id", Map.of("nationalId", childId,
                "reason", marker("reasonOfNationalId")), 200);

        Map<String, Object> floating = personBody(home, "floating", "MALE", "1985-05-05", "OTHER");
        floating.put("residency", "FLOATING_IN");
        floating.put("residentSince", (last - 1) + "-02-01");
        floating.put("origin", marker("placeOfOrigin"));
        floating.put("moveReason", "WORK");
        floating.put("certificateNumber", marker("certificateNumber"));
        floating.put("certificateExpiry", (today.getYear() + 1) + "-12-31");
        String newcomer = register(floating);
        post("clerk", "/api/persons/" + newcomer + "/corrections", Map.of("field", "name",
                "value", "Corrected " + marker("correctedName"), "reason", marker("correctionReason")), 200);
        post("clerk", "/api/persons/" + newcomer + "/corrections", Map.of("field", "ethnicity",
                "value", marker("correctedEthnicity"), "reason", marker("secondCorrectionReason")), 200);

        post("clerk", "/api/households/" + home + "/head", Map.of("personId", newcomer,
                "date", today.minusDays(1).toString(), "reason", marker("reasonOfNewHead")), 200);

        String leaver = person(home, "leaver", "MALE", "1992-02-02", "CHILD");
        post("clerk", "/api/persons/" + leaver + "/moves", Map.of("direction", "OUT", "date", last + "-03-01",
                "place", marker("placeMovedTo"), "moveReason", "WORK", "reason", marker("reasonOfMoveOut")), 200);
        post("clerk", "/api/persons/" + leaver + "/moves", Map.of("direction", "IN", "date", last + "-06-01",
                "place", marker("placeReturnedFrom"), "moveReason", "FAMILY",
                "reason", marker("reasonOfReturn")), 200);
        post("clerk", "/api/persons/" + leaver + "/moves", Map.of("direction", "TRANSFER", "date", last + "-07-01",
                "toHouseholdId", other, "relationToHead", "HEAD", "reason", marker("reasonOfTransfer")), 200);
        post("clerk", "/api/persons/" + leaver + "/marital-status", Map.of("maritalStatus", "MARRIED",
                "date", last + "-08-01", "reason", marker("reasonOfMarriage")), 200);
        post("clerk", "/api/households/" + other + "/relocation", Map.of("communityCode", beyond,
                "address", marker("addressRelocatedTo"), "date", last + "-09-01",
                "reason", marker("reasonOfRelocation")), 200);
        post("clerk", "/api/persons/" + leaver + "/moves", Map.of("direction", "OUT", "date", last + "-10-01",
                "place", marker("placeOfDestination"), "moveReason", "STUDY",
                "reason", marker("reasonOfLastMove")), 200);
        post("clerk", "/api/persons/" + leaver + "/death", Map.of("date", last + "-11-01",
                "reason", marker("reasonOfDeath")), 200);

        post("clerk", "/api/persons/" + mother + "/check-ups", Map.of("type", "PRE_PREGNANCY",
                "date", today.minusDays(10).toString(), "facility", marker("facility"), "result", "HIGH_RISK",
                "riskLevel", "HIGH", "notes", marker("checkUpNotes"), "reason", marker("reasonOfCheckUp")), 201);

        // A claim granted after an objection is dismissed, re-certified and paid...
        String claim = post("clerk", "/api/persons/" + mother + "/benefit-claims", Map.of("programme",
                "ONLY_CHILD_PARENT_AWARD", "basis", marker("basisOfClaim"), "reason", marker("reasonOfClaim")), 201)
                .field("claimId");
        approveAtEveryStage(mother, claim, "");
        String objection = post("clerk", claimPath(mother, claim) + "/objections", Map.of("note",
                marker("objection"), "reason", marker("reasonOfObjection")), 201).field("objectionId");
        post("clerk2", claimPath(mother, claim) + "/objections/" + objection + "/resolution", Map.of("upheld", false,
                "note", marker("dismissal"), "reason", marker("reasonOfResolution")), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(mother, claim).equals("GRANTED"));
        post("clerk", claimPath(mother, claim) + "/recertifications", Map.of("year", today.getYear(),
                "outcome", "CONTINUE", "reason", marker("recertification")), 200);
        post("clerk", "/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", YearMonth.from(today).toString(), "areaCode", county,
                "reason", marker("reasonOfPaymentRun")), 200);

        // ...one whose objection is upheld, and one refused at the village.
        String secondHome = household(wensan, "secondHousehold");
        String second = person(secondHome, "secondMother", "FEMALE", "1991-01-01", "HEAD");
        post("clerk", "/api/births", Map.of("motherId", second, "name", "Child " + marker("nameOfSecondChild"),
                "sex", "MALE", "birthDate", today.minusYears(3).toString(), "householdId", secondHome), 201);
        String upheld = post("clerk", "/api/persons/" + second + "/benefit-claims",
                Map.of("programme", "ONLY_CHILD_PARENT_AWARD"), 201).field("claimId");
        approveAtEveryStage(second, upheld, "Upheld");
        String against = post("clerk3", claimPath(second, upheld) + "/objections", Map.of("note",
                marker("upheldObjection")), 201).field("objectionId");
        post("clerk", claimPath(second, upheld) + "/objections/" + against + "/resolution", Map.of("upheld", true,
                "note", marker("upholding")), 200);
        String refused = post("clerk", "/api/persons/" + second + "/benefit-claims",
                Map.of("programme", "ONLY_CHILD_PARENT_AWARD"), 201).field("claimId");
        post("clerk", claimPath(second, refused) + "/decisions", Map.of("stage", "VILLAGE_ASSESSMENT",
                "outcome", "REJECT", "note", marker("rejectionNote"), "reason", marker("reasonOfRejection")), 200);
    }

    private void approveAtEveryStage(String person, String claim, String which) {
        String decisions = claimPath(person, claim) + "/decisions";
        post("clerk", decisions, Map.of("stage", "VILLAGE_ASSESSMENT", "outcome", "APPROVE",
                "note", marker("approvalNoteVillage" + which), "reason", marker("reasonOfVillage" + which)), 200);
        post("clerk2", decisions, Map.of("stage", "TOWNSHIP_REVIEW", "outcome", "APPROVE",
                "note", marker("approvalNoteTownship" + which), "reason", marker("reasonOfTownship" + which)), 200);
        post("clerk3", decisions, Map.of("stage", "COUNTY_APPROVAL", "outcome", "APPROVE",
                "note", marker("approvalNoteCounty" + which), "reason", marker("reasonOfCounty" + which)), 200);
    }

    private static String claimPath(String person, String claim) {
        return "/api/persons/" + person + "/benefit-claims/" + claim;
    }

    private String statusOf(String person, String claim) {
        for (JsonNode candidate : api.as("clerk").get("/api/persons/" + person).expect(200).json().get("claims")) {
            if (candidate.get("claimId").asText().equals(claim)) {
                return candidate.get("status").asText();
            }
        }
        return "";
    }

    private String household(String community, String what) {
        String id = post("clerk", "/api/households", Map.of("communityCode", community,
                "address", marker("address" + what), "kind", "REGISTERED", "date", "2015-01-01",
                "householdNumber", marker("number" + what), "reason", marker("reasonOf" + what)), 201)
                .field("householdId");
        households.add(id);
        return id;
    }

    private Map<String, Object> personBody(String household, String what, String sex, String birthDate,
                                           String relation) {
        Map<String, Object> body = new HashMap<>(Register.person(household, "Person " + marker("nameOf" + what), sex,
                birthDate, relation, "2016-01-01"));
        body.put("maritalStatus", sex.equals("FEMALE") ? "MARRIED" : "SINGLE");
        body.put("ethnicity", marker("ethnicityOf" + what));
        body.put("reason", marker("reasonOfRegistering" + what));
        nationalIds.add((String) body.get("nationalId"));
        return body;
    }

    private String person(String household, String what, String sex, String birthDate, String relation) {
        return register(personBody(household, what, sex, birthDate, relation));
    }

    private String register(Map<String, Object> body) {
        return post("clerk", "/api/persons", body, 201).field("personId");
    }

    private Api.Response post(String user, String path, Map<String, ?> body, int status) {
        Api.Response response = register.post(user, path, body, status);
        String created = response.field("personId");
        if (created != null) {
            persons.add(created);
        }
        return response;
    }

    /** What one reader got from every GET the service describes, by the request that got it. */
    record Walk(Map<String, String> bodies, Set<String> read) {

        /** All that the reads of one path answered, as one text. */
        String bodiesOf(String path) {
            return bodies.entrySet().stream()
                         .filter(entry -> entry.getKey().equals(path) || entry.getKey().startsWith(path + "?"))
                         .map(Map.Entry::getValue).collect(Collectors.joining("\n"));
        }
    }

    /**
     * Reads, as {@code user}, every GET operation of {@code /v3/api-docs} with its path and query parameters filled
     * in with this test's records, areas and periods (each optional parameter alone, with each of its values), then
     * the unauthenticated endpoints. Every operation must answer 200 at least once, or 403 where the user's role
     * may not read it.
     */
    private Walk walk(String user) {
        Api reader = api.as(user).header("X-Min-Event-Position", Long.toString(register.last()));
        JsonNode docs = api.get("/v3/api-docs").expect(200).json();
        Map<String, String> bodies = new LinkedHashMap<>();
        Set<String> read = new LinkedHashSet<>();
        docs.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                return;
            }
            boolean answered = false;
            List<Integer> statuses = new ArrayList<>();
            for (String request : requests(path.getKey(), get)) {
                Api.Response response = reader.get(request);
                statuses.add(response.status());
                assertThat(response.status()).as("GET %s as %s: %s", request, user, response.text())
                                             .isIn(200, 400, 403, 404);
                if (response.status() == 200) {
                    answered = true;
                    bodies.put(request, response.text());
                    read.add(path.getKey());
                }
            }
            boolean forbidden = statuses.stream().allMatch(status -> status == 403);
            boolean mayNotRead = user.equals("analyst")
                    ? NOT_FOR_ANALYSTS.stream().anyMatch(path.getKey()::startsWith)
                    : path.getKey().startsWith("/api/admin");
            assertThat(answered || (forbidden && mayNotRead))
                    .as("GET %s as %s answered %s", path.getKey(), user, statuses).isTrue();
        });
        for (String open : List.of("/actuator/health", "/actuator/info", "/v3/api-docs")) {
            bodies.put(open, reader.get(open).expect(200).text());
        }
        return new Walk(bodies, read);
    }

    /** The requests that read one operation: its path for each value of its path parameters, and query variants. */
    private List<String> requests(String template, JsonNode operation) {
        List<String> paths = new ArrayList<>(List.of(template));
        Map<String, List<String>> optional = new LinkedHashMap<>();
        Map<String, String> base = new LinkedHashMap<>();
        List<Map<String, String>> required = new ArrayList<>(List.of(Map.of()));
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            List<String> values = values(template, name, parameter.path("schema"));
            if (in.equals("path")) {
                assertThat(values).as("values for {%s} of %s: teach this test", name, template).isNotEmpty();
                List<String> filled = new ArrayList<>();
                paths.forEach(path -> values.forEach(value -> filled.add(path.replace("{" + name + "}", value))));
                paths = filled;
            } else if (in.equals("query") && parameter.path("required").asBoolean()) {
                assertThat(values).as("values for required %s of %s: teach this test", name, template).isNotEmpty();
                List<Map<String, String>> more = new ArrayList<>();
                required.forEach(map -> values.forEach(value -> {
                    Map<String, String> next = new LinkedHashMap<>(map);
                    next.put(name, value);
                    more.add(next);
                }));
                required = more;
            } else if (in.equals("query") && !values.isEmpty()) {
                if (Set.of("areaCode", "size", "limit").contains(name)) {
                    base.put(name, values.get(0));
                } else {
                    optional.put(name, values);
                }
            }
        }
        List<Map<String, String>> queries = new ArrayList<>();
        for (Map<String, String> must : required) {
            Map<String, String> plain = new LinkedHashMap<>(base);
            plain.putAll(must);
            queries.add(plain);
            optional.forEach((name, values) -> values.forEach(value -> {
                Map<String, String> variant = new LinkedHashMap<>(plain);
                variant.put(name, value);
                queries.add(variant);
            }));
            if (optional.containsKey("from") && optional.containsKey("to")) {
                for (int i = 0; i < optional.get("from").size(); i++) {
                    Map<String, String> period = new LinkedHashMap<>(plain);
                    period.put("from", optional.get("from").get(i));
                    period.put("to", optional.get("to").get(i));
                    queries.add(period);
                }
            }
        }
        List<String> requests = new ArrayList<>();
        for (String path : paths) {
            for (Map<String, String> query : queries) {
                requests.add(query.isEmpty() ? path : path + "?" + query.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
            }
        }
        return requests;
    }

    /** The values this test fills a parameter with: enumerations with each of theirs, the rest by name. */
    private List<String> values(String template, String name, JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add(value.asText()));
            return values;
        }
        YearMonth month = YearMonth.from(today);
        LocalDate first = today.minusYears(9).withDayOfYear(1);
        return switch (name) {
            case "personId" -> List.copyOf(persons);
            case "householdId" -> List.copyOf(households);
            case "figure" -> figures();
            case "name" -> template.startsWith("/api/admin/projections") ? projections() : List.of("Person");
            case "areaCode" -> List.of(county);
            case "actor" -> List.of("clerk", "clerk2", "clerk3");
            // dates, and months for the reads that take months
            case "from" -> List.of(first.toString(), YearMonth.from(first).toString());
            case "to" -> List.of(today.toString(), month.toString());
            case "asOf" -> List.of(today.toString());
            case "knownAt" -> List.of(Instant.now().toString());
            case "dueBy" -> List.of(today.plusYears(1).toString());
            case "period" -> List.of(month.toString(), Integer.toString(month.getYear()));
            case "direction" -> List.of("IN", "OUT");
            case "certificate" -> List.of("EXPIRED", "EXPIRING", "VALID", "NONE");
            case "expiringWithinDays" -> List.of("1000");
            case "reportId" -> List.of(reportId);
            case "month" -> List.of(reportMonth);
            case "page" -> List.of("0");
            case "size" -> List.of("500");
            case "limit" -> List.of("100000");
            case "after" -> List.of("0");
            case "nationalId" -> List.copyOf(nationalIds).subList(0, 1);
            case "importId" -> List.of(importId);
            default -> List.of();
        };
    }

    /** The figures of the drill-down, as the service lists them when asked for one it does not know. */
    private List<String> figures() {
        String detail = api.as("auditor").get("/api/dashboards/indicators/none?areaCode=" + county).expect(404)
                           .field("detail");
        Matcher list = Pattern.compile("the figures are (.+)$").matcher(detail);
        assertThat(list.find()).as(detail).isTrue();
        return List.of(list.group(1).split(", "));
    }

    private List<String> projections() {
        List<String> names = new ArrayList<>();
        api.as("analyst").get("/api/admin/projections").expect(200).json()
           .forEach(projection -> names.add(projection.get("name").asText()));
        assertThat(names).isNotEmpty();
        return names;
    }
}
