package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.Register.nationalId;

/** Check-ups and benefit claims over HTTP: the "Check-ups" and "Benefits" tables of api.md. */
@TestPropertySource(properties = "registry.benefits.public-notice-period=PT2S")
class ServicesApiTest extends RegisterScenario {

    static final String THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    String household(String community) {
        return register.household(community, "1 Service Road", "2000-01-01");
    }

    String person(String household, String name, String sex, String birthDate, String relation) {
        return clerk.post("/api/persons", Map.of("nationalId", nationalId(birthDate, sex), "name", name, "sex", sex,
                "birthDate", birthDate, "householdId", household, "relationToHead", relation,
                "residency", "PERMANENT", "maritalStatus", "MARRIED", "residentSince", "2001-01-01"))
                .expect(201).field("personId");
    }

    JsonNode read(String person, long position) {
        return clerk.header("X-Min-Event-Position", Long.toString(position)).get("/api/persons/" + person)
                    .expect(200).json();
    }

    /** A mother of one child of five: eligible for the only-child award. */
    String motherOfOnlyChild(String community) {
        String home = household(community);
        String mother = person(home, "Qian Li", "FEMALE", "1990-01-01", "HEAD");
        clerk.post("/api/births", Map.of("motherId", mother, "name", "Qian Xiao", "sex", "FEMALE",
                "birthDate", LocalDate.now().minusYears(5).toString(), "householdId", home)).expect(201);
        return mother;
    }

    Api.Response decide(String user, String person, String claim, String stage, String outcome) {
        return api.as(user).post("/api/persons/" + person + "/benefit-claims/" + claim + "/decisions",
                Map.of("stage", stage, "outcome", outcome, "note", "checked", "reason", "monthly review"));
    }

    String grantedAward(String community) {
        String mother = motherOfOnlyChild(community);
        String claim = fileAward(mother);
        long position = approveAtEveryLevel(mother, claim).eventPosition();
        assertThat(claimOf(read(mother, position), claim).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
        awaitStatus(mother, claim, "GRANTED");
        return mother;
    }

    /** The mother's claim to the only-child parent award, filed. */
    String fileAward(String mother) {
        return clerk.post("/api/persons/" + mother + "/benefit-claims",
                Map.of("programme", "ONLY_CHILD_PARENT_AWARD")).expect(201).field("claimId");
    }

    /** The claim approved at the three levels, each by a clerk of its own: it goes on public notice. */
    Api.Response approveAtEveryLevel(String mother, String claim) {
        decide("clerk", mother, claim, "VILLAGE_ASSESSMENT", "APPROVE").expect(200);
        decide("clerk2", mother, claim, "TOWNSHIP_REVIEW", "APPROVE").expect(200);
        return decide("clerk3", mother, claim, "COUNTY_APPROVAL", "APPROVE").expect(200);
    }

    static JsonNode claimOf(JsonNode person, String claim) {
        for (JsonNode candidate : person.get("claims")) {
            if (candidate.get("claimId").asText().equals(claim)) {
                return candidate;
            }
        }
        throw new AssertionError("no claim " + claim + " on " + person);
    }

    void awaitStatus(String person, String claim, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(claimOf(clerk.get("/api/persons/" + person).expect(200).json(), claim).get("status").asText())
                        .isEqualTo(status));
    }

    @Test
    void aCheckUpIsRecordedAndReadBackWithItsFollowUp() {
        String woman = person(household("330106001001"), "Fang Hua", "FEMALE", "1995-05-05", "HEAD");
        Api.Response recorded = clerk.post("/api/persons/" + woman + "/check-ups", Map.of("type", "PRE_PREGNANCY",
                "date", "2026-03-01", "facility", "Xihu MCH Station", "result", "HIGH_RISK", "riskLevel", "HIGH",
                "notes", "anaemia")).expect(201);
        assertThat(recorded.field("checkUpId")).isNotBlank();

        JsonNode checkUp = read(woman, recorded.eventPosition()).get("checkUps").get(0);
        assertThat(checkUp.get("checkUpId").asText()).isEqualTo(recorded.field("checkUpId"));
        assertThat(checkUp.get("type").asText()).isEqualTo("PRE_PREGNANCY");
        assertThat(checkUp.get("result").asText()).isEqualTo("HIGH_RISK");
        assertThat(checkUp.get("followUpDue").asText()).isEqualTo("2026-03-31");
    }

