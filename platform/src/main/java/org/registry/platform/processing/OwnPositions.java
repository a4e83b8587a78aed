package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Each event's own global position in the store, for the handlers that keep it ({@link EventPosition}).
 *
 * <p>The token a processor hands its handlers is where the processor stands, not where the event does. On the
 * database store the global index is taken when a transaction inserts and seen when it commits, so a transaction
 * that commits after a later one leaves a gap that the store's gap-aware token comes back for; the token advanced
 * to that late event still carries the highest index seen. Two events would then get one position.
 *
 * <p>The own position follows from two consecutive tokens of one stream, since the store derives each event's
 * token from the previous one ({@code GapAwareTrackingToken.advanceTo}): when the index grew, the event is the new
 * index; when it did not, the event filled a gap, and it is the highest gap that disappeared (the store may drop
 * older gaps at the same step, after they time out or fall behind its maximum gap offset, but only ones below the
 * gap being filled, which it would not deliver otherwise). A {@link GlobalSequenceTrackingToken} (Axon Server, the
 * audit reader) has no gaps: its position is the event's own. The processors' streams ({@link WakingEventSource})
 * hand each event on as a message that carries it ({@link Positioned}: no per-event query, no parsing of the
 * metadata, so replays lose no speed); nothing of it is stored.
 */
public final class OwnPositions {

    private OwnPositions() {
    }

    /**
     * The event's own global position.
     *
     * @throws IllegalStateException when it cannot be known: an event that did not come through a stamping stream
     *                               nor carries an exact token (a subscribing processor's, before it is stored)
     */
    public static long of(EventMessage<?> event) {
        if (event instanceof Positioned<?> positioned) {
            return positioned.position;
        }
        if (event instanceof TrackedEventMessage<?> tracked
                && WrappedToken.unwrapLowerBound(tracked.trackingToken())
                        instanceof GlobalSequenceTrackingToken exact) {
            return exact.getGlobalIndex();
        }
        throw new IllegalStateException("the own position of event " + event.getIdentifier() + " ("
                + event.getPayloadType().getSimpleName() + ") is unknown: it was not read through a stream that "
                + "stamps it (OwnPositions.stamped), and its token "
                + (event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : "(none)")
                + " does not tell it");
    }

    /**
     * The own position of the event whose token is {@code next}, read right after the event whose token is
     * {@code previous} (or first in a stream opened at {@code previous}); empty for tokens that do not tell.
     */
    static OptionalLong between(TrackingToken previous, TrackingToken next) {
        TrackingToken current = WrappedToken.unwrapLowerBound(next);
        if (current instanceof GlobalSequenceTrackingToken exact) {
            return OptionalLong.of(exact.getGlobalIndex());
        }
        if (!(current instanceof GapAwareTrackingToken advanced)) {
            return OptionalLong.empty();
        }
        TrackingToken before = WrappedToken.unwrapLowerBound(previous);
        if (before == null) {
            // The first event of the store's first read: its token is created at its own index.
            return OptionalLong.of(advanced.getIndex());
        }
        if (!(before instanceof GapAwareTrackingToken last)) {
            return OptionalLong.empty();
        }
        if (advanced.getIndex() > last.getIndex()) {
            return OptionalLong.of(advanced.getIndex());
        }
        OptionalLong filled = OptionalLong.empty();
        for (long gap : last.getGaps()) {
            if (!advanced.getGaps().contains(gap)) {
                filled = OptionalLong.of(gap);
            }
        }
        return filled;
    }

    /**
     * The events of {@code stream}, opened at {@code start}, each stamped with its own position. The stream does
     * not skip events on request ({@link BlockingStream#skipMessagesWithPayloadTypeOf}): each event's token is
     * needed to work out the next one's position, and the database store reads them all anyway.
     */
    public static BlockingStream<TrackedEventMessage<?>> stamped(BlockingStream<TrackedEventMessage<?>> stream,
                                                                 TrackingToken start) {
        return new StampingStream(stream, start);
    }

    private static <T> Positioned<T> positioned(TrackingToken token, DomainEventMessage<T> event, long position) {
        return new Positioned<>(token, event, position);
    }

    /**
     * An event read from the store (the database store reads every event as a domain event), with its own global
     * position. Axon's copies of it (other metadata, another token) keep the position.
     */
    static final class Positioned<T> extends GenericTrackedDomainEventMessage<T> {

        private final long position;

        Positioned(TrackingToken token, DomainEventMessage<T> event, long position) {
            super(token, event);
            this.position = position;
        }

        @Override
        public GenericTrackedDomainEventMessage<T> withMetaData(Map<String, ?> metaData) {
            return new Positioned<>(trackingToken(), super.withMetaData(metaData), position);
        }

        @Override
        public GenericTrackedDomainEventMessage<T> andMetaData(Map<String, ?> metaData) {
            return new Positioned<>(trackingToken(), super.andMetaData(metaData), position);
        }

        @Override
        public GenericTrackedDomainEventMessage<T> withTrackingToken(TrackingToken trackingToken) {
            return new Positioned<>(trackingToken, this, position);
        }
    }

    private static final class StampingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private TrackingToken last;
        private TrackedEventMessage<?> peeked;
        private TrackedEventMessage<?> peekedStamped;

        StampingStream(BlockingStream<TrackedEventMessage<?>> events, TrackingToken start) {
            this.events = events;
            this.last = start;
        }

        private TrackedEventMessage<?> stamp(TrackedEventMessage<?> event) {
            if (event == peeked) {
                return peekedStamped;
            }
            OptionalLong own = between(last, event.trackingToken());
            TrackedEventMessage<?> stamped = own.isPresent() && event instanceof DomainEventMessage<?> domain
                    ? positioned(event.trackingToken(), domain, own.getAsLong())
                    : event;
            peeked = event;
            peekedStamped = stamped;
            return stamped;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek().map(this::stamp);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> stamped = stamp(events.nextAvailable());
            last = stamped.trackingToken();
            peeked = null;
            peekedStamped = null;
            return stamped;
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return events.setOnAvailableCallback(callback);
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            // Deliberately not passed on: see stamped().
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
