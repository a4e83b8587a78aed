package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP contract of api.md, end to end, on the first slice: households. */
@AutoConfigureObservability
@TestPropertySource(properties = "registry.read-your-writes.max-wait=1s")
class HouseholdApiTest extends ApiScenario {

    static Map<String, Object> household(String community, String address) {
        return Map.of("communityCode", community, "address", address, "kind", "REGISTERED", "date", "2026-01-01");
    }

    Api.Response register(String community, String address) {
        return api.as("clerk").post("/api/households", household(community, address)).expect(201);
    }

    @Test
    void aRegisteredHouseholdIsReadBackWithItsVersionAndPosition() {
        Api.Response created = api.as("clerk").post("/api/households", Map.of(
                "communityCode", "330106001001", "address", "1 Wensan Road", "kind", "FLOATING",
                "householdNumber", "H-0001", "date", "2026-03-01", "reason", "arrived for work"));

        created.expect(201);
        String id = created.field("householdId");
        assertThat(created.json().get("version").asLong()).isZero();
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(created.header("Location")).contains("/api/households/" + id);
        assertThat(created.eventPosition()).isPositive();

        Api.Response read = api.as("clerk").header("X-Min-Event-Position", Long.toString(created.eventPosition()))
                               .get("/api/households/" + id).expect(200);
        assertThat(read.field("communityCode")).isEqualTo("330106001001");
        assertThat(read.field("address")).isEqualTo("1 Wensan Road");
        assertThat(read.field("kind")).isEqualTo("FLOATING");
        assertThat(read.field("householdNumber")).isEqualTo("H-0001");
        assertThat(read.field("registeredOn")).isEqualTo("2026-03-01");
        assertThat(read.header("ETag")).contains("\"0\"");
    }