    @Test
    void aCheckUpOfAnUnknownOrDeadPersonOrInTheFutureIsRefused() {
        Map<String, Object> body = Map.of("type", "REPRODUCTIVE_HEALTH", "date", "2026-03-01",
                "facility", "Station", "result", "NORMAL");
        assertProblem(clerk.post("/api/persons/00000000-0000-0000-0000-000000000009/check-ups", body).expect(404),
                "PERSON_NOT_FOUND");
        String woman = person(household("330106001001"), "Fang Hua", "FEMALE", "1995-05-05", "HEAD");
        assertProblem(clerk.post("/api/persons/" + woman + "/check-ups", Map.of("type", "REPRODUCTIVE_HEALTH",
                "date", "2999-01-01", "facility", "Station", "result", "NORMAL")).expect(400), "DATE_IN_FUTURE");
        clerk.post("/api/persons/" + woman + "/death", Map.of("date", "2026-01-01")).expect(200);
        assertProblem(clerk.post("/api/persons/" + woman + "/check-ups", body).expect(409), "INVALID_STATE");
    }

    @Test
    void aClaimTheRegisterContradictsIsRefusedWithTheReason() {
        String home = household("330106001001");
        String man = person(home, "Zhang San", "MALE", "1985-01-01", "HEAD");
        Api.Response refused = clerk.post("/api/persons/" + man + "/benefit-claims",
                Map.of("programme", "ONLY_CHILD_PARENT_AWARD")).expect(422);
        assertProblem(refused, "NOT_ELIGIBLE");
        assertThat(refused.field("detail")).contains("0 child(ren)");
    }

    @Test
    void aClaimPassesThreeLevelsInOrderByThreeClerksAndIsGrantedWhenTheNoticeEnds() {
        String mother = motherOfOnlyChild("330106001001");
        Api.Response filed = clerk.post("/api/persons/" + mother + "/benefit-claims",
                Map.of("programme", "ONLY_CHILD_PARENT_AWARD", "basis", "one daughter")).expect(201);
        String claim = filed.field("claimId");
        assertThat(claimOf(read(mother, filed.eventPosition()), claim).get("status").asText()).isEqualTo("APPLIED");

        assertProblem(decide("clerk2", mother, claim, "TOWNSHIP_REVIEW", "APPROVE").expect(409), "INVALID_STATE");
        decide("clerk", mother, claim, "VILLAGE_ASSESSMENT", "APPROVE").expect(200);
        assertProblem(decide("clerk", mother, claim, "TOWNSHIP_REVIEW", "APPROVE").expect(403), "FOUR_EYES_VIOLATION");
        decide("clerk2", mother, claim, "TOWNSHIP_REVIEW", "APPROVE").expect(200);
        Api.Response county = decide("clerk3", mother, claim, "COUNTY_APPROVAL", "APPROVE").expect(200);

        JsonNode onNotice = claimOf(read(mother, county.eventPosition()), claim);
        assertThat(onNotice.get("status").asText()).isEqualTo("PUBLIC_NOTICE");
        assertThat(onNotice.get("noticeEndsAt").asText()).isNotBlank();
        awaitStatus(mother, claim, "GRANTED");
    }

    @Test
    void aVillageClerkAssessesButDoesNotReviewForTheTownship() {
        String mother = motherOfOnlyChild("330106001001");
        String claim = fileAward(mother);
        decide("village", mother, claim, "VILLAGE_ASSESSMENT", "APPROVE").expect(200);
        assertProblem(decide("village", mother, claim, "TOWNSHIP_REVIEW", "APPROVE").expect(403),
                "OUTSIDE_AREA_SCOPE");
    }

