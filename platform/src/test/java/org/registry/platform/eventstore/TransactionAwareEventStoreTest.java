package org.registry.platform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store looks for new events once they can be seen: after the caller's transaction, not after each command. */
class TransactionAwareEventStoreTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:transaction-aware-store")));
    // the engine sees what is appended at once, where a database would show it only when the transaction commits:
    // a read of it before the commit finds the events, so the test sees when the store reads
    private final TransactionAwareEventStore store = new TransactionAwareEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine() {
                @Override
                public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                    reads.incrementAndGet();
                    return super.readEvents(token, mayBlock);
                }
            })
            .fetchDelay(60_000) // no polling: only wake-ups make the store read
            .cleanupDelay(60_000));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void commandsInsideACallersTransactionMakeTheStoreReadOnceAfterItCommits() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        int before = reads.get();

        transaction.executeWithoutResult(status -> {
            for (int command = 0; command < 20; command++) {
                inUnitOfWork("event " + command);
            }
            try {
                assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(reads.get()).isEqualTo(before);
            // one wake-up waits for the commit, not twenty
            assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);
        });

        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        for (int command = 0; command < 20; command++) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + command);
        }
    }

    @Test
    void aCommandOutsideAnyTransactionMakesTheStoreReadAtOnce() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();

        inUnitOfWork("alone");

        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("alone");
    }

    @Test
    void aCommandWhoseUnitOfWorkRunsItsOwnTransactionMakesTheStoreReadOnceItCommits() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();

        // as a command over HTTP: Axon starts a Spring transaction for the unit of work and commits it with it
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(new SpringTransactionManager(transaction.getTransactionManager()));
        unitOfWork.execute(() -> store.publish(GenericEventMessage.asEventMessage("own transaction")));

        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("own transaction");
    }

    private void inUnitOfWork(String payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
    }
}
