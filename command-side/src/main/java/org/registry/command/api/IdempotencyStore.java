package org.registry.command.api;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Durable memory of commands sent with an {@code Idempotency-Key}. A key is claimed in the transaction that
 * stores the command's events and is answered in it, so a key is either unused or tied to exactly one stored
 * result. A second request with the key waits on the first one's row lock and then finds its answer.
 */
@Component
class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this request now owns the key; false when another request recorded it first. */
    boolean claim(String actor, String key, String requestHash) {
        return jdbc.update("""
                INSERT INTO idempotency_record (actor, idempotency_key, request_hash, created_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                actor, key, requestHash, Timestamp.from(clock.instant())) == 1;
    }

    Optional<StoredAnswer> find(String actor, String key) {
        return jdbc.query("""
                        SELECT request_hash, status, location, version, event_position, body
                        FROM idempotency_record WHERE actor = ? AND idempotency_key = ?""",
                (rs, row) -> new StoredAnswer(rs.getString("request_hash"), rs.getInt("status"),
                        rs.getString("location"), (Long) rs.getObject("version", Long.class),
                        rs.getLong("event_position"), rs.getString("body")),
                actor, key).stream().findFirst();
    }

    void answer(String actor, String key, StoredAnswer answer) {
        jdbc.update("""
                UPDATE idempotency_record SET status = ?, location = ?, version = ?, event_position = ?, body = ?
                WHERE actor = ? AND idempotency_key = ?""",
                answer.status(), answer.location(), answer.version(), answer.eventPosition(), answer.body(),
                actor, key);
    }

    /**
     * Claims the key and stores its answer at once, for work that is idempotent by itself (a payment run): true
     * when this answer is the first; false when another request stored one first.
     */
    boolean remember(String actor, String key, StoredAnswer answer) {
        return jdbc.update("""
                INSERT INTO idempotency_record (actor, idempotency_key, request_hash, created_at, status, location,
                                                version, event_position, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                actor, key, answer.requestHash(), Timestamp.from(clock.instant()), answer.status(), answer.location(),
                answer.version(), answer.eventPosition(), answer.body()) == 1;
    }

    /** Forgets the keys recorded before {@code cutoff}: a retry comes within minutes or hours, not months. */
    int forgetRecordedBefore(java.time.Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
    }

    /** @param version the record's version, for answers about one record; null for others */
    record StoredAnswer(String requestHash, int status, String location, Long version, long eventPosition,
                        String body) {
    }
}
