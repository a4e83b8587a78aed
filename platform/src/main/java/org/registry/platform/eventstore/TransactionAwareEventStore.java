package org.registry.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.registry.platform.transaction.TransactionMemory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded store, looking for new events when they can be seen. After each unit of work that stored events,
 * the embedded store wakes its producer, which reads the store (a transaction of its own) for the tailing
 * processors. A unit of work inside a caller's transaction (an import's chunk: a hundred rows, a command or two
 * each) ends long before the events commit, and each of those reads found nothing: four statements and a wake-up
 * of the producer for every command of the chunk, about a sixth of all statements during an import. Here, inside a
 * caller's transaction, the producer is woken once, after that transaction commits; outside one (a command in its
 * own transaction, as over HTTP) at once, as Axon does.
 */
final class TransactionAwareEventStore extends EmbeddedEventStore {

    private static final String MEMORY = "store-fetch-after-commit";

    TransactionAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        TransactionMemory.<Boolean, Boolean>of(MEMORY).ifPresent(memory -> {
            if (memory.putIfAbsent(true, true) == null) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        TransactionAwareEventStore.super.afterCommit(events);
                    }
                });
            }
        });
    }
}
