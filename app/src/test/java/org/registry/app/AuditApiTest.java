package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;

/** The audit trail of api.md: every event of a record, the record as of any instant, what one user did. */
class AuditApiTest extends RegisterScenario {

    Api auditor;

    @BeforeEach
    void signInAsTheAuditor() {
        auditor = api.as("auditor");
    }

    /** A person heading {@code home}, resident since the household's registration in 2010. */
    String head(String home, String name, String sex, String birthDate) {
        return register.register(Register.person(home, name, sex, birthDate, "HEAD", "2010-01-01"));
    }

    @Test
    void everyEventOfAPersonIsListedInOrderWithBothClocksWhoInWhichRoleAndWhy() {
        String home = register.household("330106001001", "1 Audit Road", "2010-01-01");
        Map<String, Object> body = Register.person(home, "Qian Li", "FEMALE", "1988-02-03", "HEAD", "2012-05-06");
        body.put("reason", "arrived for work");
        Api.Response created = api.as("clerk").header("X-Correlation-Id", "intake-42").post("/api/persons", body)
                                  .expect(201);
        String person = created.field("personId");
        register.post("clerk2", "/api/persons/" + person + "/marital-status",
                Map.of("maritalStatus", "MARRIED", "date", "2015-10-01", "reason", "certificate shown"), 200);

        JsonNode trail = auditor.get("/api/audit/persons/" + person).expect(200).json();

        assertThat(trail).hasSize(2);
        JsonNode registered = trail.get(0);
        // The command's position is that of its last event: the household's MemberJoinedHousehold comes after.
        assertThat(registered.get("position").asLong()).isLessThan(created.eventPosition());
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("type").asText()).isEqualTo("PersonRegistered");
        assertThat(registered.get("occurredOn").asText()).isEqualTo("2012-05-06");
        assertThat(Instant.parse(registered.get("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(registered.get("actor").asText()).isEqualTo("clerk");
        assertThat(registered.get("role").asText()).isEqualTo("CLERK");
        assertThat(registered.get("reason").asText()).isEqualTo("arrived for work");
        assertThat(registered.get("correlationId").asText()).isEqualTo("intake-42");
        assertThat(registered.get("payload").get("name").asText()).isEqualTo("Qian Li");
        assertThat(registered.get("payload").get("nationalId").asText()).isEqualTo(body.get("nationalId"));

        JsonNode married = trail.get(1);
        assertThat(married.get("position").asLong()).isGreaterThan(registered.get("position").asLong());
        assertThat(married.get("sequence").asLong()).isEqualTo(1);
        assertThat(married.get("type").asText()).isEqualTo("MaritalStatusRegistered");
        assertThat(married.get("occurredOn").asText()).isEqualTo("2015-10-01");
        assertThat(married.get("actor").asText()).isEqualTo("clerk2");
        assertThat(married.get("reason").asText()).isEqualTo("certificate shown");
        assertThat(married.get("recordedAt").asText()).isGreaterThanOrEqualTo(registered.get("recordedAt").asText());

        JsonNode household = api.as("admin").get("/api/audit/households/" + home).expect(200).json();
        assertThat(household).extracting(entry -> entry.get("type").asText())
                             .containsExactly("HouseholdRegistered", "MemberJoinedHousehold");
        assertThat(household.get(1).get("correlationId").asText()).isEqualTo("intake-42");
    }

    @Test
    void anAnalystReadsTheTrailWithPersonalDataMasked() {
        String home = register.household("330106001001", "2 Audit Road", "2010-01-01");
        Map<String, Object> body = Register.person(home, "Sun Wu", "MALE", "1980-01-01", "HEAD", "2011-01-01");
        String person = register.register(body);

        JsonNode payload = api.as("analyst").get("/api/audit/persons/" + person).expect(200).json()
                              .get(0).get("payload");
        assertThat(payload.get("name").asText()).isEqualTo("***");
        assertThat(payload.get("nationalId").asText()).isEqualTo("***");
        assertThat(payload.get("personId").asText()).isEqualTo(person);
        assertThat(payload.get("birthDate").asText()).isEqualTo("1980-01-01");

        JsonNode household = api.as("analyst").get("/api/audit/households/" + home).expect(200).json();
        assertThat(household.get(0).get("payload").get("address").asText()).isEqualTo("***");
        assertThat(household.get(0).get("payload").get("communityCode").asText()).isEqualTo("330106001001");

        JsonNode state = api.as("analyst").get("/api/audit/persons/" + person + "/state?asOf="
                + Instant.now()).expect(200).json();
        assertThat(state.get("name").asText()).isEqualTo("***");
    }

    @Test
    void aClerkMayNotReadTheAuditTrail() {
        String home = register.household("330106001001", "3 Audit Road", "2010-01-01");

        assertProblem(api.as("clerk").get("/api/audit/households/" + home).expect(403), "FORBIDDEN");
        assertProblem(api.as("clerk").get("/api/audit?actor=clerk").expect(403), "FORBIDDEN");
        assertProblem(api.as("village").get("/api/audit/households/" + home + "/state?asOf=2030-01-01")
                         .expect(403), "FORBIDDEN");
        api.get("/api/audit/households/" + home).expect(401);
    }

    @Test
    void anAuditorReadsEverythingAndRecordsNothing() {
        String home = register.household("330106001001", "4 Audit Road", "2010-01-01");
        String person = head(home, "Zhou Yu", "MALE", "1975-07-07");

        register.read("auditor", "/api/households/" + home);
        register.read("auditor", "/api/persons/" + person);
        assertProblem(auditor.post("/api/households", Map.of("communityCode", "330106001001", "address", "x",
                "kind", "REGISTERED")).expect(403), "FORBIDDEN");
        assertProblem(auditor.post("/api/persons/" + person + "/death", Map.of("date", "2020-01-01")).expect(403),
                "FORBIDDEN");
        assertProblem(auditor.post("/api/households/" + home + "/relocation", Map.of("communityCode",
                "330106001002", "address", "y", "date", "2020-01-01")).expect(403), "FORBIDDEN");
        assertProblem(auditor.post("/api/admin/projections/person-index/replay", Map.of()).expect(403), "FORBIDDEN");
        assertProblem(auditor.get("/api/admin/projections").expect(403), "FORBIDDEN");
        assertThat(auditor.get("/api/audit/persons/" + person).expect(200).json()).hasSize(1);
    }

    @Test
    void anUnknownRecordOrOneOfTheOtherKindIsNotFound() {
        String home = register.household("330106001001", "5 Audit Road", "2010-01-01");
        String person = head(home, "Wu Di", "MALE", "1970-01-01");

        assertProblem(auditor.get("/api/audit/persons/" + UUID.randomUUID()).expect(404), "PERSON_NOT_FOUND");
        assertProblem(auditor.get("/api/audit/households/" + UUID.randomUUID()).expect(404), "HOUSEHOLD_NOT_FOUND");
        assertProblem(auditor.get("/api/audit/persons/" + home).expect(404), "PERSON_NOT_FOUND");
        assertProblem(auditor.get("/api/audit/households/" + person).expect(404), "HOUSEHOLD_NOT_FOUND");
        assertProblem(auditor.get("/api/audit/persons/" + home + "/state?asOf=2030-01-01").expect(404),
                "PERSON_NOT_FOUND");
        assertProblem(auditor.get("/api/audit/households/" + person + "/state?asOf=2030-01-01").expect(404),
                "HOUSEHOLD_NOT_FOUND");
        assertProblem(auditor.get("/api/audit/persons/not-a-uuid").expect(400), "VALIDATION_FAILED");
        assertProblem(auditor.get("/api/audit/persons/" + person + "/state").expect(400), "VALIDATION_FAILED");
        assertProblem(auditor.get("/api/audit/persons/" + person + "/state?asOf=yesterday").expect(400),
                "VALIDATION_FAILED");
        assertProblem(auditor.get("/api/audit/persons/" + person + "/state?asOf=2000-01-01").expect(404),
                "NOT_YET_RECORDED");
    }

    /** What GET answered right after a change, and an instant after it and before the next change. */
    private record Moment(Instant at, JsonNode read) {
    }

    private Moment moment(String path) throws InterruptedException {
        JsonNode read = register.read("clerk", path);
        Instant at = Instant.now();
        Thread.sleep(5);
        return new Moment(at, read);
    }

    @Test
    void aPersonChangedFiveTimesIsReadAsOfEachMomentBetween() throws InterruptedException {
        String home = register.household("330106001003", "6 Audit Road", "2010-01-01");
        String elsewhere = register.household("330106002004", "1 Other Road", "2010-01-01");
        head(elsewhere, "Head Elsewhere", "MALE", "1960-01-01");
        Instant before = Instant.now();
        String person = register.register(Register.person(home, "Zheng He", "MALE", "1985-03-04", "HEAD",
                "2011-01-01"));
        String path = "/api/persons/" + person;
        List<Moment> moments = new ArrayList<>();
        moments.add(moment(path));

        register.post("clerk", path + "/marital-status", Map.of("maritalStatus", "MARRIED", "date", "2014-01-01"),
                200);
        moments.add(moment(path));
        register.post("clerk", path + "/corrections", Map.of("field", "name", "value", "Zheng Ho",
                "reason", "misspelt"), 200);
        moments.add(moment(path));
        register.post("clerk", path + "/moves", Map.of("direction", "OUT", "date", "2016-01-01",
                "place", "Wuhan, Hubei", "moveReason", "WORK"), 200);
        moments.add(moment(path));
        register.post("clerk", "/api/households/" + home + "/relocation", Map.of("communityCode", "330106003005",
                "address", "9 New Road", "date", "2017-01-01"), 200);
        moments.add(moment(path));
        register.post("clerk", path + "/moves", Map.of("direction", "IN", "date", "2018-01-01",
                "place", "Wuhan, Hubei"), 200);
        moments.add(moment(path));
        register.post("clerk", path + "/moves", Map.of("direction", "TRANSFER", "date", "2019-01-01",
                "toHouseholdId", elsewhere, "relationToHead", "OTHER"), 200);
        moments.add(moment(path));

        assertThat(moments).extracting(moment -> moment.read().get("version").asLong())
                           .containsExactly(0L, 1L, 2L, 3L, 3L, 4L, 5L);
        for (Moment moment : moments) {
            JsonNode asOf = auditor.get("/api/audit/persons/" + person + "/state?asOf=" + moment.at()).expect(200)
                                   .json();
            assertThat(asOf).as("the person as of %s", moment.at()).isEqualTo(moment.read());
        }
        assertThat(moments.get(4).read().get("communityCode").asText()).isEqualTo("330106003005");
        assertThat(moments.get(6).read().get("communityCode").asText()).isEqualTo("330106002004");
        assertProblem(auditor.get("/api/audit/persons/" + person + "/state?asOf=" + before).expect(404),
                "NOT_YET_RECORDED");
    }

    @Test
    void aHouseholdIsReadAsOfEachMomentBetweenItsChanges() throws InterruptedException {
        String home = register.household("330106001004", "7 Audit Road", "2010-01-01");
        String path = "/api/households/" + home;
        List<Moment> moments = new ArrayList<>();
        moments.add(moment(path));
        String head = register.register(Register.person(home, "Feng Yi", "MALE", "1960-01-01", "HEAD",
                "2010-01-01"));
        moments.add(moment(path));
        String spouse = register.register(Register.person(home, "Chu Er", "FEMALE", "1962-01-01", "SPOUSE",
                "2010-02-01"));
        moments.add(moment(path));
        register.post("clerk", path + "/head", Map.of("personId", spouse, "date", "2015-01-01"), 200);
        moments.add(moment(path));
        register.post("clerk", "/api/persons/" + head + "/corrections", Map.of("field", "name", "value", "Feng Yee",
                "reason", "as on the ID card"), 200);
        moments.add(moment(path));
        register.post("clerk", path + "/relocation", Map.of("communityCode", "330106002001",
                "address", "3 Xixi Road", "postalCode", "310013", "date", "2016-01-01"), 200);
        moments.add(moment(path));
        register.post("clerk", "/api/persons/" + head + "/death", Map.of("date", "2020-01-01"), 200);
        moments.add(moment(path));
        String child = register.register(Register.person(home, "Feng San", "MALE", "2000-01-01", "CHILD",
                "2016-01-01"));
        moments.add(moment(path));
        register.post("clerk", "/api/persons/" + child + "/moves", Map.of("direction", "OUT", "date", "2021-03-01",
                "place", "Shenzhen"), 200);
        moments.add(moment(path));
        register.post("clerk", "/api/persons/" + child + "/moves", Map.of("direction", "IN", "date", "2022-07-01",
                "place", "Shenzhen"), 200);
        moments.add(moment(path));

        for (Moment moment : moments) {
            JsonNode asOf = auditor.get("/api/audit/households/" + home + "/state?asOf=" + moment.at())
                                   .expect(200).json();
            assertThat(asOf).as("the household as of %s", moment.at()).isEqualTo(moment.read());
        }
        assertThat(moments.get(4).read().get("members")).extracting(member -> member.get("name").asText())
                                                         .containsExactly("Chu Er", "Feng Yee");
        assertThat(residencies(moments.get(4))).containsExactly("PERMANENT 2010-02-01", "PERMANENT 2010-01-01");
        // the head who died stays on the household's page, after the living
        assertThat(residencies(moments.get(6))).containsExactly("PERMANENT 2010-02-01", "DECEASED 2020-01-01");
        assertThat(moments.get(6).read().at("/members/1/name").asText()).isEqualTo("Feng Yee");
        assertThat(residencies(moments.get(8))).containsExactly("PERMANENT 2010-02-01", "MOVED_OUT 2021-03-01",
                "DECEASED 2020-01-01");
        assertThat(residencies(moments.get(9))).containsExactly("PERMANENT 2010-02-01", "PERMANENT 2022-07-01",
                "DECEASED 2020-01-01");
    }

    private static List<String> residencies(Moment moment) {
        List<String> residencies = new ArrayList<>();
        moment.read().get("members").forEach(member -> residencies.add(member.get("residency").asText() + " "
                + member.get("residencySince").asText()));
        return residencies;
    }

    @Test
    void anAsOfBeforeTheFirstRecordingSaysSoAndNamesThatInstant() {
        Instant before = Instant.now();
        String home = register.household("330106001001", "9 Audit Road", "2010-01-01");
        String lastWeek = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7).toString();

        Api.Response early = auditor.get("/api/audit/households/" + home + "/state?asOf=" + lastWeek)
                                    .expect(404);

        assertProblem(early, "NOT_YET_RECORDED");
        Instant first = Instant.parse(early.json().get("firstRecordedAt").asText());
        assertThat(first).isBetween(before.minusSeconds(1), Instant.now());
        String detail = early.json().get("detail").asText();
        assertThat(detail).contains("household " + home + " was first recorded at "
                + first.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        assertThat(detail).contains("HouseholdRegistered, is dated 2010-01-01");
        assertThat(detail).contains("asOf is the instant facts were recorded, not the day they happened");
        assertThat(early.json().at("/errors/0/field").asText()).isEqualTo("asOf");
        auditor.get("/api/audit/households/" + home + "/state?asOf=" + first).expect(200);
    }

    @Test
    void aBareDateMeansTheEndOfThatDayInTheOfficesZone() {
        String home = register.household("330106001001", "8 Audit Road", "2010-01-01");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        JsonNode asOfToday = auditor.get("/api/audit/households/" + home + "/state?asOf=" + today)
                                    .expect(200).json();
        assertThat(asOfToday.get("address").asText()).isEqualTo("8 Audit Road");
        assertProblem(auditor.get("/api/audit/households/" + home + "/state?asOf=" + today.minusDays(1))
                             .expect(404), "NOT_YET_RECORDED");
        String withOffset = today + "T23:59:59.999+08:00";
        assertThat(auditor.get("/api/audit/households/" + home + "/state?asOf="
                + withOffset.replace("+", "%2B")).expect(200).json()).isEqualTo(asOfToday);
    }

    @Test
    void aLateBirthChangesTheBirthOrderFromTheMomentItIsRecordedOnly() throws InterruptedException {
        String home = register.household("330106001005", "9 Audit Road", "2010-01-01");
        String mother = register.register(Register.person(home, "Lu Ma", "FEMALE", "1985-01-01", "HEAD",
                "2010-01-01"));
        String younger = register.post("clerk", "/api/births", Map.of("motherId", mother, "name", "Lu Er",
                "sex", "FEMALE", "birthDate", "2022-07-01", "householdId", home), 201).field("personId");
        Moment beforeLate = moment("/api/persons/" + younger);
        register.post("clerk", "/api/births", Map.of("motherId", mother, "name", "Lu Yi", "sex", "MALE",
                "birthDate", "2019-02-02", "householdId", home, "reason", "registered late"), 201);
        Moment afterLate = moment("/api/persons/" + younger);

        assertThat(beforeLate.read().get("birthOrder").asInt()).isEqualTo(1);
        assertThat(afterLate.read().get("birthOrder").asInt()).isEqualTo(2);
        for (Moment moment : List.of(beforeLate, afterLate)) {
            assertThat(auditor.get("/api/audit/persons/" + younger + "/state?asOf=" + moment.at())
                              .expect(200).json()).isEqualTo(moment.read());
        }
        Moment motherNow = moment("/api/persons/" + mother);
        assertThat(auditor.get("/api/audit/persons/" + mother + "/state?asOf=" + motherNow.at())
                          .expect(200).json()).isEqualTo(motherNow.read());
    }

    @Test
    void checkUpsAndAClaimOnItsWayAreReadAsOfEachMomentToo() throws InterruptedException {
        String home = register.household("330106001006", "12 Audit Road", "2010-01-01");
        Map<String, Object> body = Register.person(home, "Tang Yun", "FEMALE", "1990-01-01", "HEAD", "2010-01-01");
        body.put("maritalStatus", "MARRIED");
        String mother = register.register(body);
        register.post("clerk", "/api/births", Map.of("motherId", mother, "name", "Tang Xiao", "sex", "FEMALE",
                "birthDate", LocalDate.now().minusYears(5).toString(), "householdId", home), 201);
        String path = "/api/persons/" + mother;
        List<Moment> moments = new ArrayList<>();
        moments.add(moment(path));
        register.post("clerk", path + "/check-ups", Map.of("type", "REPRODUCTIVE_HEALTH", "date", "2025-03-01",
                "facility", "Xihu MCH Station", "result", "NORMAL"), 201);
        moments.add(moment(path));
        String claim = register.post("clerk", path + "/benefit-claims", Map.of("programme",
                "ONLY_CHILD_PARENT_AWARD"), 201).field("claimId");
        moments.add(moment(path));
        String decisions = path + "/benefit-claims/" + claim + "/decisions";
        register.post("clerk", decisions, Map.of("stage", "VILLAGE_ASSESSMENT", "outcome", "APPROVE"), 200);
        register.post("clerk2", decisions, Map.of("stage", "TOWNSHIP_REVIEW", "outcome", "APPROVE"), 200);
        register.post("clerk3", decisions, Map.of("stage", "COUNTY_APPROVAL", "outcome", "APPROVE"), 200);
        moments.add(moment(path));
        String objection = register.post("clerk", path + "/benefit-claims/" + claim + "/objections",
                Map.of("note", "the child lives elsewhere"), 201).field("objectionId");
        moments.add(moment(path));
        register.post("clerk2", path + "/benefit-claims/" + claim + "/objections/" + objection + "/resolution",
                Map.of("upheld", false, "note", "she lives here"), 200);
        moments.add(moment(path));

        assertThat(moments).extracting(moment -> moment.read().get("claims").size()).containsExactly(0, 0, 1, 1, 1, 1);
        assertThat(moments.get(4).read().get("claims").get(0).get("status").asText()).isEqualTo("OBJECTED");
        for (Moment moment : moments) {
            assertThat(auditor.get("/api/audit/persons/" + mother + "/state?asOf=" + moment.at())
                              .expect(200).json()).as("the person as of %s", moment.at()).isEqualTo(moment.read());
        }
    }

    @Test
    void whatOneUserRecordedInAPeriodIsListedOldestFirst() throws InterruptedException {
        String user = "clerk3";
        Instant from = Instant.now();
        Thread.sleep(5);
        String home = register.post(user, "/api/households", Map.of("communityCode", "330106001001",
                "address", "10 Audit Road", "kind", "NOMINAL", "date", "2020-01-01"), 201).field("householdId");
        register.post(user, "/api/households/" + home + "/relocation", Map.of("communityCode", "330106001002",
                "address", "11 Audit Road", "date", "2021-01-01"), 200);
        register.household("330106001001", "by another clerk", "2020-01-01");
        Thread.sleep(5);
        Instant to = Instant.now();

        Api caughtUp = auditor.header("X-Min-Event-Position", Long.toString(register.last()));
        JsonNode page = caughtUp.get("/api/audit?actor=" + user + "&from=" + from + "&to=" + to).expect(200).json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items")).extracting(entry -> entry.get("type").asText())
                                     .containsExactly("HouseholdRegistered", "HouseholdRelocated");
        assertThat(page.get("items").get(0).get("actor").asText()).isEqualTo(user);
        assertThat(page.get("items").get(0).get("recordId").asText()).isEqualTo(home);
        assertThat(page.get("items").get(1).get("payload").get("address").asText()).isEqualTo("11 Audit Road");

        JsonNode second = caughtUp.get("/api/audit?actor=" + user + "&from=" + from + "&to=" + to + "&size=1&page=1")
                                 .expect(200).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("type").asText()).isEqualTo("HouseholdRelocated");
        assertThat(caughtUp.get("/api/audit?actor=" + user + "&to=" + from).expect(200).json().get("items"))
                .noneMatch(entry -> entry.get("recordId").asText().equals(home));
        assertProblem(caughtUp.get("/api/audit").expect(400), "VALIDATION_FAILED");
        assertProblem(caughtUp.get("/api/audit?actor=x&from=2026-02-01&to=2026-01-01").expect(400),
                "VALIDATION_FAILED");

        JsonNode verified = api.as("admin").post("/api/admin/projections/audit-actor-index/verify", Map.of())
                               .expect(200).json();
        assertThat(verified.get("identical").asBoolean()).as("%s", verified).isTrue();
    }
}
