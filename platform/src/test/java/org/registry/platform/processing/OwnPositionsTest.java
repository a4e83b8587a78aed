package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event's own position from two consecutive tokens of the store, as Axon's gap-aware token advances: the events
 * at 1, 2, 5, 6 committed first (3 and 4 were still open), then 4 and 3 committed late.
 */
class OwnPositionsTest {

    private static final int MAX_GAP_OFFSET = 10_000;

    @Test
    void aTokenAdvancedToALateEventCarriesTheHighestIndexSeenNotTheEventsOwn() {
        GapAwareTrackingToken afterSix = GapAwareTrackingToken.newInstance(6, List.of(3L, 4L));
        GapAwareTrackingToken afterFour = afterSix.advanceTo(4, MAX_GAP_OFFSET);

        assertThat(afterFour.position()).hasValue(6);
        assertThat(OwnPositions.between(afterSix, afterFour)).hasValue(4);
    }

    @Test
    void eachEventOfAStreamWithLateCommitsGetsItsOwnPosition() {
        List<Long> order = List.of(1L, 2L, 5L, 6L, 4L, 3L, 7L);
        List<Long> own = new ArrayList<>();
        TrackingToken previous = null;
        GapAwareTrackingToken token = null;
        for (long index : order) {
            token = token == null ? GapAwareTrackingToken.newInstance(index, List.of())
                    : token.advanceTo(index, MAX_GAP_OFFSET);
            own.add(OwnPositions.between(previous, token).orElseThrow());
            previous = token;
        }

        assertThat(own).containsExactlyElementsOf(order);
    }

    @Test
    void gapsTheStoreDropsAtTheSameStepDoNotConfuseIt() {
        // The store cleans timed-out gaps (below the one being filled) before it reads the late event at 40.
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(50, List.of(10L, 11L, 40L));
        GapAwareTrackingToken filled = before.withGapsTruncatedAt(12).advanceTo(40, MAX_GAP_OFFSET);
        assertThat(filled.getGaps()).isEmpty();
        assertThat(OwnPositions.between(before, filled)).hasValue(40);

        // The index grew: whatever gaps went, the event is the new index.
        GapAwareTrackingToken ahead = before.withGapsTruncatedAt(12).advanceTo(60, MAX_GAP_OFFSET);
        assertThat(OwnPositions.between(before, ahead)).hasValue(60);

        // Filling a gap while older ones fall behind the maximum offset.
        GapAwareTrackingToken wide = GapAwareTrackingToken.newInstance(20_000, List.of(5L, 6L, 19_990L));
        GapAwareTrackingToken lateFill = wide.advanceTo(19_990, 100);
        assertThat(lateFill.getGaps()).isEmpty();
        assertThat(OwnPositions.between(wide, lateFill)).hasValue(19_990);
    }

    @Test
    void exactTokensAreTheirOwnPositionAndUnknownOnesTellNothing() {
        assertThat(OwnPositions.between(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(9)))
                .hasValue(9);
        GapAwareTrackingToken replayed = GapAwareTrackingToken.newInstance(8, List.of());
        assertThat(OwnPositions.between(GapAwareTrackingToken.newInstance(7, List.of()),
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(20, List.of()), replayed)))
                .hasValue(8);
        assertThat(OwnPositions.between(new GlobalSequenceTrackingToken(3),
                GapAwareTrackingToken.newInstance(9, List.of()))).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aStampingStreamStampsEveryEventWithItsOwnPositionAndSkipsNone() throws InterruptedException {
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(6, List.of(3L, 4L));
        GapAwareTrackingToken four = start.advanceTo(4, MAX_GAP_OFFSET);
        GapAwareTrackingToken three = four.advanceTo(3, MAX_GAP_OFFSET);
        GapAwareTrackingToken seven = three.advanceTo(7, MAX_GAP_OFFSET);
        Queue events = new Queue(event(four), event(three), event(seven));
        BlockingStream<TrackedEventMessage<?>> stream = OwnPositions.stamped(events, start);

        assertThat(OwnPositions.of(stream.peek().orElseThrow())).isEqualTo(4);
        stream.skipMessagesWithPayloadTypeOf(stream.peek().orElseThrow());
        TrackedEventMessage<?> first = stream.nextAvailable();
        assertThat(OwnPositions.of(first)).isEqualTo(4);
        assertThat(first.trackingToken()).isEqualTo(four);
        assertThat(first.getPayload()).isEqualTo("event at 6");
        assertThat(OwnPositions.of(first.andMetaData(Map.of("actor", "clerk")))).as("a copy with more metadata")
                                                                              .isEqualTo(4);
        assertThat(OwnPositions.of(first.withTrackingToken(ReplayToken.createReplayToken(seven, four))))
                .as("a copy with a replay token").isEqualTo(4);
        assertThat(OwnPositions.of(stream.nextAvailable())).isEqualTo(3);
        assertThat(OwnPositions.of(stream.nextAvailable())).isEqualTo(7);
        assertThat(events.skipped).isZero();
    }

    @Test
    void anEventWhoseOwnPositionIsUnknownFailsItsHandler() {
        EventMessage<?> published = GenericEventMessage.asEventMessage("not yet stored");
        TrackedEventMessage<?> unstamped = event(GapAwareTrackingToken.newInstance(6, List.of()));

        assertThatThrownBy(() -> OwnPositions.of(published)).isInstanceOf(IllegalStateException.class)
                                                             .hasMessageContaining("is unknown");
        assertThatThrownBy(() -> OwnPositions.of(unstamped)).isInstanceOf(IllegalStateException.class);
        assertThat(OwnPositions.of(event(new GlobalSequenceTrackingToken(12)))).isEqualTo(12);
    }

    private static TrackedEventMessage<?> event(TrackingToken token) {
        return new GenericTrackedDomainEventMessage<>(token, new GenericDomainEventMessage<>("Probe", "probe-1", 0,
                "event at " + token.position().orElse(-1)));
    }

    /** A store's stream of given events, counting requests to skip. */
    private static final class Queue implements BlockingStream<TrackedEventMessage<?>> {

        final Deque<TrackedEventMessage<?>> events;
        int skipped;

        Queue(TrackedEventMessage<?>... events) {
            this.events = new ArrayDeque<>(List.of(events));
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.pop();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skipped++;
        }

        @Override
        public void close() {
        }
    }
}