    @Test
    void anObjectionHoldsTheClaimAndUpheldItRejectsIt() {
        String mother = motherOfOnlyChild("330106001001");
        String claim = fileAward(mother);
        approveAtEveryLevel(mother, claim);
        Api.Response objection = clerk.post("/api/persons/" + mother + "/benefit-claims/" + claim + "/objections",
                Map.of("note", "a neighbour says there is a second child")).expect(201);
        String objectionId = objection.field("objectionId");

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(claimOf(read(mother, objection.eventPosition()), claim).get("status").asText())
                        .isEqualTo("OBJECTED"));
        Api.Response upheld = clerk.post("/api/persons/" + mother + "/benefit-claims/" + claim + "/objections/"
                + objectionId + "/resolution", Map.of("upheld", true, "note", "the second child was found")).expect(200);
        assertThat(claimOf(read(mother, upheld.eventPosition()), claim).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aDismissedObjectionLetsTheNoticeGoOnToTheGrant() {
        String mother = motherOfOnlyChild("330106001001");
        String claim = fileAward(mother);
        approveAtEveryLevel(mother, claim);
        String objection = clerk.post("/api/persons/" + mother + "/benefit-claims/" + claim + "/objections",
                Map.of("note", "doubt")).expect(201).field("objectionId");
        clerk.post("/api/persons/" + mother + "/benefit-claims/" + claim + "/objections/" + objection + "/resolution",
                Map.of("upheld", false, "note", "unfounded")).expect(200);
        awaitStatus(mother, claim, "GRANTED");
    }

    @Test
    void aPaymentRunPaysEachDueClaimOnceAndARepeatPaysNobody() {
        String community = "330106009" + String.format("%03d", (int) (Math.random() * 199) + 1);
        String mother = grantedAward(community);

        JsonNode first = clerk.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", THIS_MONTH, "areaCode", community)).expect(200).json();
        assertThat(first.get("claims").asInt()).isEqualTo(1);
        assertThat(first.get("paid").asInt()).isEqualTo(1);
        assertThat(first.get("alreadyPaid").asInt()).isZero();
        assertThat(first.at("/notDue/total").asInt()).isZero();
        assertThat(first.get("amount").asText()).isEqualTo("20.00");
        JsonNode again = clerk.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", THIS_MONTH, "areaCode", community)).expect(200).json();
        assertThat(again.get("paid").asInt()).isZero();
        assertThat(again.get("alreadyPaid").asInt()).isEqualTo(1);
        assertThat(again.get("amount").asText()).isEqualTo("0.00");
        assertThat(payments(mother)).isEqualTo(1);
    }

    @Test
    void aPaymentRunCountsEveryClaimOfTheAreaOnceWithWhyItIsNotDue() {
        String community = "330106006" + String.format("%03d", (int) (Math.random() * 199) + 1);
        String granted = grantedAward(community);
        String reviewed = motherOfOnlyChild(community);
        clerk.post("/api/persons/" + reviewed + "/benefit-claims", Map.of("programme", "ONLY_CHILD_PARENT_AWARD"))
             .expect(201);
        String rejected = motherOfOnlyChild(community);
        String claim = fileAward(rejected);
        decide("clerk", rejected, claim, "VILLAGE_ASSESSMENT", "REJECT").expect(200);
        String lastMonth = YearMonth.parse(THIS_MONTH).minusMonths(1).toString();

        JsonNode before = clerk.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", lastMonth, "areaCode", community)).expect(200).json();

        assertThat(before.get("claims").asInt()).isEqualTo(3);
        assertThat(before.get("paid").asInt()).isZero();
        assertThat(before.get("alreadyPaid").asInt()).isZero();
        assertThat(before.at("/notDue/total").asInt()).isEqualTo(3);
        assertThat(before.at("/notDue/byReason/GRANTED_AFTER_PERIOD").asInt()).isEqualTo(1);
        assertThat(before.at("/notDue/byReason/UNDER_REVIEW").asInt()).isEqualTo(1);
        assertThat(before.at("/notDue/byReason/REJECTED").asInt()).isEqualTo(1);
        assertThat(before.at("/notDue/byReason/ENDED").asInt()).isZero();
        assertThat(before.get("amount").asText()).isEqualTo("0.00");
        assertThat(payments(granted)).isZero();

        JsonNode now = clerk.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", THIS_MONTH, "areaCode", community)).expect(200).json();
        assertThat(now.get("claims").asInt()).isEqualTo(3);
        assertThat(now.get("paid").asInt()).isEqualTo(1);
        assertThat(now.at("/notDue/total").asInt()).isEqualTo(2);
        assertThat(payments(granted)).isEqualTo(1);
    }

    @Test
    void aPaymentRunRetriedWithItsIdempotencyKeyGetsTheFirstAnswer() {
        String community = "330106007" + String.format("%03d", (int) (Math.random() * 199) + 1);
        String mother = grantedAward(community);
        Api keyed = clerk.header("Idempotency-Key", "run-" + community + "-" + THIS_MONTH);
        Map<String, Object> run = Map.of("programme", "ONLY_CHILD_PARENT_AWARD", "period", THIS_MONTH,
                "areaCode", community);

        Api.Response first = keyed.post("/api/benefit-payment-runs", run).expect(200);
        Api.Response retry = keyed.post("/api/benefit-payment-runs", run).expect(200);

        assertThat(first.json().get("paid").asInt()).isEqualTo(1);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(payments(mother)).isEqualTo(1);
        assertProblem(keyed.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", THIS_MONTH, "areaCode", "330106")).expect(422), "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void twoPaymentRunsRacingPayEachClaimExactlyOnce() throws Exception {
        String community = "330106008" + String.format("%03d", (int) (Math.random() * 199) + 1);
        List<String> mothers = List.of(grantedAward(community), grantedAward(community), grantedAward(community));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<JsonNode>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> clerk.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                        "period", THIS_MONTH, "areaCode", community)).expect(200).json());
            }
            int paid = 0;
            int alreadyPaid = 0;
            for (Future<JsonNode> run : pool.invokeAll(runs)) {
                paid += run.get().get("paid").asInt();
                alreadyPaid += run.get().get("alreadyPaid").asInt();
            }
            assertThat(paid).isEqualTo(3);
            assertThat(alreadyPaid).isEqualTo(9);
            for (String mother : mothers) {
                assertThat(payments(mother)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPaymentRunForAFuturePeriodOrOutsideTheCallersAreaIsRefused() {
        assertProblem(clerk.post("/api/benefit-payment-runs", Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                "period", YearMonth.now().plusMonths(2).toString(), "areaCode", "330106")).expect(400),
                "VALIDATION_FAILED");
        assertProblem(Api.at(port).as("village").post("/api/benefit-payment-runs", Map.of("programme",
                "ONLY_CHILD_PARENT_AWARD", "period", THIS_MONTH, "areaCode", "330106")).expect(403),
                "OUTSIDE_AREA_SCOPE");
    }

    @Test
    void aGrantedClaimIsRecertifiedOnceAYearAndEndsWhenTheBeneficiaryDies() {
        String mother = grantedAward("330106001001");
        String claim = clerk.get("/api/persons/" + mother).json().get("claims").get(0).get("claimId").asText();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        clerk.post("/api/persons/" + mother + "/benefit-claims/" + claim + "/recertifications",
                Map.of("year", year, "outcome", "CONTINUE")).expect(200);
        assertProblem(clerk.post("/api/persons/" + mother + "/benefit-claims/" + claim + "/recertifications",
                Map.of("year", year, "outcome", "CONTINUE")).expect(409), "ALREADY_RECERTIFIED");
        Api.Response died = clerk.post("/api/persons/" + mother + "/death",
                Map.of("date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())).expect(200);
        JsonNode ended = claimOf(read(mother, died.eventPosition()), claim);
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.get("endReason").asText()).isEqualTo("BENEFICIARY_DIED");
    }

    @Test
    void anUnknownClaimIsNotFound() {
        String mother = motherOfOnlyChild("330106001001");
        assertProblem(decide("clerk", mother, "00000000-0000-0000-0000-000000000003", "VILLAGE_ASSESSMENT", "APPROVE")
                .expect(404), "CLAIM_NOT_FOUND");
    }

    int payments(String person) {
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?""",
                Integer.class, person, "org.registry.kernel.person.BenefitPaid");
        return count == null ? 0 : count;
    }
}
