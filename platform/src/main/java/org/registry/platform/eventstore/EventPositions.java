package org.registry.platform.eventstore;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The global position of stored events, as the {@code X-Event-Position} answer header reports it. A client that
 * waits until the read side has passed this position reads its own writes.
 */
public interface EventPositions {

    /** The highest global position among the given events (by identifier), or empty when none is stored. */
    OptionalLong positionOf(Collection<String> eventIdentifiers);

    /** The position of the newest stored event, or empty when the store is empty. */
    OptionalLong head();

    /** Exact positions from the database event store, visible inside the transaction that appended them. */
    static EventPositions database(NamedParameterJdbcTemplate jdbc) {
        return new EventPositions() {
            @Override
            public OptionalLong positionOf(Collection<String> eventIdentifiers) {
                if (eventIdentifiers.isEmpty()) {
                    return OptionalLong.empty();
                }
                return optional(jdbc.queryForObject(
                        "SELECT MAX(global_index) FROM domain_event_entry WHERE event_identifier IN (:ids)",
                        Map.of("ids", eventIdentifiers), Long.class));
            }

            @Override
            public OptionalLong head() {
                return optional(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Map.of(),
                        Long.class));
            }

            private OptionalLong optional(Long position) {
                return position == null ? OptionalLong.empty() : OptionalLong.of(position);
            }
        };
    }

    /**
     * With Axon Server the store does not say where one event landed; its head once the events are stored is an
     * upper bound, which is as good for read-your-writes (waiting for it includes the events asked about).
     */
    static EventPositions head(EventStore eventStore) {
        return new EventPositions() {
            @Override
            public OptionalLong positionOf(Collection<String> eventIdentifiers) {
                return eventIdentifiers.isEmpty() ? OptionalLong.empty() : head();
            }

            @Override
            public OptionalLong head() {
                TrackingToken head = eventStore.createHeadToken();
                return head == null ? OptionalLong.empty() : head.position();
            }
        };
    }
}
