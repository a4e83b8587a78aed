package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * How a rebuild reads the store: every event in order, stamped, and the events stored after it ran out; read ahead
 * in a thread that a failed read or a closed stream ends.
 */
class ReplayEventSourceTest {

    @Test
    void aStreamGivesEveryEventInOrderWithItsOwnPositionThenTheEventsStoredAfterItRanOut() throws Exception {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        store(engine, "a", "b", "c");
        ReplayEventSource source = new ReplayEventSource(engine, Duration.ofMillis(200));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(readAll(stream)).containsExactly("a@0", "b@1", "c@2");

            store(engine, "d", "e");
            // It found nothing a moment ago: it asks again once the idle time is over, not at once.
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(readAll(stream)).containsExactly("d@3", "e@4");
        }
    }

    @Test
    void moreEventsThanItReadsAhead_comeEachOnceInOrder() throws Exception {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        int count = ReplayEventSource.AHEAD * 2 + 7;
        store(engine, IntStream.range(0, count).mapToObj(i -> "e" + i).toArray(String[]::new));
        ReplayEventSource source = new ReplayEventSource(engine, Duration.ofMillis(200));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(readAll(stream)).containsExactlyElementsOf(
                    IntStream.range(0, count).mapToObj(i -> "e" + i + "@" + i).toList());
        }
    }

    @Test
    void aReadThatFails_failsTheStream_forItsProcessorToOpenAnother() {
        InMemoryEventStorageEngine broken = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                throw new IllegalStateException("the store is unreachable");
            }
        };
        ReplayEventSource source = new ReplayEventSource(broken, Duration.ofMillis(200));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThatThrownBy(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS))
                    .hasMessage("the store is unreachable");
        }
    }

    @Test
    void aClosedStream_stopsReadingAhead() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        store(engine, IntStream.range(0, ReplayEventSource.AHEAD * 2).mapToObj(i -> "e" + i).toArray(String[]::new));
        long before = readers();

        BlockingStream<TrackedEventMessage<?>> stream = new ReplayEventSource(engine, Duration.ofMillis(50))
                .openStream(null);
        assertThat(stream.hasNextAvailable()).isTrue();
        stream.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> readers() == before);
    }

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream()
                     .filter(thread -> thread.getName().equals("replay-read-ahead") && thread.isAlive()).count();
    }

    private static void store(InMemoryEventStorageEngine engine, String... payloads) {
        for (String payload : payloads) {
            engine.appendEvents(new GenericDomainEventMessage<>("Test", payload, 0, payload));
        }
    }

    private static List<String> readAll(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<String> read = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            read.add(event.getPayload() + "@" + OwnPositions.of(event));
        }
        return read;
    }
}