    @Test
    void aRelocationIsVisibleToTheClerkWhoRecordedIt() {
        String id = register("330106001001", "1 Wensan Road").field("householdId");

        Api.Response moved = api.as("clerk").post("/api/households/" + id + "/relocation",
                Map.of("communityCode", "330106002003", "address", "8 Xixi Road", "date", "2026-05-01")).expect(200);

        assertThat(moved.json().get("version").asLong()).isEqualTo(1);
        assertThat(moved.field("householdId")).isEqualTo(id);
        JsonNode read = api.as("clerk").header("X-Min-Event-Position", Long.toString(moved.eventPosition()))
                           .get("/api/households/" + id).expect(200).json();
        assertThat(read.get("communityCode").asText()).isEqualTo("330106002003");
        assertThat(read.get("address").asText()).isEqualTo("8 Xixi Road");
        assertThat(read.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void householdsAreListedByAreaCodePrefixAtEveryLevel() {
        String county = Register.countyOfItsOwn(41);
        register(county + "001001", "a");
        register(county + "001002", "b");
        long last = register(county + "002001", "c").eventPosition();

        Api clerk = api.as("clerk").header("X-Min-Event-Position", Long.toString(last));
        assertThat(clerk.get("/api/households?areaCode=" + county).expect(200).json().get("total").asInt()).isEqualTo(3);
        assertThat(clerk.get("/api/households?areaCode=" + county + "001").json().get("total").asInt()).isEqualTo(2);
        assertThat(clerk.get("/api/households?areaCode=" + county + "001002").json().get("total").asInt()).isEqualTo(1);
        JsonNode page = clerk.get("/api/households?areaCode=" + county + "&size=2&page=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(clerk.get("/api/households?areaCode=" + county + "&kind=NOMINAL").json().get("total").asInt())
                .isZero();
    }

    @Nested
    class Errors {

        @Test
        void missingFieldsAreNamed() {
            Api.Response answer = api.as("clerk").post("/api/households", Map.of("kind", "REGISTERED")).expect(400);
            assertProblem(answer, "VALIDATION_FAILED");
            assertThat(fields(answer)).containsExactlyInAnyOrder("communityCode", "address");
        }

        @Test
        void aCommunityCodeOfTheWrongShapeIsNamed() {
            Api.Response answer = api.as("clerk").post("/api/households", household("33010600100", "x")).expect(400);
            assertProblem(answer, "COMMUNITY_CODE_INVALID");
            assertThat(fields(answer)).containsExactly("communityCode");
        }

        @Test
        void anUnknownKindUnknownFieldBadDateOrBrokenJsonIsABadRequest() {
            Api clerk = api.as("clerk");
            assertThat(fields(clerk.post("/api/households", Map.of("communityCode", "330106001001",
                    "address", "x", "kind", "CASTLE")).expect(400))).containsExactly("kind");
            assertThat(fields(clerk.post("/api/households", Map.of("communityCode", "330106001001",
                    "address", "x", "kind", "NOMINAL", "colour", "red")).expect(400))).containsExactly("colour");
            assertThat(fields(clerk.post("/api/households", Map.of("communityCode", "330106001001",
                    "address", "x", "kind", "NOMINAL", "date", "01.03.2026")).expect(400))).containsExactly("date");
            assertProblem(clerk.post("/api/households", "{\"communityCode\": ").expect(400), "MALFORMED_REQUEST");
        }

        @Test
        void aDateInTheFutureIsRefused() {
            Api.Response answer = api.as("clerk").post("/api/households", Map.of("communityCode", "330106001001",
                    "address", "x", "kind", "NOMINAL", "date", "2999-01-01")).expect(400);
            assertProblem(answer, "DATE_IN_FUTURE");
            assertThat(fields(answer)).containsExactly("date");
        }

        @Test
        void anUnknownHouseholdIsNotFoundAndAMalformedIdIsABadRequest() {
            String unknown = UUID.randomUUID().toString();
            assertProblem(api.as("clerk").get("/api/households/" + unknown).expect(404), "HOUSEHOLD_NOT_FOUND");
            assertProblem(api.as("clerk").post("/api/households/" + unknown + "/relocation",
                    Map.of("communityCode", "330106001001", "address", "x", "date", "2026-01-01")).expect(404),
                    "HOUSEHOLD_NOT_FOUND");
            assertThat(fields(api.as("clerk").get("/api/households/not-a-uuid").expect(400)))
                    .containsExactly("householdId");
        }

        @Test
        void anUnknownPathOrMethodIsAProblemToo() {
            assertProblem(api.as("clerk").get("/api/nothing-here").expect(404), "NOT_FOUND");
            assertProblem(api.as("clerk").post("/api/households/" + UUID.randomUUID(), Map.of()).expect(405),
                    "METHOD_NOT_ALLOWED");
        }

        @Test
        void anAreaCodeOfNoLevelIsRefused() {
            assertProblem(api.as("clerk").get("/api/households?areaCode=3301061").expect(400), "AREA_CODE_INVALID");
            assertProblem(api.as("clerk").get("/api/households?areaCode=330106&size=501").expect(400),
                    "VALIDATION_FAILED");
        }
    }

    @Nested
    class ConditionalCommands {

        @Test
        void aCommandBasedOnAStaleVersionIsRefusedWith412() {
            String id = register("330106001001", "1 Wensan Road").field("householdId");
            Map<String, Object> move = Map.of("communityCode", "330106001001", "address", "2 Wensan Road",
                    "date", "2026-05-01");
            api.as("clerk").header("If-Match", "\"0\"").post("/api/households/" + id + "/relocation", move)
               .expect(200);

            Api.Response stale = api.as("clerk2").header("If-Match", "\"0\"")
                    .post("/api/households/" + id + "/relocation", Map.of("communityCode", "330106001001",
                            "address", "3 Wensan Road", "date", "2026-05-02")).expect(412);
            assertProblem(stale, "CONCURRENT_MODIFICATION");
            assertThat(eventsOf(id)).isEqualTo(2);
        }

        @Test
        void aMalformedIfMatchIsABadRequest() {
            String id = register("330106001001", "1 Wensan Road").field("householdId");
            assertThat(fields(api.as("clerk").header("If-Match", "yesterday")
                    .post("/api/households/" + id + "/relocation", Map.of("communityCode", "330106001001",
                            "address", "2", "date", "2026-05-01")).expect(400))).containsExactly("If-Match");
        }
    }

    @Nested
    class IdempotentRetries {

        @Test
        void aRetryReturnsTheFirstAnswerAndRecordsNothing() {
            Api keyed = api.as("clerk").header("Idempotency-Key", UUID.randomUUID().toString());
            Map<String, Object> body = household("330106001001", "5 Retry Lane");
            Api.Response first = keyed.post("/api/households", body).expect(201);
            Api.Response retry = keyed.post("/api/households", body).expect(201);

            assertThat(retry.json()).isEqualTo(first.json());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(retry.header("X-Event-Position")).isEqualTo(first.header("X-Event-Position"));
            assertThat(retry.header("Idempotent-Replayed")).contains("true");
            assertThat(eventsOf(first.field("householdId"))).isEqualTo(1);
        }

        @Test
        void theSameKeyWithAnotherBodyIsRefused() {
            Api keyed = api.as("clerk").header("Idempotency-Key", UUID.randomUUID().toString());
            keyed.post("/api/households", household("330106001001", "6 Retry Lane")).expect(201);
            assertProblem(keyed.post("/api/households", household("330106001001", "7 Retry Lane")).expect(422),
                    "IDEMPOTENCY_KEY_REUSED");
        }

        @Test
        void keysBelongToTheirUser() {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = household("330106001001", "8 Retry Lane");
            String first = api.as("clerk").header("Idempotency-Key", key).post("/api/households", body)
                              .expect(201).field("householdId");
            String second = api.as("clerk2").header("Idempotency-Key", key).post("/api/households", body)
                               .expect(201).field("householdId");
            assertThat(second).isNotEqualTo(first);
        }

        @Test
        void concurrentRetriesStoreOneHousehold() throws Exception {
            Api keyed = api.as("clerk").header("Idempotency-Key", UUID.randomUUID().toString());
            Map<String, Object> body = household("330106001001", "9 Race Lane");
            List<Callable<Api.Response>> retries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                retries.add(() -> keyed.post("/api/households", body));
            }
            List<Api.Response> answers = atOnce(retries);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
            Set<String> ids = answers.stream().map(answer -> answer.field("householdId")).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(eventsOf(ids.iterator().next())).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload LIKE ?",
                    Integer.class, "%9 Race Lane%")).isEqualTo(1);
        }
    }

