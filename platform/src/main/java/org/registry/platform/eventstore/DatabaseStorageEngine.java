package org.registry.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Optional;

/**
 * Axon's JDBC engine as the command side uses it: an aggregate's stream that the current transaction read ahead
 * ({@link ReadAheadStreams}) it gives without asking the database again; what the transaction appends it notes for
 * the cached aggregates ({@link StoredSequences}) and drops from what was read ahead; it looks for no snapshots, as
 * the registry takes none. The last sequence number of an aggregate is always asked of the database: a cached
 * aggregate newer than a stream read ahead (a command of this process committed on it since) stays in use.
 */
final class DatabaseStorageEngine extends JdbcEventStorageEngine {

    DatabaseStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        StoredSequences.stored(events);
        ReadAheadStreams.appended(events);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        Optional<List<DomainEventData<?>>> readAhead = ReadAheadStreams.of(aggregateIdentifier);
        if (readAhead.isEmpty()) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        return readAhead.get().stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber)
                        .limit(batchSize).toList();
    }

    // The registry takes no snapshots (no aggregate has a snapshot trigger), so a load looks for none: a query saved
    // in every load of an aggregate not kept in memory (three in each birth an import records). Whoever gives an
    // aggregate a snapshot trigger must take these two out.
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("snapshots are not read: see readSnapshot");
    }
}
