package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.registry.app.HouseholdApiTest.assertProblem;

/** The example projection added later: migration flows, origin → destination per month. */
class MigrationFlowsTest extends RegisterScenario {

    @Autowired
    EventProcessingConfiguration processing;
    String county;
    String wensan;
    String xixi;

    @BeforeEach
    void setUp() {
        county = Register.countyOfItsOwn(42);
        wensan = county + "001001";
        xixi = county + "002001";
    }

    private Map<String, Object> floating(String household, String name, String origin, String since) {
        Map<String, Object> person = Register.person(household, name, "MALE", "1990-01-01", "HEAD", since);
        person.put("residency", "FLOATING_IN");
        person.put("origin", origin);
        person.put("moveReason", "WORK");
        return person;
    }

    private JsonNode flows(String user, String query) {
        return register.read(user, "/api/dashboards/migration-flows?" + query);
    }

    /** Moves in from elsewhere, out, between communities, and a household relocating with its members. */
    private void recordMoves() {
        String arrival = register.household(wensan, "1 Flow Road", "2020-01-01");
        String zhao = register.register(floating(arrival, "Zhao Liu", "Xinyang, Henan", "2020-03-05"));
        register.post("clerk", "/api/persons/" + zhao + "/moves", Map.of("direction", "OUT", "date", "2021-01-10",
                "place", "Shenzhen", "moveReason", "WORK"), 200);

        String family = register.household(wensan, "2 Flow Road", "2020-01-01");
        register.register(Register.person(family, "Qin Da", "MALE", "1970-01-01", "HEAD", "2020-01-01"));
        String son = register.register(Register.person(family, "Qin Xiao", "MALE", "2000-01-01", "CHILD",
                "2020-01-01"));
        String neighbours = register.household(wensan, "3 Flow Road", "2020-01-01");
        register.post("clerk", "/api/persons/" + son + "/moves", Map.of("direction", "TRANSFER",
                "date", "2020-06-01", "toHouseholdId", neighbours, "relationToHead", "OTHER"), 200);
        String away = register.household(xixi, "4 Flow Road", "2020-01-01");
        register.post("clerk", "/api/persons/" + son + "/moves", Map.of("direction", "TRANSFER",
                "date", "2021-02-01", "toHouseholdId", away, "relationToHead", "HEAD"), 200);

        String couple = register.household(wensan, "5 Flow Road", "2020-01-01");
        register.register(Register.person(couple, "Wei Yi", "MALE", "1960-01-01", "HEAD", "2020-01-01"));
        register.register(Register.person(couple, "Wei Er", "FEMALE", "1962-01-01", "SPOUSE", "2020-01-01"));
        register.post("clerk", "/api/households/" + couple + "/relocation", Map.of("communityCode", xixi,
                "address", "6 Flow Road", "date", "2021-03-01"), 200);
    }

    @Test
    void movesInOutAndBetweenCommunitiesAreCountedPerMonth() {
        recordMoves();

        JsonNode county = flows("auditor", "areaCode=" + this.county + "&from=2020-01&to=2021-12");
        assertThat(county.get("flows")).extracting(flow -> tuple(flow.get("month").asText(),
                        flow.get("origin").asText(), flow.get("destination").asText(), flow.get("direction").asText(),
                        flow.get("persons").asInt(), flow.get("households").asInt()))
                .containsExactly(
                        tuple("2020-03", "Xinyang, Henan", wensan, "IN", 1, 0),
                        tuple("2021-01", wensan, "Shenzhen", "OUT", 1, 0),
                        tuple("2021-02", wensan, xixi, "WITHIN", 1, 0),
                        tuple("2021-03", wensan, xixi, "WITHIN", 2, 1));
        // A place outside the register is what a clerk wrote about a person; a community is an area.
        assertThat(flows("analyst", "areaCode=" + this.county + "&from=2020-01&to=2021-12").get("flows"))
                .extracting(flow -> tuple(flow.get("origin").asText(), flow.get("destination").asText(),
                        flow.get("persons").asInt()))
                .containsExactly(tuple("***", wensan, 1), tuple(wensan, "***", 1), tuple(wensan, xixi, 1),
                        tuple(wensan, xixi, 2));
        assertThat(county.get("totals").get("movedIn").asInt()).isEqualTo(1);
        assertThat(county.get("totals").get("movedOut").asInt()).isEqualTo(1);
        assertThat(county.get("totals").get("within").asInt()).isEqualTo(3);
        assertThat(county.get("flows").get(0).get("originCommunityCode").isNull()).isTrue();
        assertThat(county.get("flows").get(0).get("destinationCommunityCode").asText()).isEqualTo(wensan);

        JsonNode xixiOnly = flows("clerk", "areaCode=" + xixi);
        assertThat(xixiOnly.get("flows")).extracting(flow -> flow.get("direction").asText())
                                         .containsExactly("IN", "IN");
        assertThat(xixiOnly.get("totals").get("movedIn").asInt()).isEqualTo(3);

        JsonNode early = flows("auditor", "areaCode=" + this.county + "&from=2020-01&to=2020-12");
        assertThat(early.get("flows")).hasSize(1);
        assertProblem(api.as("village").get("/api/dashboards/migration-flows?areaCode=" + this.county).expect(403),
                "OUTSIDE_AREA_SCOPE");
        assertProblem(api.as("clerk").get("/api/dashboards/migration-flows?from=2021-02&to=2021-01").expect(400),
                "VALIDATION_FAILED");

        JsonNode verified = api.as("analyst").post("/api/admin/projections/migration-flows/verify", Map.of())
                               .expect(200).json();
        assertThat(verified.get("identical").asBoolean()).as("%s", verified).isTrue();
    }

    @Test
    void aProjectionWithoutTokensCatchesUpFromTheFirstEvent() {
        recordMoves();
        JsonNode before = flows("analyst", "areaCode=" + county);
        assertThat(before.get("flows")).hasSize(4);

        // As if the projection had just been added: no token, no rows. Started, it begins with the first event.
        EventProcessor flows = processing.eventProcessor("migration-flows").orElseThrow();
        flows.shutDown();
        jdbc.update("DELETE FROM token_entry WHERE processor_name = 'migration-flows'");
        List.of("migration_flow_end", "migration_flow", "migration_flow_resident", "migration_flow_household")
            .forEach(table -> jdbc.update("DELETE FROM " + table));
        flows.start();

        assertThat(flows("analyst", "areaCode=" + county)).isEqualTo(before);
    }
}
