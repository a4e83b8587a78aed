package org.registry.platform.processing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.registry.platform.eventstore.EventPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches every streaming processor (every projection) of this process, so that one that stalls is seen rather than
 * silently left behind. A processor is <em>stalled</em> when
 * <ul>
 *   <li>its batches keep failing: a batch failed, and none has committed since, for at least
 *       {@code registry.projections.health.failing-for} (a failed batch is rolled back and retried, never skipped, so
 *       a handler that fails on an event holds the projection there); or</li>
 *   <li>it is behind by events stored more than {@code registry.projections.health.lag-window} ago and, over that
 *       window, either did not move or fell further behind (a projection catching up, however far behind, is not
 *       stalled while its lag shrinks; one whose position went back, reset to replay, is judged afresh from
 *       there).</li>
 * </ul>
 * Failures are seen as they happen (this is the processors' {@link ErrorHandler}; it records the failure and
 * rethrows it, so the batch still rolls back); successes by an interceptor on the processors
 * ({@link #successRecorder}); positions and the head of the store are sampled every
 * {@code registry.projections.health.sample-interval}. The conditions feed the health component, the projection
 * operations API, the read API's headers and these gauges, per processor (tag {@code projection}):
 * {@code registry.projection.lag} (events), {@code registry.projection.position}, {@code registry.projection.failing}
 * (1 while its latest batch failed), {@code registry.projection.stalled} (1 when stalled) and the counter
 * {@code registry.projection.failures} (failed batches).
 */
public class ProcessorMonitor implements ErrorHandler, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMonitor.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final EventPositions store;
    private final HealthSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService sampler;

    /**
     * {@code registry.projections.health.*}
     *
     * @param failingFor     how long a projection's batches must keep failing before it counts as stalled
     * @param lagWindow      a projection behind by events stored longer ago than this, that did not move or fell
     *                       further behind over this long, counts as stalled
     * @param sampleInterval how often positions and the head of the store are sampled
     */
    @ConfigurationProperties("registry.projections.health")
    public record HealthSettings(@DefaultValue("10s") Duration failingFor, @DefaultValue("60s") Duration lagWindow,
                                 @DefaultValue("1s") Duration sampleInterval) {
    }

    /**
     * How one processor stands.
     *
     * @param position    where every one of its segments stands, at the latest sample
     * @param head        the position of the newest event in the store, at the latest sample
     * @param running     whether its processor runs in this process
     * @param stall       why it counts as stalled, or null
     * @param lastFailure its latest run of failed batches (ongoing, or recovered from), or null
     */
    public record Condition(String name, long position, long head, boolean running, Stall stall,
                            Failure lastFailure) {

        public long lag() {
            return Math.max(0, head - position);
        }

        public boolean stalled() {
            return stall != null;
        }
    }

    /** @param since when the condition that makes it stalled began */
    public record Stall(String reason, Instant since) {
    }

    /**
     * A run of failed batches: from the first failure to the next batch that committed.
     *
     * @param type        the type of the latest failure's root cause, e.g. {@code DuplicateKeyException}
     * @param message     the latest failure, with its root cause (it may quote the data that failed)
     * @param since       the first failure of the run
     * @param lastAt      the latest failure
     * @param retries     failed attempts in the run
     * @param recoveredAt when a batch committed again; null while the run goes on
     */
    public record Failure(String type, String message, Instant since, Instant lastAt, int retries,
                          Instant recoveredAt) {

        public boolean ongoing() {
            return recoveredAt == null;
        }
    }

    public ProcessorMonitor(EventProcessingConfiguration processing, ProcessorPositions positions,
                            EventPositions store, HealthSettings settings, MeterRegistry meters, Clock clock) {
        this.processing = processing;
        this.positions = positions;
        this.store = store;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Every streaming processor of this process, by name, as of the latest sample. */
    public Map<String, Condition> conditions() {
        Map<String, Condition> conditions = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                conditions.put(name, watch(name).condition(clock.instant()));
            }
        });
        return conditions;
    }

    /** One streaming processor of this process, as of the latest sample; empty when there is none of the name. */
    public Optional<Condition> condition(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .map(processor -> watch(name).condition(clock.instant()));
    }

    /** Records the failed batch and rethrows its error: the batch rolls back and is retried, never skipped. */
    @Override
    public void handleError(ErrorContext errorContext) throws Exception {
        if (streams(errorContext.eventProcessor())) {
            watch(errorContext.eventProcessor()).failed(errorContext.error(), clock.instant());
        }
        PropagatingErrorHandler.instance().handleError(errorContext);
    }

    /** Ends the processor's run of failures when one of its batches commits. */
    MessageHandlerInterceptor<EventMessage<?>> successRecorder(String processor) {
        return (unitOfWork, chain) -> {
            if (streams(processor)) {
                unitOfWork.afterCommit(committed -> watch(processor).succeeded(clock.instant()));
            }
            return chain.proceed();
        };
    }

    /** Only streaming processors are watched: a subscribing one handles events in the transaction that stores them. */
    private boolean streams(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class).isPresent();
    }

    /** Samples the position of every processor and the head of the store. */
    void sample() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor each) {
                streaming.put(name, each);
            }
        });
        if (streaming.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long head = store.head().orElse(0);
        Map<String, List<TrackingToken>> tokens = positions.tokens();
        streaming.forEach((name, processor) -> watch(name).sampled(
                new Sample(now, positions.position(name, tokens.get(name)), head), processor.isRunning(), now));
    }

    private Watch watch(String name) {
        return watches.computeIfAbsent(name, this::register);
    }

    private Watch register(String name) {
        Watch watch = new Watch(name);
        if (meters != null) {
            Gauge.builder("registry.projection.lag", watch, w -> w.condition(clock.instant()).lag())
                 .tag("projection", name).baseUnit("events")
                 .description("Events stored that the projection has not handled yet").register(meters);
            Gauge.builder("registry.projection.position", watch, w -> w.condition(clock.instant()).position())
                 .tag("projection", name)
                 .description("The global position up to which the projection has handled the store")
                 .register(meters);
            Gauge.builder("registry.projection.failing", watch, w -> {
                Failure failure = w.condition(clock.instant()).lastFailure();
                return failure != null && failure.ongoing() ? 1 : 0;
            }).tag("projection", name).description("1 while the projection's latest batch failed").register(meters);
            Gauge.builder("registry.projection.stalled", watch, w -> w.condition(clock.instant()).stalled() ? 1 : 0)
                 .tag("projection", name)
                 .description("1 while the projection is stalled (failing, or not catching up)").register(meters);
            FunctionCounter.builder("registry.projection.failures", watch, w -> w.failures)
                           .tag("projection", name).description("Batches of the projection that failed")
                           .register(meters);
        }
        return watch;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-monitor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, settings.sampleInterval().toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                // The database may be gone for a moment: the conditions keep their latest sample meanwhile.
                log.debug("Could not sample the processors' positions", e);
            }
        }, 0, interval, TimeUnit.MILLISECONDS);
        sampler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = sampler;
        sampler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return sampler != null;
    }

    private record Sample(Instant at, long position, long head) {

        long lag() {
            return Math.max(0, head - position);
        }
    }

    /** What is known of one processor; its methods are called by its workers, the sampler and readers. */
    private final class Watch {

        private final String name;
        private final Deque<Sample> samples = new ArrayDeque<>();
        private boolean running;
        private Instant movedAt;
        private Failure failure;
        private volatile long failures;

        Watch(String name) {
            this.name = name;
        }

        synchronized void failed(Throwable error, Instant at) {
            String type = rootCause(error).getClass().getSimpleName();
            String message = describe(error);
            failures++;
            if (failure == null || !failure.ongoing()) {
                failure = new Failure(type, message, at, at, 1, null);
                log.warn("Projection [{}]: a batch failed and is retried: {}", name, message);
            } else {
                failure = new Failure(type, message, failure.since(), at, failure.retries() + 1, null);
            }
        }

        synchronized void succeeded(Instant at) {
            if (failure != null && failure.ongoing()) {
                failure = new Failure(failure.type(), failure.message(), failure.since(), failure.lastAt(),
                        failure.retries(), at);
                log.info("Projection [{}]: a batch committed again after {} failed attempts since {}", name,
                        failure.retries(), failure.since());
            }
        }

        synchronized void sampled(Sample sample, boolean running, Instant now) {
            Sample latest = samples.peekLast();
            if (latest == null || latest.position() != sample.position()) {
                movedAt = sample.at();
            }
            if (latest != null && sample.position() < latest.position()) {
                // reset to replay, or swapped for a rebuild: judged afresh from here
                samples.clear();
            }
            samples.addLast(sample);
            // keep one sample at or before the start of the window, and the ones after it
            Instant windowStart = now.minus(settings.lagWindow());
            while (samples.size() > 2 && !secondOldest().at().isAfter(windowStart)) {
                samples.removeFirst();
            }
            this.running = running;
        }

        private Sample secondOldest() {
            var iterator = samples.iterator();
            iterator.next();
            return iterator.next();
        }

        synchronized Condition condition(Instant now) {
            Sample latest = samples.peekLast();
            long position = latest == null ? 0 : latest.position();
            long head = latest == null ? 0 : latest.head();
            return new Condition(name, position, head, running, stall(now), failure);
        }

        private Stall stall(Instant now) {
            if (failure != null && failure.ongoing()
                    && !failure.since().isAfter(now.minus(settings.failingFor()))) {
                // The message stays in the failure: it may quote the data that failed.
                return new Stall("its batches have kept failing since " + failure.since() + " (" + failure.retries()
                        + " failed attempts, " + failure.type() + ")", failure.since());
            }
            Sample latest = samples.peekLast();
            Sample start = samples.peekFirst();
            if (latest == null || start.at().isAfter(now.minus(settings.lagWindow()))
                    || latest.position() >= start.head()) {
                return null;
            }
            if (latest.position() <= start.position()) {
                return new Stall("no progress for " + Duration.between(movedAt, now).toSeconds() + " s with "
                        + latest.lag() + " events to handle", movedAt);
            }
            if (latest.lag() >= start.lag()) {
                return new Stall("falling behind: " + start.lag() + " events behind at " + start.at() + ", "
                        + latest.lag() + " now", start.at());
            }
            return null;
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The error's message, and its root cause's when that is another. */
    public static String describe(Throwable error) {
        Throwable root = rootCause(error);
        String message = Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName());
        return root == error ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage()
                + ")";
    }
}
