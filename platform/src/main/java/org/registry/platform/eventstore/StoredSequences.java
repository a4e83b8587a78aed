package org.registry.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.registry.platform.transaction.TransactionMemory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last sequence number of each aggregate the current transaction stored events for. It stays the store's last
 * for that aggregate until the transaction ends: another writer appending to it would need the event this
 * transaction holds, uncommitted, and waits on its unique key instead.
 */
final class StoredSequences {

    private static final String MEMORY = "stored-sequences";

    private StoredSequences() {
    }

    /** The store has just appended these events in the current transaction. */
    static void stored(List<? extends EventMessage<?>> events) {
        TransactionMemory.<String, Long>of(MEMORY).ifPresent(memory -> events.forEach(event -> {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                memory.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::max);
            }
        }));
    }

    /** The last sequence number the current transaction stored for the aggregate, if it stored any. */
    static Optional<Long> lastStored(String aggregateIdentifier) {
        return TransactionMemory.<String, Long>of(MEMORY).map((Map<String, Long> memory) ->
                memory.get(aggregateIdentifier));
    }
}