    @Nested
    class ReadYourWrites {

        @Test
        void aPositionNotReachedInTimeIsAnsweredWith503() {
            String id = register("330106001001", "1 Wensan Road").field("householdId");
            Api.Response answer = api.as("clerk").header("X-Min-Event-Position", "999999999")
                                     .get("/api/households/" + id).expect(503);
            assertProblem(answer, "POSITION_NOT_YET_VISIBLE");
            assertThat(answer.header("Retry-After")).isPresent();
        }

        @Test
        void aPositionThatIsNoNumberIsABadRequest() {
            assertThat(fields(api.as("clerk").header("X-Min-Event-Position", "latest")
                    .get("/api/households?areaCode=330106").expect(400))).containsExactly("X-Min-Event-Position");
        }
    }

    @Nested
    class Access {

        @Test
        void anonymousCallersAndWrongPasswordsGet401() {
            Api.Response anonymous = api.get("/api/households?areaCode=330106").expect(401);
            assertProblem(anonymous, "UNAUTHENTICATED");
            assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
            Api.Response wrong = api.header("Authorization", "Basic Y2xlcms6d3Jvbmc=")
                                    .get("/api/households?areaCode=330106").expect(401);
            assertProblem(wrong, "UNAUTHENTICATED");
        }

        @Test
        void auditorsReadButRecordNothing() {
            Api.Response created = register("330106001001", "1 Wensan Road");
            assertProblem(api.as("auditor").post("/api/households", household("330106001001", "x")).expect(403),
                    "FORBIDDEN");
            api.as("auditor").header("X-Min-Event-Position", Long.toString(created.eventPosition()))
               .get("/api/households/" + created.field("householdId")).expect(200);
        }

