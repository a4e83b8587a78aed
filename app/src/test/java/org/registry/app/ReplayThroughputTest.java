package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.platform.eventstore.EventStoreConfiguration;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast projections are replayed and the store exported, on a generated register: not part of the build, run with
 *
 * <pre>./mvnw -q -B -pl app -am test -Dtest=ReplayThroughputTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dregistry.measure.households=10000</pre>
 *
 * Each household is registered with three persons: 7 events a household.
 */
@RegistryTest
@TestPropertySource(properties = {"registry.measure=true", "registry.projections.progress-log-interval=1s"})
@EnabledIfSystemProperty(named = "registry.measure.households", matches = "\\d+")
class ReplayThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(ReplayThroughputTest.class);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measureReplayAndExport() throws InterruptedException {
        int households = Integer.parseInt(System.getProperty("registry.measure.households"));
        long events = generate(households);
        Api admin = Api.at(port).as("admin");

        Instant caughtUp = Instant.now();
        for (String projection : List.of("household-register", "person-index", "audit-actor-index",
                "migration-flows")) {
            while (admin.get("/api/admin/projections/" + projection).expect(200).json().get("lag").asLong() > 0) {
                Thread.sleep(100);
            }
        }
        log.info("MEASURED live catch-up of 4 projections over {} events: {} s", events,
                Duration.between(caughtUp, Instant.now()).toMillis() / 1000.0);

        for (String projection : List.of("household-register", "person-index")) {
            Instant start = Instant.now();
            admin.post("/api/admin/projections/" + projection + "/replay", Map.of()).expect(202);
            JsonNode rebuild;
            do {
                Thread.sleep(100);
                rebuild = admin.get("/api/admin/projections/" + projection).expect(200).json().get("rebuild");
            } while (List.of("BUILDING", "SWAPPING").contains(rebuild.get("state").asText()));
            assertThat(rebuild.get("state").asText()).isEqualTo("DONE");
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            log.info("MEASURED replay of {} over {} events: {} s, {} events/s (as the rebuild reports: {})",
                    projection, events, seconds, Math.round(events / seconds), rebuild.get("eventsPerSecond"));

            start = Instant.now();
            JsonNode verified = admin.post("/api/admin/projections/" + projection + "/verify", Map.of()).expect(200)
                                     .json();
            assertThat(verified.get("identical").asBoolean()).isTrue();
            log.info("MEASURED verification of {} ({} rows): {} s", projection, verified.get("liveRows"),
                    Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }

        Instant start = Instant.now();
        long lines = Api.at(port).as("analyst").get("/api/events?limit=100000").expect(200).text().lines().count();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        log.info("MEASURED export of {} events over HTTP: {} s, {} events/s", lines, seconds,
                Math.round(lines / seconds));
    }

    /** Households with three persons each, stored as the command side would store them. */
    private long generate(int households) {
        Serializer serializer = EventStoreConfiguration.storageSerializer();
        String metaData = "{\"actor\":\"generator\",\"role\":\"ADMIN\"}";
        List<Object[]> rows = new ArrayList<>();
        long count = 0;
        LocalDate since = LocalDate.of(2020, 1, 1);
        for (int h = 0; h < households; h++) {
            HouseholdId household = new HouseholdId(UUID.randomUUID());
            CommunityCode community = new CommunityCode(String.format("3301%02d%03d%03d", h % 9 + 1, h % 7 + 1,
                    h % 13 + 1));
            rows.add(row(serializer, "Household", household.toString(), 0, new HouseholdRegistered(household,
                    community, h + " Generated Road", null, HouseholdKind.REGISTERED, null, since), metaData));
            for (int p = 0; p < 3; p++) {
                PersonId person = new PersonId(UUID.randomUUID());
                RelationToHead relation = p == 0 ? RelationToHead.HEAD : p == 1 ? RelationToHead.SPOUSE
                        : RelationToHead.CHILD;
                Sex sex = p == 1 ? Sex.FEMALE : Sex.MALE;
                LocalDate born = LocalDate.of(p == 2 ? 2005 : 1975, 1 + h % 12, 1 + h % 28);
                String first17 = String.format("33010%01d", p) + born.toString().replace("-", "")
                        + String.format("%03d", (h % 500) * 2 + (sex == Sex.MALE ? 1 : 0));
                rows.add(row(serializer, "Person", person.toString(), 0, new PersonRegistered(person,
                        new NationalId(first17 + NationalId.checkCharacter(first17)), "Generated " + h + "-" + p,
                        sex, born, null, p == 2 ? MaritalStatus.SINGLE : MaritalStatus.MARRIED, household, relation,
                        Residency.PERMANENT, since, null, null, null), metaData));
                rows.add(row(serializer, "Household", household.toString(), p + 1,
                        new MemberJoinedHousehold(household, person, relation, since), metaData));
            }
            if (rows.size() >= 7_000) {
                count += insert(rows);
            }
        }
        count += insert(rows);
        log.info("MEASURED generated {} events ({} households)", count, households);
        return count;
    }

    private static Object[] row(Serializer serializer, String type, String aggregate, long sequence, Object event,
                                String metaData) {
        SerializedObject<String> payload = serializer.serialize(event, String.class);
        return new Object[]{UUID.randomUUID().toString(), aggregate, sequence, type, Instant.now().toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData};
    }

    private long insert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        long inserted = rows.size();
        rows.clear();
        return inserted;
    }
}
