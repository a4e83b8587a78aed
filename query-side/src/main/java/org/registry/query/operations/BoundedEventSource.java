package org.registry.query.operations;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.registry.platform.processing.DelegatingEventSource;
import org.registry.platform.processing.OwnPositions;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as a rebuild reads it: no event after a limit, which may be raised while the rebuild runs. A
 * rebuild that is compared with the live projection must stop exactly where the live one stands. An event is let
 * through by its own position, not its token's (an event that fills a gap carries a higher one).
 */
final class BoundedEventSource extends DelegatingEventSource {

    private volatile long limit;

    BoundedEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, long limit) {
        super(store);
        this.limit = limit;
    }

    /** Lets events up to {@code position} through, and wakes the reader waiting at the limit. */
    synchronized void raiseLimit(long position) {
        limit = Math.max(limit, position);
        notifyAll();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Bounded(source.openStream(trackingToken));
    }

    private final class Bounded implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;

        Bounded(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        private boolean allowed(Optional<TrackedEventMessage<?>> next) {
            return next.isPresent() && OwnPositions.of(next.get()) <= limit;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = events.peek();
            return allowed(next) ? next : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable() && allowed(events.peek());
        }

        /**
         * Waits up to {@code timeout} for an event within the limit: one past it counts as none yet, until the limit
         * is raised (a reader that polls is not sent straight back, to ask again and again while the limit holds).
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long left = deadline - System.nanoTime();
                if (!events.hasNextAvailable((int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(left)),
                        TimeUnit.MILLISECONDS)) {
                    return false;
                }
                if (allowed(events.peek())) {
                    return true;
                }
                synchronized (BoundedEventSource.this) {
                    left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    if (!allowed(events.peek())) {
                        TimeUnit.NANOSECONDS.timedWait(BoundedEventSource.this, left);
                    }
                }
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
