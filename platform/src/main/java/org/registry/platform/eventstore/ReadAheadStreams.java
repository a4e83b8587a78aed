package org.registry.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.registry.platform.transaction.TransactionMemory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streams of aggregates the current transaction read at once ({@link StoredEvents#readAhead}), for the loads of
 * those aggregates in the rest of the transaction: an import's chunk reads the streams of the persons its rows name
 * in one query instead of one query a load. An append of the transaction drops the aggregate's stream, so the next
 * load that is not served from memory reads the store.
 *
 * <p>A stream read ahead misses what another writer appends to it afterwards. That is safe only because every
 * command that loads an aggregate from it appends to that aggregate: the append then takes a sequence number the
 * other writer took already and fails on the store's unique key (a chunk of an import is then imported again row by
 * row, each row reading the store). Read ahead only for such commands, never for one that reads an aggregate to
 * decide about another.
 */
final class ReadAheadStreams {

    private static final String MEMORY = "read-ahead-streams";

    private ReadAheadStreams() {
    }

    /** Keeps these streams (every event of each aggregate, in order; none for an aggregate without events). */
    static void keep(Map<String, List<DomainEventData<?>>> streams) {
        TransactionMemory.<String, List<DomainEventData<?>>>of(MEMORY).ifPresent(memory -> memory.putAll(streams));
    }

    /** The aggregate's stream, if this transaction read it ahead and has not appended to it since. */
    static Optional<List<DomainEventData<?>>> of(String aggregateIdentifier) {
        return TransactionMemory.<String, List<DomainEventData<?>>>ifKept(MEMORY)
                                .map(memory -> memory.get(aggregateIdentifier));
    }

    /** The store has just appended these events in the current transaction: their aggregates' streams are old. */
    static void appended(List<? extends EventMessage<?>> events) {
        TransactionMemory.<String, List<DomainEventData<?>>>ifKept(MEMORY).ifPresent(memory -> events.forEach(event -> {
            if (event instanceof DomainEventMessage<?> domain) {
                memory.remove(domain.getAggregateIdentifier());
            }
        }));
    }
}
