package org.registry.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded store, looking for new events when they can be seen. After each unit of work that stored events,
 * the embedded store wakes its producer, which reads the store (a transaction of its own) for the tailing
 * processors. A unit of work inside a caller's transaction (an import's chunk: a hundred rows, a command or two
 * each; a command with an {@code Idempotency-Key}) ends long before the events commit, and each of those reads found
 * nothing: four statements and a wake-up of the producer for every command of the chunk, about a tenth of all
 * statements during an import. Here, inside a caller's transaction, the producer is woken once, after that
 * transaction commits. A command in its own transaction (as over HTTP) wakes it at once, as Axon does: Axon commits
 * the unit of work's transaction in its commit phase, so when the after-commit phase runs, no transaction is active.
 */
final class TransactionAwareEventStore extends EmbeddedEventStore {

    TransactionAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
        } else if (!TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(TransactionAwareEventStore.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(TransactionAwareEventStore.this, Boolean.TRUE);
                }

                @Override
                public void afterCommit() {
                    // the events of every unit of work of the transaction are in the store now: one read takes them
                    TransactionAwareEventStore.super.afterCommit(List.of());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionAwareEventStore.this);
                }
            });
        }
    }
}
