package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The database event store as a rebuild reads it: straight from a storage engine that fetches many events a query
 * (a thousand, where the live processors' store fetches a hundred), each event stamped with its own global position
 * ({@link OwnPositions}). A rebuild reads the whole store from its first event, and each query was a round trip and
 * a statement for the database to plan: ten times fewer of them for the same events.
 *
 * <p>The live processors keep their own source ({@link WakingEventSource}), its batch size and its wake-ups. This
 * one wakes no one: a rebuild that has caught up looks again when its processor next polls, and once it has found
 * nothing it queries the store again at most every {@code idle} (the store's fetch delay).
 */
public final class ReplayEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Events read in one query. */
    public static final int BATCH_SIZE = 1000;

    private final EventStorageEngine engine;
    private final long idleNanos;

    /**
     * @param engine the store's engine, fetching {@link #BATCH_SIZE} events a query
     * @param idle   how long a stream that found no more events waits before it asks the store again
     */
    public ReplayEventSource(EventStorageEngine engine, Duration idle) {
        this.engine = engine;
        this.idleNanos = idle.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return OwnPositions.stamped(new Reading(trackingToken), trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    /** The store's events after a token, read a batch a query; when they run out, read again from the last. */
    private final class Reading implements BlockingStream<TrackedEventMessage<?>> {

        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;
        private long quietUntil = System.nanoTime();

        Reading(TrackingToken start) {
            this.last = start;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(hasNextAvailable() ? next : null);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (next == null) {
                long now = System.nanoTime();
                if (now - quietUntil >= 0) {
                    read();
                    continue;
                }
                long wait = Math.min(quietUntil, deadline) - now;
                if (wait <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            return true;
        }

        @Override
        public boolean hasNextAvailable() {
            try {
                return hasNextAvailable(0, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The next event of the current read, or, at its end, a new read from the last event given out. */
        private void read() {
            if (events == null) {
                stream = engine.readEvents(last, false);
                events = stream.iterator();
            }
            if (events.hasNext()) {
                next = events.next();
            } else {
                closeRead();
                quietUntil = System.nanoTime() + idleNanos;
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                // waited its longest and found nothing: wait again
            }
            TrackedEventMessage<?> event = next;
            next = null;
            last = event.trackingToken();
            return event;
        }

        private void closeRead() {
            if (stream != null) {
                stream.close();
            }
            stream = null;
            events = null;
        }

        @Override
        public void close() {
            closeRead();
        }
    }
}
