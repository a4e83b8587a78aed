package org.registry.platform.eventstore;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.PostalCode;
import org.registry.platform.test.TestDatabase;
import org.registry.platform.upcasting.PostalCodeOutOfAddress;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The store as the audit trail and the export read it: positions, upcasting, and gaps that may still fill. */
class StoredEventsTest {

    private final Serializer serializer = EventStoreConfiguration.storageSerializer();
    private TestDatabase.Schema schema;
    private JdbcTemplate jdbc;
    private StoredEvents store;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.newSchema();
        jdbc = new JdbcTemplate(schema.withEventStore());
        store = new StoredEvents(jdbc, serializer, () -> new EventUpcasterChain(new PostalCodeOutOfAddress()));
    }

    @AfterEach
    void tearDown() {
        schema.drop();
    }

    /** A household registration at a position of our choosing, recorded at {@code at}, as revision 1 JSON. */
    private String insert(long position, Instant at) {
        String household = UUID.randomUUID().toString();
        jdbc.update("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, 0, 'Household', ?, ?, '1', ?, ?)""",
                position, UUID.randomUUID().toString(), household, at.toString(), HouseholdRegistered.class.getName(),
                """
                {"householdId":"%s","communityCode":"330106001001","address":"%d Old Road, 310012",\
                "kind":"REGISTERED","householdNumber":null,"registeredOn":"2020-01-01"}""".formatted(household,
                        position),
                "{\"actor\":\"clerk\",\"role\":\"CLERK\"}");
        return household;
    }

    @Test
    void eventsAreReadUpcastWithTheirPositionsAndMetadata() {
        String household = insert(1, Instant.now());

        List<StoredEvents.StoredEvent> events = store.ofRecord(household);

        assertThat(events).hasSize(1);
        StoredEvents.StoredEvent event = events.get(0);
        assertThat(event.position()).isEqualTo(1);
        assertThat(event.type()).isEqualTo("HouseholdRegistered");
        assertThat(event.revision()).isEqualTo("2");
        assertThat(event.aggregateType()).isEqualTo("Household");
        assertThat(event.metaData()).containsEntry("actor", "clerk");
        HouseholdRegistered payload = (HouseholdRegistered) event.payload();
        assertThat(payload.address()).isEqualTo("1 Old Road");
        assertThat(payload.postalCode()).isEqualTo(PostalCode.of("310012"));
        assertThat(store.atPositions(List.of(1L, 7L))).extracting(StoredEvents.StoredEvent::position)
                                                      .containsExactly(1L);
        assertThat(store.head()).isEqualTo(1);
    }

    @Test
    void aSliceStopsBeforeAGapATransactionMayStillFill() {
        Instant now = Instant.now();
        insert(1, now.minusSeconds(1));
        insert(2, now.minusSeconds(1));
        insert(4, now);

        StoredEvents.Slice slice = store.after(0, 10, Duration.ofSeconds(10));

        assertThat(slice.events()).extracting(StoredEvents.StoredEvent::position).containsExactly(1L, 2L);
        assertThat(slice.scannedTo()).isEqualTo(2);
        assertThat(slice.complete()).isTrue();
        assertThat(store.after(2, 10, Duration.ofSeconds(10)).events()).isEmpty();
        assertThat(store.after(2, 10, Duration.ofSeconds(10)).scannedTo()).isEqualTo(2);
    }

    @Test
    void anOldGapIsARolledBackTransactionAndIsSteppedOver() {
        Instant longAgo = Instant.now().minusSeconds(120);
        insert(1, longAgo);
        insert(3, longAgo);
        insert(4, longAgo);

        StoredEvents.Slice first = store.after(0, 2, Duration.ofSeconds(10));
        assertThat(first.events()).extracting(StoredEvents.StoredEvent::position).containsExactly(1L, 3L);
        assertThat(first.complete()).isFalse();
        StoredEvents.Slice next = store.after(first.scannedTo(), 2, Duration.ofSeconds(10));
        assertThat(next.events()).extracting(StoredEvents.StoredEvent::position).containsExactly(4L);
        assertThat(next.complete()).isTrue();
    }
}
