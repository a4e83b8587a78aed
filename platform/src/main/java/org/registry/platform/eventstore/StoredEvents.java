package org.registry.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The database event store read as it is stored, for the audit trail and the event export: by record, by position,
 * or in position order; and read ahead for the loads of a transaction ({@link #readAhead}). Every event goes through
 * Axon's upcaster chain and serializer, exactly as an event processor or an aggregate would receive it, so readers
 * see the current revision of every event, never the stored JSON.
 * Unlike Axon's own readers, each event keeps its global position (the {@code X-Event-Position} of the command that
 * stored it).
 */
public class StoredEvents {

    private static final String COLUMNS = """
            global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
            payload_revision, payload, meta_data""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasters;

    /**
     * @param upcasters Axon's upcaster chain (asked for at each read: Axon builds it once its configuration starts)
     */
    public StoredEvents(JdbcTemplate jdbc, Serializer serializer, Supplier<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /**
     * An event as stored, upcasted to its current revision.
     *
     * @param position   the global position (index) in the store
     * @param recordedAt when it was recorded: the message's timestamp
     * @param type       the simple name of the payload's class, e.g. {@code PersonRegistered}
     * @param revision   the payload's current revision, its class's {@code @Revision}
     */
    public record StoredEvent(long position, String eventIdentifier, String aggregateType, String aggregateId,
                              long sequence, Instant recordedAt, String type, String revision, Object payload,
                              MetaData metaData) {
    }

    /**
     * A slice of the store in position order.
     *
     * @param events      the events, upcasted
     * @param scannedTo   the position of the last row read: a next slice starts after it
     * @param complete    true when the slice ended because nothing more is (safely) stored
     */
    public record Slice(List<StoredEvent> events, long scannedTo, boolean complete) {
    }

    /** Every event of one record (aggregate), in the order of its sequence numbers. */
    public List<StoredEvent> ofRecord(String aggregateId) {
        return upcast(jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", ROW, aggregateId));
    }

    /** The events of several records (aggregates) in one read: by record, each in the order of its sequence numbers. */
    public Map<String, List<StoredEvent>> ofRecords(Collection<String> aggregateIds) {
        return byRecord(aggregateIds, rowsOf(aggregateIds));
    }

    /**
     * Reads the streams of these aggregates (records) in one query, for their loads in the rest of the current
     * transaction ({@link ReadAheadStreams}): an import's chunk reads ahead the persons its rows name, whom the
     * commands then load without a query each. Outside a transaction it reads nothing.
     */
    public void readAhead(Collection<String> aggregateIds) {
        if (!aggregateIds.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            keep(aggregateIds, rowsOf(aggregateIds));
        }
    }

    /**
     * {@link #ofRecords} and {@link #readAhead} in one query: the events of these records, which the rest of the
     * current transaction's loads of them are served from too.
     */
    public Map<String, List<StoredEvent>> ofRecordsReadAhead(Collection<String> aggregateIds) {
        List<Row> rows = rowsOf(aggregateIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            keep(aggregateIds, rows);
        }
        return byRecord(aggregateIds, rows);
    }

    /** The rows of these aggregates, by aggregate, each in the order of its sequence numbers. */
    private List<Row> rowsOf(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(aggregateIds.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier IN (" + marks
                + ") ORDER BY aggregate_identifier, sequence_number", ROW, aggregateIds.toArray());
    }

    private Map<String, List<StoredEvent>> byRecord(Collection<String> aggregateIds, List<Row> rows) {
        Map<String, List<StoredEvent>> records = new LinkedHashMap<>();
        aggregateIds.forEach(id -> records.put(id, new ArrayList<>()));
        upcast(rows).forEach(event -> records.get(event.aggregateId()).add(event));
        return records;
    }

    private static void keep(Collection<String> aggregateIds, List<Row> rows) {
        Map<String, List<DomainEventData<?>>> streams = new HashMap<>();
        aggregateIds.forEach(id -> streams.put(id, new ArrayList<>()));
        rows.forEach(row -> streams.get(row.entry().getAggregateIdentifier()).add(row.entry()));
        ReadAheadStreams.keep(streams);
    }

    /** The events at the given positions, in position order; positions holding nothing are left out. */
    public List<StoredEvent> atPositions(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(positions.size(), "?"));
        return upcast(jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index IN (" + marks
                + ") ORDER BY global_index", ROW, positions.toArray()));
    }

    /**
     * Up to {@code maxRows} events after {@code after}, in position order. A slice ends early before a gap in the
     * positions that is younger than {@code gapTimeout}: the transaction holding the missing position may still
     * commit (positions are taken when a transaction inserts, seen when it commits), and a reader resuming after
     * the slice would miss it for good. An older gap is a rolled-back transaction, and is stepped over.
     */
    public Slice after(long after, int maxRows, Duration gapTimeout) {
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > ?"
                + " ORDER BY global_index LIMIT ?", ROW, after, maxRows);
        Instant gapsSettledBefore = Instant.now().minus(gapTimeout);
        List<Row> safe = new ArrayList<>(rows.size());
        long expected = after + 1;
        for (Row row : rows) {
            if (row.position() != expected && row.recordedAt().isAfter(gapsSettledBefore)) {
                return new Slice(upcast(safe), safe.isEmpty() ? after : safe.get(safe.size() - 1).position(), true);
            }
            safe.add(row);
            expected = row.position() + 1;
        }
        return new Slice(upcast(safe), safe.isEmpty() ? after : safe.get(safe.size() - 1).position(),
                rows.size() < maxRows);
    }

    /** The position of the latest stored event, 0 when the store is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private record Row(long position, Instant recordedAt, GenericDomainEventEntry<String> entry) {

        TrackedEventData<String> data() {
            return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position), entry);
        }
    }

    private static final RowMapper<Row> ROW = (rs, rowNumber) -> {
        GenericDomainEventEntry<String> entry = entry(rs);
        return new Row(rs.getLong("global_index"), entry.getTimestamp(), entry);
    };

    /** A row as Axon's JDBC engine reads it for an aggregate's stream. */
    private static GenericDomainEventEntry<String> entry(ResultSet rs) throws SQLException {
        return new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("payload"),
                rs.getString("meta_data"));
    }

    private List<StoredEvent> upcast(List<Row> rows) {
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream().map(Row::data), serializer,
                        upcasters.get())
                .map(this::stored)
                .toList();
    }

    private StoredEvent stored(TrackedEventMessage<?> message) {
        var domain = (org.axonframework.eventhandling.DomainEventMessage<?>) message;
        Object payload = message.getPayload();
        String type;
        String revision;
        if (payload instanceof UnknownSerializedType unknown) {
            // A type no class of this build knows: shown by its stored name rather than hidden.
            type = simpleName(unknown.serializedType().getName());
            revision = unknown.serializedType().getRevision();
        } else {
            type = payload.getClass().getSimpleName();
            revision = serializer.typeForClass(payload.getClass()).getRevision();
        }
        return new StoredEvent(message.trackingToken().position().orElseThrow(), message.getIdentifier(),
                domain.getType(), domain.getAggregateIdentifier(), domain.getSequenceNumber(), message.getTimestamp(),
                type, revision, payload, message.getMetaData());
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