        @Test
        void analystsDoNotReadTheRegisterOfPersons() {
            assertProblem(api.as("analyst").get("/api/households?areaCode=330106").expect(403), "FORBIDDEN");
        }

        @Test
        void aVillageClerkActsAndReadsOnlyInItsCommunity() {
            Api village = api.as("village");
            String own = village.post("/api/households", household("330106001001", "1 Home Road")).expect(201)
                                .field("householdId");
            assertProblem(village.post("/api/households", household("330106001002", "1 Next Door")).expect(403),
                    "OUTSIDE_AREA_SCOPE");

            Api.Response elsewhere = register("330106001002", "1 Next Door");
            String other = elsewhere.field("householdId");
            Api waiting = village.header("X-Min-Event-Position", Long.toString(elsewhere.eventPosition()));
            assertProblem(waiting.get("/api/households/" + other).expect(403), "OUTSIDE_AREA_SCOPE");
            assertProblem(village.post("/api/households/" + other + "/relocation", Map.of("communityCode",
                    "330106001001", "address", "moved in", "date", "2026-05-01")).expect(403), "OUTSIDE_AREA_SCOPE");
            assertProblem(village.post("/api/households/" + own + "/relocation", Map.of("communityCode",
                    "330106001002", "address", "moved out", "date", "2026-05-01")).expect(403), "OUTSIDE_AREA_SCOPE");
            assertProblem(waiting.get("/api/households?areaCode=330106").expect(403), "OUTSIDE_AREA_SCOPE");

            JsonNode mine = waiting.get("/api/households").expect(200).json();
            assertThat(mine.get("items")).allSatisfy(item ->
                    assertThat(item.get("communityCode").asText()).isEqualTo("330106001001"));
            waiting.get("/api/households/" + own).expect(200);
        }

        @Test
        void healthDocsAndMetricsAreOpen() {
            assertThat(api.get("/actuator/health").expect(200).field("status")).isEqualTo("UP");
            assertThat(api.get("/v3/api-docs").expect(200).json().get("paths").has("/api/households")).isTrue();
            assertThat(api.get("/actuator/prometheus").expect(200).text()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void everyEventCarriesWhoInWhichRoleWhyAndWhichRequest() throws Exception {
        Api.Response created = api.as("clerk3").header("X-Correlation-Id", "batch-2026-05")
                .post("/api/households", Map.of("communityCode", "330106001001", "address", "1 Audit Road",
                        "kind", "NOMINAL", "reason", "registration drive")).expect(201);

        String metaData = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?", String.class,
                created.field("householdId"));
        JsonNode meta = new ObjectMapper().readTree(metaData);
        assertThat(meta.get("actor").asText()).isEqualTo("clerk3");
        assertThat(meta.get("role").asText()).isEqualTo("CLERK");
        assertThat(meta.get("reason").asText()).isEqualTo("registration drive");
        assertThat(meta.get("correlationId").asText()).isEqualTo("batch-2026-05");
        assertThat(meta.get("requestId").asText()).isEqualTo(created.header("X-Request-Id").orElseThrow());
        assertThat(meta.get("causationId").asText()).isNotBlank();
        assertThat(meta.has("expectedVersion")).isFalse();
    }

    int eventsOf(String aggregate) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregate);
        return count == null ? 0 : count;
    }

    static void assertProblem(Api.Response answer, String code) {
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.hasNonNull("type")).isTrue();
        assertThat(problem.hasNonNull("title")).isTrue();
        assertThat(problem.hasNonNull("detail")).isTrue();
    }

    static List<String> fields(Api.Response answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
