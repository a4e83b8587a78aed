package org.registry.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.processing.ProcessorMonitor;
import org.registry.platform.processing.ProcessorPositions;
import org.registry.query.api.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replays and verifications of projections, each into a shadow ({@link Shadow}) while the live projection keeps
 * answering, one at a time per projection, with where each projection stands.
 *
 * <p>A replay rebuilds the projection from the first event in a shadow schema ({@link ShadowBuilder}), reporting its
 * progress against the head of the store at the start (in the API and, every few seconds, in the log); once caught
 * up, it is swapped in ({@link ShadowSwap}). Readers see the old rows until the swap commits, then the new ones:
 * never an empty or half-built projection. The live projection is only behind for the moments of the swap.
 *
 * <p>A verification rebuilds the projection the same way, up to where the live projection stands, and compares
 * them table by table ({@link ShadowVerifier}).
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final Map<String, Projection> projections;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ProcessorMonitor monitor;
    private final ShadowBuilder builder;
    private final ShadowSwap swap;
    private final ShadowVerifier verifier;
    private final Map<String, Rebuild> current = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> latest = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    ProjectionRebuilds(List<Projection> projections, EventProcessingConfiguration processing,
                       ProcessorPositions positions, ProcessorMonitor monitor, ShadowBuilder builder, ShadowSwap swap,
                       ShadowVerifier verifier) {
        this.projections = projections.stream().collect(Collectors.toMap(Projection::name, Function.identity()));
        this.processing = processing;
        this.positions = positions;
        this.monitor = monitor;
        this.builder = builder;
        this.swap = swap;
        this.verifier = verifier;
    }

    /** Where a projection stands, in a word. */
    public enum State {
        /** It has handled every event stored. */
        RUNNING,
        /** It is behind, and moving. */
        CATCHING_UP,
        /** Its batches keep failing, or it is not catching up: reads from it may be incomplete. */
        STALLED,
        /** A replay rebuilds it beside the live projection, which keeps answering (or it was reset to replay). */
        REPLAYING,
        /** Its processor does not run in this process. */
        STOPPED
    }

    /**
     * How one projection stands.
     *
     * @param state      where it stands, in a word
     * @param position   the position the live projection has handled (the lowest of its segments)
     * @param head       the position of the latest event in the store
     * @param lag        events the live projection is behind
     * @param replaying  whether a replay is under way
     * @param progress   0-100: of the replay under way, else of the live projection towards the head
     * @param replayable whether it declares its tables ({@link Projection}), which replays and verification need
     * @param stall      why it is stalled, and since when; null unless {@code STALLED}
     * @param lastError  its latest run of failed batches: the error, since when, how many attempts failed, and when
     *                   it recovered (null while it goes on); null when none failed since the service started
     * @param rebuild    the replay or verification under way, else the last one since the service started
     */
    public record Status(String name, State state, long position, long head, long lag, boolean replaying,
                         int progress, boolean replayable, ProcessorMonitor.Stall stall,
                         ProcessorMonitor.Failure lastError, Rebuild.View rebuild) {

        /** The error's message may quote the data that failed: only its type for who may not see personal data. */
        Status withoutPersonalData() {
            if (lastError == null) {
                return this;
            }
            return new Status(name, state, position, head, lag, replaying, progress, replayable, stall,
                    new ProcessorMonitor.Failure(lastError.type(), null, lastError.since(), lastError.lastAt(),
                            lastError.retries(), lastError.recoveredAt()), rebuild);
        }
    }

    /** Every streaming processor of the service, by name. */
    public List<Status> statuses() {
        long head = head();
        TreeSet<String> names = new TreeSet<>(projections.keySet());
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names.stream().map(name -> status(name, head)).toList();
    }

    public Status status(String name) {
        if (!projections.containsKey(name) && processing.eventProcessor(name, StreamingEventProcessor.class).isEmpty()) {
            throw unknown(name);
        }
        return status(name, head());
    }

    private Status status(String name, long head) {
        long position = livePosition(name);
        long lag = Math.max(0, head - position);
        Rebuild running = current.get(name);
        Rebuild shown = running != null ? running : latest.get(name);
        boolean replaying = running != null && running.kind == Rebuild.Kind.REPLAY;
        int progress = replaying ? running.progress()
                : head <= 0 ? 100 : (int) Math.min(100, position * 100 / head);
        Optional<ProcessorMonitor.Condition> condition = monitor.condition(name);
        ProcessorMonitor.Stall stall = condition.map(ProcessorMonitor.Condition::stall).orElse(null);
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        boolean live = processor.map(StreamingEventProcessor::isRunning).orElse(false);
        State state = stall != null ? State.STALLED
                : replaying || processor.map(StreamingEventProcessor::isReplaying).orElse(false) ? State.REPLAYING
                : !live ? State.STOPPED
                : lag > 0 ? State.CATCHING_UP
                : State.RUNNING;
        return new Status(name, state, position, head, lag, replaying, progress, projections.containsKey(name), stall,
                condition.map(ProcessorMonitor.Condition::lastFailure).orElse(null),
                shown == null ? null : shown.view());
    }

    /** Starts a replay; it runs on its own and swaps itself in when caught up. */
    public Rebuild.View replay(String name) {
        Projection projection = projection(name);
        StreamingEventProcessor live = liveProcessor(name);
        Rebuild rebuild = begin(name, Rebuild.Kind.REPLAY);
        workers.submit(() -> runReplay(projection, live, rebuild));
        return rebuild.view();
    }

    private void runReplay(Projection projection, StreamingEventProcessor live, Rebuild rebuild) {
        String name = projection.name();
        Shadow shadow = null;
        String failure = null;
        long swappedAt = 0;
        try {
            log.info("Replay of projection [{}] started: rebuilding it in a shadow schema up to position {} (the "
                    + "head now), while the live projection keeps answering", name, rebuild.target);
            shadow = builder.start(projection, Long.MAX_VALUE);
            builder.await(shadow, rebuild, rebuild.target);
            rebuild.state = Rebuild.State.SWAPPING;
            swappedAt = swap.swap(projection, shadow, rebuild.target, live, () -> closing);
            rebuild.position = Math.max(rebuild.position, swappedAt);
        } catch (Exception e) {
            failure = ProcessorMonitor.describe(e);
            log.error("Replay of projection [{}] failed; the live projection is left as it was", name, e);
        } finally {
            ShadowBuilder.closeQuietly(shadow);
            // Only now is the projection free for the next rebuild: say it is done no earlier.
            end(rebuild);
            rebuild.finish(failure == null ? Rebuild.State.DONE : Rebuild.State.FAILED, failure);
        }
        if (failure == null) {
            log.info("Replay of projection [{}] done: {} events in {} s ({} events/s); the rebuilt projection is "
                            + "live from position {}", name, rebuild.target,
                    Duration.between(rebuild.startedAt, rebuild.finishedAt).toMillis() / 1000.0,
                    rebuild.eventsPerSecond(), swappedAt);
        }
    }

    /** Rebuilds the projection from scratch into a shadow, up to where the live one stands, and compares them. */
    public Verification verify(String name) {
        Projection projection = projection(name);
        Rebuild rebuild = begin(name, Rebuild.Kind.VERIFY);
        Shadow shadow = null;
        Rebuild.State outcome = Rebuild.State.FAILED;
        String failure = null;
        try {
            log.info("Verification of projection [{}] started: rebuilding it in a shadow schema to compare", name);
            shadow = builder.start(projection, rebuild.target);
            builder.await(shadow, rebuild, rebuild.target);
            rebuild.state = Rebuild.State.COMPARING;
            Verification verification = verifier.compare(projection, shadow, rebuild);
            outcome = Rebuild.State.DONE;
            return verification;
        } catch (RuntimeException e) {
            failure = ProcessorMonitor.describe(e);
            log.error("Verification of projection [{}] failed", name, e);
            throw RejectionException.conflict("REBUILD_FAILED", "the rebuild of " + name + " failed: "
                    + ProcessorMonitor.describe(e));
        } finally {
            ShadowBuilder.closeQuietly(shadow);
            end(rebuild);
            rebuild.finish(outcome, failure);
        }
    }

    private Rebuild begin(String name, Rebuild.Kind kind) {
        Rebuild rebuild = new Rebuild(name, kind, head());
        Rebuild other = current.putIfAbsent(name, rebuild);
        if (other != null) {
            throw RejectionException.conflict("PROJECTION_BUSY", "projection " + name + " is being rebuilt already ("
                    + other.kind + " since " + other.startedAt + ")");
        }
        latest.put(name, rebuild);
        return rebuild;
    }

    private void end(Rebuild rebuild) {
        current.remove(rebuild.projection, rebuild);
    }

    private Projection projection(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            if (processing.eventProcessor(name).isPresent()) {
                throw RejectionException.conflict("PROJECTION_NOT_REPLAYABLE", "processor " + name + " does not "
                        + "declare the tables it writes (org.registry.query.api.Projection), so it cannot be rebuilt "
                        + "beside the live one");
            }
            throw unknown(name);
        }
        return projection;
    }

    private StreamingEventProcessor liveProcessor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                RejectionException.conflict("PROJECTION_NOT_REPLAYABLE", "projection " + name
                        + " has no streaming processor in this process"));
    }

    private static RejectionException unknown(String name) {
        return RejectionException.notFound("PROJECTION_NOT_FOUND", "no projection named " + name);
    }

    private long head() {
        return builder.head();
    }

    private long livePosition(String name) {
        return positions.position(name, positions.tokens(name));
    }

    /** A replay under way is abandoned: its shadow is dropped, the live projection stays as it was. */
    @Override
    public void destroy() {
        closing = true;
        workers.shutdownNow();
    }
}
