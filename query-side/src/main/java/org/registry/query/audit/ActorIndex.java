package org.registry.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.registry.platform.eventstore.AuditMetaData;
import org.registry.platform.processing.EventPosition;
import org.registry.query.api.Paging;
import org.registry.query.api.Projection;
import org.registry.query.api.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Every event recorded by a user, by the {@code actor} of its metadata and the instant it was recorded: what one
 * user did in a period. Events recorded without an actor (none are, but the service's own clock may one day record
 * some) are not indexed.
 */
@Component
@ProcessingGroup(ActorIndex.NAME)
record ActorIndex(@ProjectionWrites JdbcTemplate jdbc) implements Projection {

    static final String NAME = "audit-actor-index";

    @Override
    public List<String> tables() {
        return List.of("audit_actor_event");
    }

    @Override
    public List<String> indexesForReaders() {
        return List.of("audit_actor_event_actor");
    }

    /** Every event, by its message: its type and metadata are enough, its payload is not deserialized. */
    @EventHandler
    void on(DomainEventMessage<?> event, @EventPosition long position) {
        Object actor = event.getMetaData().get(AuditMetaData.ACTOR);
        if (actor == null) {
            return;
        }
        jdbc.update("""
                        INSERT INTO audit_actor_event (position, actor, recorded_at, record_id, type)
                        VALUES (?, ?, ?, ?, ?)""",
                position, actor.toString(), utc(event.getTimestamp()), event.getAggregateIdentifier(),
                event.getPayloadType().getSimpleName());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_actor_event");
    }

    /** The positions of what {@code actor} recorded from {@code from} to {@code to}, oldest first. */
    List<Long> positions(String actor, Instant from, Instant to, Paging paging) {
        return jdbc.queryForList("""
                        SELECT position FROM audit_actor_event
                        WHERE actor = ? AND recorded_at >= ? AND recorded_at <= ?
                        ORDER BY position LIMIT ? OFFSET ?""", Long.class,
                actor, utc(from), utc(to), paging.size(), paging.offset());
    }

    long count(String actor, Instant from, Instant to) {
        Long count = jdbc.queryForObject("""
                        SELECT COUNT(*) FROM audit_actor_event
                        WHERE actor = ? AND recorded_at >= ? AND recorded_at <= ?""", Long.class,
                actor, utc(from), utc(to));
        return count == null ? 0 : count;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
