package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How a rebuild reads the store: every event in order, stamped, and the events stored after it ran out. */
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
