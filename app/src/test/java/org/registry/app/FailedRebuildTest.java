package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;

/**
 * A rebuild whose handler fails ends, says why, and leaves the live projection as it was. The live household register
 * is given a row no event registered (a tampered projection), and then a relocation of that household: the live
 * projection handles it, its rebuild from the events cannot. (The other projections stall on that event: this test
 * has a registry of its own.)
 */
@RegistryTest
@DirtiesContext
class FailedRebuildTest {

    private static final String PROJECTION = "household-register";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRebuildThatCannotHandleAnEvent_failsLoudly_andTheLiveProjectionStaysAsItWas() {
        Api analyst = Api.at(port).as("analyst");
        UUID household = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO household_register (household_id, community_code, township_code, county_code, address,
                    kind, registered_on, version) VALUES (?, '330106001001', '330106001', '330106', 'nowhere',
                    'REGISTERED', DATE '2015-01-01', 0)""", household);
        // straight into the store, as a build before postal codes stored it (the command side would refuse it)
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Household', ?, ?, '1', ?, ?)""",
                UUID.randomUUID().toString(), household.toString(), Instant.now().toString(),
                HouseholdRelocated.class.getName(), """
                        {"householdId":"%s","fromCommunityCode":"330106001001","communityCode":"330106002001",\
                        "address":"1 Moved Road","date":"2016-01-01"}""".formatted(household),
                "{\"actor\":\"clerk\",\"role\":\"CLERK\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "1 Moved Road".equals(jdbc.queryForObject(
                "SELECT address FROM household_register WHERE household_id = ?", String.class, household)));

        Api.Response verified = analyst.post("/api/admin/projections/" + PROJECTION + "/verify", Map.of());
        assertThat(verified.status()).isEqualTo(409);
        assertProblem(verified, "REBUILD_FAILED");
        assertThat(verified.json().get("detail").asText()).contains(household.toString());

        analyst.post("/api/admin/projections/" + PROJECTION + "/replay", Map.of()).expect(202);
        JsonNode rebuild = await().atMost(Duration.ofSeconds(60)).until(
                () -> analyst.get("/api/admin/projections/" + PROJECTION).expect(200).json().get("rebuild"),
                view -> view != null && !view.isNull() && view.get("kind").asText().equals("REPLAY")
                        && view.get("state").asText().equals("FAILED"));
        assertThat(rebuild.get("error").asText()).contains(household.toString());
        assertThat(jdbc.queryForObject("SELECT address FROM household_register WHERE household_id = ?", String.class,
                household)).isEqualTo("1 Moved Road");
    }
}
