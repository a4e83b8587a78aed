package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registry.kernel.benefit.Programme;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.HouseholdApiTest.assertProblem;
import static org.registry.app.HouseholdApiTest.fields;

/**
 * The error contract where garbage was taken before (issue 9): each case named there is refused with a problem and
 * records nothing; a refusal is one line of the log, an unexpected failure logs its request id; and the API
 * description states each command's status and problems. {@link InputFuzzTest} tries everything else.
 */
@RegistryTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorContractTest {

    private static final String COMMUNITY = "330106001001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;
    Api clerk;

    /** Fails as no code of the service should: the stand-in for a bug. */
    @TestConfiguration
    @RestController
    static class Failing {

        @GetMapping("/api/test/failure")
        String fail() {
            throw new IllegalStateException("a bug");
        }
    }

    @BeforeEach
    void setUp() {
        clerk = Api.at(port).as("clerk");
    }

    private int storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Integer.class);
    }

    private Api.Response registerHousehold(String json) {
        return clerk.header("Content-Type", "application/json").send("POST", "/api/households",
                json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":1}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\" FLOATING\"}",
            "{\"communityCode\":\"330106001001\",\"address\":true,\"kind\":\"FLOATING\"}",
            "{\"communityCode\":330106001001,\"address\":\"1 Road\",\"kind\":\"FLOATING\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\"} garbage",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\",\"kind\":\"NOMINAL\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\",\"date\":\"0000-01-01\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\",\"date\":\"-0001-01-01\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\",\"date\":\"9999-12-31\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\",\"date\":\"+4656411-01-01\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\",\"kind\":\"FLOATING\",\"date\":20000}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1\\u0000Road\",\"kind\":\"FLOATING\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1\\u001bRoad\",\"kind\":\"FLOATING\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1\\u202eRoad\",\"kind\":\"FLOATING\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1\\ud800Road\",\"kind\":\"FLOATING\"}",
            "{\"communityCode\":\"330106001001\",\"address\":\"1 Road\\n2 Road\",\"kind\":\"FLOATING\"}"})
    void garbageOnceTakenIsRefusedAndRecordsNothing(String json) {
        int before = storedEvents();
        Api.Response answer = registerHousehold(json);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aReasonIsFreeTextOfBoundedLength() {
        Api.Response answer = clerk.post("/api/households", Map.of("communityCode", COMMUNITY, "address", "1 Road",
                "kind", "REGISTERED", "reason", "x".repeat(501)));
        assertProblem(answer.expect(400), "VALIDATION_FAILED");
        assertThat(fields(answer)).containsExactly("reason");
        assertThat(answer.json().path("errors").get(0).path("message").asText())
                .isEqualTo("must be at most 500 characters");
        clerk.post("/api/households", Map.of("communityCode", COMMUNITY, "address", "1 Road", "kind", "REGISTERED",
                "reason", "registered on\nthe clerk's second visit")).expect(201);
    }

    @Test
    void anOrdinalNoLongerRejectsABenefitClaim() {
        Registry registry = new Registry(clerk, events, jdbc);
        String home = registry.household(COMMUNITY, LocalDate.of(2015, 1, 1));
        String mother = registry.resident(home, "Shi Lan", "FEMALE", LocalDate.of(1988, 1, 1), "HEAD",
                LocalDate.of(2015, 1, 1), "MARRIED");
        registry.born(mother, home, "Shi Xiao", "MALE", LocalDate.now().minusYears(3));
        String claim = registry.filedClaim(mother, Programme.ONLY_CHILD_PARENT_AWARD, LocalDate.now());
        String decisions = "/api/persons/" + mother + "/benefit-claims/" + claim + "/decisions";

        Api.Response answer = clerk.post(decisions, "{\"stage\":\"VILLAGE_ASSESSMENT\",\"outcome\":1}");

        assertProblem(answer.expect(400), "VALIDATION_FAILED");
        assertThat(fields(answer)).containsExactly("outcome");
        assertThat(registry.get(clerk, "/api/persons/" + mother).path("claims").get(0).path("status").asText())
                .isEqualTo("APPLIED");
    }

    @Test
    void aYearIsAWholeNumberAndANameIsText() {
        assertThat(fields(clerk.post("/api/households/" + UUID.randomUUID() + "/head",
                "{\"personId\":true,\"date\":\"2026-01-01\"}").expect(400))).containsExactly("personId");
        assertThat(fields(clerk.post("/api/persons/" + UUID.randomUUID() + "/benefit-claims/" + UUID.randomUUID()
                + "/recertifications",
                "{\"year\":2026.5,\"outcome\":\"CONTINUE\"}").expect(400))).containsExactly("year");
    }

    @Test
    void whatNeverReachesAControllerIsAProblemToo() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertProblem(clerk.header("Content-Type", "*/*").send("POST", "/api/households", body).expect(415),
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(clerk.header("Content-Type", "application/json").header("Accept", "application/xml")
                           .send("POST", "/api/households", body).expect(406), "NOT_ACCEPTABLE");
        Api admin = Api.at(port).as("admin");
        assertProblem(admin.send("POST", "/api/admin/projections/%20/replay", null).expect(404),
                "PROJECTION_NOT_FOUND");
        assertProblem(admin.get("/api//households").expect(400), "MALFORMED_REQUEST");
        assertProblem(admin.get("/api/households/%00").expect(400), "BAD_REQUEST");
        assertProblem(admin.get("/api/households?kind=%20FLOATING").expect(400), "VALIDATION_FAILED");
        assertProblem(admin.get("/api/households?page=0x1").expect(400), "VALIDATION_FAILED");
        assertProblem(admin.get("/api/persons?name=Li%ED%A0%80").expect(400), "VALIDATION_FAILED");
    }

    @Test
    void aRefusalIsOneLineOfTheLog_withoutItsDetail(CapturedOutput output) {
        String home = clerk.post("/api/households", Map.of("communityCode", COMMUNITY, "address", "3 Log Road",
                "kind", "REGISTERED")).expect(201).field("householdId");
        Map<String, Object> person = Map.of("nationalId", Registry.nationalId(LocalDate.of(1990, 1, 1), "MALE"),
                "name", "Lu Xun", "sex", "MALE", "birthDate", "1990-01-01", "householdId", home,
                "relationToHead", "HEAD", "residency", "PERMANENT");
        clerk.post("/api/persons", person).expect(201);

        Api.Response twice = clerk.post("/api/persons", person).expect(409);

        String requestId = twice.header("X-Request-Id").orElseThrow();
        assertThat(output.getAll().lines().filter(line -> line.contains(requestId)).toList())
                .singleElement().asString()
                .endsWith("Refused POST /api/persons: 409 DUPLICATE_NATIONAL_ID (request " + requestId + ")");
        // no stack trace (Axon's of the aggregate's refusal included), and not the detail, which names the ID
        assertThat(output.getAll()).doesNotContain("RejectionException")
                                   .doesNotContain(person.get("nationalId").toString());
    }

    @Test
    void anUnexpectedFailureLogsItsRequestId(CapturedOutput output) {
        Api.Response failed = Api.at(port).as("admin").get("/api/test/failure");

        assertProblem(failed.expect(500), "INTERNAL_ERROR");
        String requestId = failed.header("X-Request-Id").orElseThrow();
        assertThat(output.getAll()).contains("Unexpected failure of request " + requestId
                + " (GET /api/test/failure)").contains("java.lang.IllegalStateException: a bug");
    }

    @Test
    void theDescriptionStatesEachCommandsStatusAndProblems() {
        JsonNode paths = Api.at(port).get("/v3/api-docs").expect(200).json().path("paths");

        assertThat(codes(paths.path("/api/persons").path("post")))
                .containsExactly("201", "400", "401", "403", "409", "412", "415", "422");
        assertThat(codes(paths.path("/api/persons/{personId}/death").path("post")))
                .containsExactly("200", "400", "401", "403", "404", "409", "412", "415", "422");
        assertThat(codes(paths.path("/api/households").path("get"))).containsExactly("200", "400", "401", "403");
        assertThat(codes(paths.path("/api/admin/projections/{name}/replay").path("post")))
                .containsExactly("202", "400", "401", "403", "404");
        JsonNode conflict = paths.path("/api/persons").path("post").path("responses").path("409");
        assertThat(conflict.path("content").path("application/problem+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theDescriptionStatesTheBoundsOfText() {
        JsonNode api = Api.at(port).get("/v3/api-docs").expect(200).json();
        JsonNode move = api.path("components").path("schemas").path("MoveRequest").path("properties");
        assertThat(move.path("reason").path("maxLength").asInt()).isEqualTo(500);
        assertThat(move.path("moveReason").path("enum").toString()).contains("WORK");
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
        JsonNode search = api.path("paths").path("/api/persons").path("get").path("parameters");
        assertThat(search.findValues("name")).extracting(JsonNode::asText).contains("name");
        for (JsonNode parameter : search) {
            if (parameter.path("name").asText().equals("name")) {
                assertThat(parameter.path("schema").path("maxLength").asInt()).isEqualTo(50);
            }
        }
    }

    private static List<String> codes(JsonNode operation) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }
}
