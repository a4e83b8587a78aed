package org.registry.platform.processing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.eventstore.EventPositions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a projection counts as stalled: sampled every second, a window of 60 s, failing for 10 s. */
class ProcessorMonitorTest {

    private static final String NAME = "probe-projection";

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private long position;
    private long head;
    private ProcessorMonitor monitor;

    @BeforeEach
    void setUp() {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(true);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(NAME, processor));
        when(processing.eventProcessor(eq(NAME), eq(StreamingEventProcessor.class)))
                .thenReturn(Optional.of(processor));
        when(processing.eventProcessor(eq("record-directory"), eq(StreamingEventProcessor.class)))
                .thenReturn(Optional.empty());
        ProcessorPositions positions = mock(ProcessorPositions.class);
        when(positions.tokens()).thenReturn(Map.of());
        when(positions.position(eq(NAME), any())).thenAnswer(invocation -> position);
        EventPositions store = new EventPositions() {
            @Override
            public OptionalLong positionOf(Collection<String> eventIdentifiers) {
                return OptionalLong.empty();
            }

            @Override
            public OptionalLong head() {
                return OptionalLong.of(head);
            }
        };
        monitor = new ProcessorMonitor(processing, positions, store,
                new ProcessorMonitor.HealthSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
                        Duration.ofSeconds(1)), meters, clock);
    }

    /** Samples once a second for {@code seconds}, the position and head moving by the given steps each time. */
    private void run(int seconds, long positionStep, long headStep) {
        for (int i = 0; i < seconds; i++) {
            position += positionStep;
            head += headStep;
            clock.tick(Duration.ofSeconds(1));
            monitor.sample();
        }
    }

    private ProcessorMonitor.Condition condition() {
        return monitor.condition(NAME).orElseThrow();
    }

    @Test
    void aProjectionThatKeepsUpUnderLoadIsNeverStalledThoughItIsAlwaysAFewEventsBehind() {
        run(1, 0, 3);
        run(300, 10, 10);

        assertThat(condition().lag()).isEqualTo(3);
        assertThat(condition().stalled()).isFalse();
    }

    @Test
    void aProjectionThatDoesNotMoveWhileEventsWaitIsStalledOnceTheWindowHasPassed() {
        head = 100;
        run(59, 0, 0);
        assertThat(condition().stalled()).isFalse();

        run(2, 0, 0);
        ProcessorMonitor.Condition stuck = condition();
        assertThat(stuck.stalled()).isTrue();
        assertThat(stuck.stall().reason()).startsWith("no progress").contains("100 events");
        assertThat(stuck.lag()).isEqualTo(100);
        assertThat(meters.get("registry.projection.stalled").tag("projection", NAME).gauge().value()).isEqualTo(1);
        assertThat(meters.get("registry.projection.lag").tag("projection", NAME).gauge().value()).isEqualTo(100);

        run(1, 100, 0);
        assertThat(condition().stalled()).isFalse();
        assertThat(meters.get("registry.projection.stalled").tag("projection", NAME).gauge().value()).isZero();
    }

    @Test
    void aProjectionThatFallsFurtherBehindIsStalledOnceItsEventsWaitLongerThanTheWindow() {
        run(110, 5, 10);
        assertThat(condition().stalled()).as("the events it has not handled were stored within 60 s").isFalse();

        run(20, 5, 10);
        assertThat(condition().stalled()).isTrue();
        assertThat(condition().stall().reason()).startsWith("falling behind");
    }

    @Test
    void aProjectionCatchingUpIsNotStalledHoweverFarBehind() {
        head = 10_000;
        run(90, 50, 10);

        assertThat(condition().lag()).isPositive();
        assertThat(condition().stalled()).isFalse();
    }

    @Test
    void aProjectionResetToReplayIsJudgedAfreshFromThere() {
        run(120, 10, 10);
        position = 0;
        run(30, 40, 10);
        assertThat(condition().lag()).isPositive();
        assertThat(condition().stalled()).as("replaying, its lag shrinking").isFalse();

        run(61, 0, 0);
        assertThat(condition().stalled()).as("a replay that stopped moving").isTrue();
    }

    @Test
    void aProjectionWhoseBatchesKeepFailingIsStalledAfterAWhileAndRecoversWithTheNextCommit() throws Exception {
        run(1, 0, 5);
        RuntimeException cause = new IllegalStateException("duplicate key (42)");
        assertThatThrownBy(() -> monitor.handleError(new ErrorContext(NAME,
                new RuntimeException("batch failed", cause), List.of()))).hasCauseReference(cause);
        clock.tick(Duration.ofSeconds(5));
        assertThat(condition().stalled()).isFalse();
        assertThat(condition().lastFailure().ongoing()).isTrue();

        assertThatThrownBy(() -> monitor.handleError(new ErrorContext(NAME, cause, List.of())))
                .isSameAs(cause);
        clock.tick(Duration.ofSeconds(5));
        ProcessorMonitor.Condition failing = condition();
        assertThat(failing.stalled()).isTrue();
        assertThat(failing.stall().reason()).contains("2 failed attempts").contains("IllegalStateException")
                                            .doesNotContain("duplicate key");
        assertThat(failing.lastFailure().message()).contains("duplicate key (42)");
        assertThat(failing.lastFailure().retries()).isEqualTo(2);
        assertThat(meters.get("registry.projection.failing").tag("projection", NAME).gauge().value()).isEqualTo(1);
        assertThat(meters.get("registry.projection.failures").tag("projection", NAME).functionCounter().count())
                .isEqualTo(2);

        DefaultUnitOfWork<EventMessage<?>> batch =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("handled"));
        batch.executeWithResult(() -> monitor.successRecorder(NAME).handle(batch, () -> null));
        ProcessorMonitor.Condition recovered = condition();
        assertThat(recovered.stalled()).isFalse();
        assertThat(recovered.lastFailure().recoveredAt()).isEqualTo(clock.instant());
        assertThat(meters.get("registry.projection.failing").tag("projection", NAME).gauge().value()).isZero();
    }

    @Test
    void processorsThatDoNotStreamAreNotWatched() throws Exception {
        RuntimeException cause = new IllegalStateException("a lookup refused the event");
        assertThatThrownBy(() -> monitor.handleError(new ErrorContext("record-directory", cause, List.of())))
                .isSameAs(cause);
        DefaultUnitOfWork<EventMessage<?>> handled =
                DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("handled"));
        handled.executeWithResult(() -> monitor.successRecorder("record-directory").handle(handled, () -> null));

        assertThat(monitor.conditions()).containsOnlyKeys(NAME);
        assertThat(meters.find("registry.projection.lag").tag("projection", "record-directory").gauge()).isNull();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void tick(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
