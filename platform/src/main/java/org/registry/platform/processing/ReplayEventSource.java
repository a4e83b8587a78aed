package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
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
 * <p>Each stream reads ahead in a thread of its own, so the rebuild handles one batch while the next is read. The
 * live processors keep their own source ({@link WakingEventSource}), its batch size and its wake-ups. This one wakes
 * no one: once a stream has found no more events, it queries the store again every {@code idle} (the store's fetch
 * delay) until it is closed.
 */
public final class ReplayEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Events read in one query. */
    public static final int BATCH_SIZE = 1000;
    /** Events read ahead of the rebuild at most. */
    static final int AHEAD = 2 * BATCH_SIZE;

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

    /**
     * The store's events after a token, read ahead by a thread of its own ({@link #AHEAD} at most) while the rebuild
     * handles those before them: the query of the next thousand events and the decoding of its rows ran in the
     * rebuild's own thread between its batches, a fifth of a replay's time. When they run out, it reads again from
     * the last once the idle time is over. Asked whether an event is available, it waits while the reader is still
     * reading (the answer of a query under way), not once the reader has found no more.
     */
    private final class Reading implements BlockingStream<TrackedEventMessage<?>> {

        private final ArrayDeque<TrackedEventMessage<?>> ahead = new ArrayDeque<>();
        /** The reader found no more events and waits out the idle time. */
        private boolean caughtUp;
        /** Why the reader stopped, if it did other than by the stream being closed. */
        private RuntimeException failure;
        private boolean closed;

        Reading(TrackingToken start) {
            Thread reader = new Thread(() -> readAhead(start), "replay-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }

        private void readAhead(TrackingToken start) {
            TrackingToken last = start;
            try {
                while (true) {
                    try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(last, false)) {
                        Iterator<? extends TrackedEventMessage<?>> read = events.iterator();
                        while (read.hasNext()) {
                            TrackedEventMessage<?> event = read.next();
                            if (!handOver(event)) {
                                return;
                            }
                            last = event.trackingToken();
                        }
                    }
                    synchronized (this) {
                        caughtUp = true;
                        notifyAll();
                        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(idleNanos)));
                        if (closed) {
                            return;
                        }
                        caughtUp = false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped(new IllegalStateException("the read ahead of the event store was interrupted", e));
            } catch (RuntimeException e) {
                stopped(e);
            } catch (Throwable e) {
                stopped(new IllegalStateException("the read ahead of the event store failed: " + e, e));
                throw e;
            }
        }

        /** The reader is gone: whoever waits for an event learns why (unless the stream was closed). */
        private synchronized void stopped(RuntimeException why) {
            if (!closed) {
                failure = why;
            }
            notifyAll();
        }

        /** Waits for room, then queues the event; false once the stream is closed. */
        private synchronized boolean handOver(TrackedEventMessage<?> event) throws InterruptedException {
            while (ahead.size() >= AHEAD && !closed) {
                wait();
            }
            if (closed) {
                return false;
            }
            ahead.addLast(event);
            if (ahead.size() == 1) {
                notifyAll();
            }
            return true;
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(hasNextAvailable() ? ahead.peekFirst() : null);
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (ahead.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    return false;
                }
                if (!caughtUp) {
                    wait();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
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

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IllegalStateException("the stream of events is closed");
                }
            }
            TrackedEventMessage<?> event = ahead.removeFirst();
            if (ahead.size() == AHEAD - 1) {
                notifyAll();
            }
            return event;
        }

        @Override
        public synchronized void close() {
            closed = true;
            ahead.clear();
            notifyAll();
        }
    }
}
