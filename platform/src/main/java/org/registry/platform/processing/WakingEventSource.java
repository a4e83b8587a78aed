package org.registry.platform.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database event store as pooled streaming processors read it, with streams that say when events may have
 * arrived. Axon's embedded store cannot call back, so a pooled processor without this source looks for new
 * events only every 500 ms, and a client reading its own write waits for that. Here each processor is woken
 * when this process commits events ({@link #afterCommit()}; it then waits a moment for the store to fetch them)
 * and at every tick of the store's fetch delay (events committed by other processes, which the store's own poll
 * fetches). Each event comes stamped with its own global position ({@link OwnPositions}).
 *
 * <p>The wake-up after a local commit is coalesced: the first commit schedules one wake-up {@code wakeUpDelay}
 * later, and every commit until then rides on it. Woken at once, each of the seven processors handled each command's
 * one event in a transaction of its own (its rows, its token, a commit: seven transactions per command, batches of
 * one), which cost more than the command itself. Woken a moment later, each takes the events of every command
 * committed meanwhile in one batch and one transaction; under load the batches grow with the load. The delay adds
 * at most itself to the lag of a projection (and to a read that waits for its own write).
 */
public class WakingEventSource extends DelegatingEventSource implements AutoCloseable {

    private final EventStore store;
    private final long patienceNanos;
    private final long wakeUpDelayNanos;
    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();
    private final Set<WakingStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    /**
     * @param fetchDelay the store's own polling interval: the processors look at every tick of it, and a processor
     *                   woken by a local commit waits up to twice as long for the store to fetch the events
     */
    public WakingEventSource(EventStore store, Duration fetchDelay) {
        this(store, fetchDelay, Duration.ZERO);
    }

    /**
     * @param fetchDelay  the store's own polling interval: the processors look at every tick of it, and a processor
     *                    woken by a local commit waits up to twice as long for the store to fetch the events
     * @param wakeUpDelay how long after a local commit the processors are woken, so that the commits of that moment
     *                    are handled in one batch; zero wakes them at each commit
     */
    public WakingEventSource(EventStore store, Duration fetchDelay, Duration wakeUpDelay) {
        super(store);
        this.store = store;
        this.patienceNanos = fetchDelay.multipliedBy(2).toNanos();
        this.wakeUpDelayNanos = wakeUpDelay.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-source-ticker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, fetchDelay.toMillis());
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Wakes the processors after the transaction that stores events has committed (the outermost one: a command
     * sent inside a caller's transaction commits with it), so they find the events there.
     */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    eventsCommitted();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> eventsCommitted());
        } else {
            eventsCommitted();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /**
     * This process committed events: wake every processor, which waits a moment for them; after the wake-up delay,
     * once for all the commits until then.
     */
    void eventsCommitted() {
        if (wakeUpDelayNanos <= 0) {
            wakeAll();
        } else if (wakeUpScheduled.compareAndSet(false, true)) {
            try {
                ticker.schedule(() -> {
                    // Cleared before waking: a commit from here on schedules a wake-up of its own.
                    wakeUpScheduled.set(false);
                    wakeAll();
                }, wakeUpDelayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                wakeUpScheduled.set(false);
            }
        }
    }

    private void wakeAll() {
        streams.forEach(stream -> stream.wake(true));
    }

    /** Another process may have committed events: every processor takes a look, without waiting. */
    void tick() {
        streams.forEach(stream -> stream.wake(false));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(OwnPositions.stamped(store.openStream(trackingToken), trackingToken));
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        private volatile long expectingUntil;

        WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void wake(boolean expectEvents) {
            Runnable wakeUp = callback;
            if (wakeUp != null) {
                if (expectEvents) {
                    expectingUntil = System.nanoTime() + patienceNanos;
                }
                wakeUp.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            streams.add(this);
            return true;
        }

        /** After a local commit, waits (briefly) for the store to deliver what was committed. */
        @Override
        public boolean hasNextAvailable() {
            try {
                if (delegate.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                long patience = expectingUntil - System.nanoTime();
                return patience > 0 && delegate.hasNextAvailable((int) Math.min(patience, Integer.MAX_VALUE),
                        TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            callback = null;
            delegate.close();
        }
    }
}
