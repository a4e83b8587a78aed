package org.registry.platform.eventstore;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates kept between commands are used only while the store has nothing newer for them. */
class CachedAggregatesTest {

    private Configuration axon;
    private CachedAggregates<Counter> counters;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration()
                                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
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
