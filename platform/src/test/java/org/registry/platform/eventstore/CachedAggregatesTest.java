package org.registry.platform.eventstore;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates kept between commands are used only while the store has nothing newer for them. */
class CachedAggregatesTest {

    private final AtomicInteger lastSequenceQueries = new AtomicInteger();
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:cached-aggregates")));
    private Configuration axon;
    private CachedAggregates<Counter> counters;

    @BeforeEach
    void setUp() {
        // the store as the database engine behaves: what it appends, its transaction remembers
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                super.appendEvents(events);
                StoredSequences.stored(events);
            }

            @Override
            public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
                lastSequenceQueries.incrementAndGet();
                return super.lastSequenceNumberFor(aggregateIdentifier);
            }
        };
        axon = DefaultConfigurer.defaultConfiguration()
                                .configureEmbeddedEventStore(c -> engine)
                                .buildConfiguration();
        counters = new CachedAggregates.Factory(axon).repository(Counter.class);
        append(0, 1);
    }

    @Test
    void aKeptAggregateIsUsedWhileTheStoreHasNothingNewerForIt() {
        Counter first = inUnitOfWork(counter -> counter.add(2));
        Counter second = inUnitOfWork(Function.identity());

        assertThat(second).isSameAs(first);
        assertThat(second.count).isEqualTo(3);
    }

    @Test
    void eventsAppendedBehindTheRepositorysBackAreNotMissed() {
        Counter kept = inUnitOfWork(counter -> counter.add(2));
        append(2, 10); // another process, say

        Counter loaded = inUnitOfWork(Function.identity());

        assertThat(loaded).isNotSameAs(kept);
        assertThat(loaded.count).isEqualTo(13);
    }

    @Test
    void whatARolledBackCommandDidToAKeptAggregateIsForgotten() {
        inUnitOfWork(counter -> counter.add(2));
        DefaultUnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
        counters.load("c1").execute(counter -> counter.add(100));
        failed.rollback();

        assertThat(inUnitOfWork(Function.identity()).count).isEqualTo(3);
    }

    @Test
    void aTransactionThatStoredTheAggregateDoesNotAskTheStoreForItsLastSequenceAgain() {
        transaction.executeWithoutResult(status -> {
            Counter first = inUnitOfWork(counter -> counter.add(2));
            lastSequenceQueries.set(0);

            Counter second = inUnitOfWork(counter -> counter.add(1));

            assertThat(second).isSameAs(first);
            assertThat(second.count).isEqualTo(4);
            assertThat(lastSequenceQueries).hasValue(0);
        });
    }

    @Test
    void afterARolledBackTransactionTheStoreIsAskedAgain() {
        transaction.executeWithoutResult(status -> {
            inUnitOfWork(counter -> counter.add(2));
            status.setRollbackOnly();
        });
        lastSequenceQueries.set(0);

        transaction.executeWithoutResult(status -> inUnitOfWork(Function.identity()));

        assertThat(lastSequenceQueries).hasValue(1);
    }

    private Counter inUnitOfWork(Function<Counter, Counter> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        Counter counter = counters.load("c1").invoke(work);
        unitOfWork.commit();
        return counter;
    }

    private void append(long sequenceNumber, int by) {
        axon.eventStore().publish(new GenericDomainEventMessage<>("Counter", "c1", sequenceNumber, new Counted(by)));
    }

    record Counted(int by) {
    }

    static class Counter {

        @AggregateIdentifier
        private String id = "c1";
        private int count;

        Counter() {
        }

        Counter add(int by) {
            AggregateLifecycle.apply(new Counted(by));
            return this;
        }

        @EventSourcingHandler
        void on(Counted event) {
            count += event.by();
        }
    }
}
