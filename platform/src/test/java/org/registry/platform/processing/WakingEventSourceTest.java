package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** How the processors are woken after commits in this process: once for the commits of a moment, or at each. */
class WakingEventSourceTest {

    @Test
    @SuppressWarnings("unchecked")
    void theCommitsOfOneMomentWakeTheProcessorsOnceAfterTheDelay() throws Exception {
        EventStore store = mock(EventStore.class);
        when(store.openStream(any())).thenReturn(mock(BlockingStream.class));
        try (WakingEventSource source = new WakingEventSource(store, Duration.ofSeconds(10), Duration.ofMillis(300))) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            BlockingStream<TrackedEventMessage<?>> one = source.openStream(null);
            BlockingStream<TrackedEventMessage<?>> other = source.openStream(null);
            one.setOnAvailableCallback(first::incrementAndGet);
            other.setOnAvailableCallback(second::incrementAndGet);

            for (int commit = 0; commit < 20; commit++) {
                source.eventsCommitted();
            }
            assertThat(first).hasValue(0);

            await().atMost(Duration.ofSeconds(5)).until(() -> first.get() == 1 && second.get() == 1);
            Thread.sleep(600);
            assertThat(first).hasValue(1);
            assertThat(second).hasValue(1);

            source.eventsCommitted();
            await().atMost(Duration.ofSeconds(5)).until(() -> first.get() == 2 && second.get() == 2);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutADelayEachCommitWakesTheProcessorsAtOnce() {
        EventStore store = mock(EventStore.class);
        when(store.openStream(any())).thenReturn(mock(BlockingStream.class));
        try (WakingEventSource source = new WakingEventSource(store, Duration.ofSeconds(10), Duration.ZERO)) {
            AtomicInteger woken = new AtomicInteger();
            source.openStream(null).setOnAvailableCallback(woken::incrementAndGet);

            source.eventsCommitted();
            source.eventsCommitted();

            assertThat(woken).hasValue(2);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClosedStreamIsNotWoken() throws Exception {
        EventStore store = mock(EventStore.class);
        when(store.openStream(any())).thenReturn(mock(BlockingStream.class));
        try (WakingEventSource source = new WakingEventSource(store, Duration.ofSeconds(10), Duration.ofMillis(50))) {
            AtomicInteger woken = new AtomicInteger();
            BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
            stream.setOnAvailableCallback(woken::incrementAndGet);
            stream.close();

            source.eventsCommitted();
            Thread.sleep(300);

            assertThat(woken).hasValue(0);
        }
    }
}
