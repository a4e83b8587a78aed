package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection processed in two segments is rebuilt in two: each segment's thread reads the store and handles its
 * events, the rebuild counts as caught up only once both have, and the swap replaces the live tokens one for one.
 */
@TestPropertySource(properties = "registry.processing.initial-segment-count=2")
class ProjectionInSegmentsReplayTest extends RegisterScenario {

    private static final String PROJECTION = "household-register";

    @Test
    void aProjectionInTwoSegments_isReplayedAndVerifiedInTwo() {
        String county = Register.countyOfItsOwn(43);
        for (int i = 0; i < 12; i++) {
            String home = register.household(county + "001" + String.format("%03d", 1 + i % 3), i + " Segment Road",
                    "2015-01-01");
            register.register(Register.person(home, "Segment " + i, i % 2 == 0 ? "MALE" : "FEMALE", "1980-01-01",
                    "HEAD", "2015-01-01"));
        }
        register.read("clerk", "/api/households?areaCode=" + county);
        assertThat(segments()).isEqualTo(2);

        api.as("analyst").post("/api/admin/projections/" + PROJECTION + "/replay", Map.of()).expect(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode rebuild = api.as("analyst").get("/api/admin/projections/" + PROJECTION).expect(200).json()
                                  .get("rebuild");
            return rebuild != null && !rebuild.isNull() && rebuild.get("state").asText().equals("DONE");
        });

        String later = register.household(county + "001001", "after the replay", "2016-01-01");
        assertThat(register.read("clerk", "/api/households/" + later).get("address").asText())
                .isEqualTo("after the replay");
        JsonNode verified = api.as("admin").post("/api/admin/projections/" + PROJECTION + "/verify", Map.of())
                               .expect(200).json();
        assertThat(verified.get("identical").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.get("liveRows").asLong()).isPositive();
        assertThat(segments()).isEqualTo(2);
    }

    private Integer segments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                PROJECTION);
    }
}
