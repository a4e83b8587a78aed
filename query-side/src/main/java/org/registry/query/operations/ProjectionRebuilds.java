package org.registry.query.operations;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.springboot.TokenStoreProperties;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.processing.ProcessingConfiguration.ProcessingProperties;
import org.registry.platform.processing.ProcessorMonitor;
import org.registry.platform.processing.ProcessorPositions;
import org.registry.platform.processing.WakingEventSource;
import org.registry.query.api.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replays and verifications of projections, each into a shadow ({@link Shadow}) while the live projection keeps
 * answering.
 *
 * <p>A replay rebuilds the projection from the first event in a shadow schema, reporting its progress against the
 * head of the store at the start (in the API and, every few seconds, in the log). Once caught up, it swaps: the live
 * processor stops (its claims fenced off, so no other node takes them up meanwhile), and one transaction replaces
 * the live tables' rows with the shadow's and the live tokens with the shadow's tokens. The live processor then
 * starts again from where the shadow got to, and the shadow is dropped. Readers see the old rows until that
 * transaction commits, then the new ones: never an empty or half-built projection. The live projection is only
 * behind for the moments of the swap.
 *
 * <p>A verification rebuilds the projection the same way, up to where the live projection stands, and compares
 * table by table: row counts and content checksums ({@link TableChecksum}). The live side is read in one snapshot
 * transaction together with its token, so both sides are compared at exactly the same event.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final String FENCE = "projection-swap";

    private final Map<String, Projection> projections;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ProcessorMonitor monitor;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;
    private final Serializer serializer;
    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Shadow.Parts parts;
    private final int initialSegments;
    private final Duration progressInterval;
    private final Duration liveSettleTimeout;
    private final Map<String, Rebuild> current = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> latest = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;
    private volatile String liveSchema;
    private volatile Boolean postgres;

    ProjectionRebuilds(List<Projection> projections, EventProcessingConfiguration processing,
                       ProcessorPositions positions, ProcessorMonitor monitor, DataSource dataSource,
                       PlatformTransactionManager transactionManager, Serializer serializer, EventStore eventStore,
                       ObjectProvider<WakingEventSource> wakingSource, Configuration axon, BeanFactory beans,
                       ProcessingProperties processingProperties, TokenStoreProperties tokenStoreProperties,
                       @Value("${registry.projections.rebuild-batch-size:1000}") int batchSize,
                       @Value("${registry.projections.rebuild-batch-inserts:true}") boolean batchInserts,
                       @Value("${registry.projections.progress-log-interval:5s}") Duration progressInterval,
                       @Value("${registry.projections.live-settle-timeout:60s}") Duration liveSettleTimeout) {
        this.projections = projections.stream().collect(Collectors.toMap(Projection::name, Function.identity()));
        this.processing = processing;
        this.positions = positions;
        this.monitor = monitor;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        // The processors' own source where there is one: it wakes the shadow when events arrive.
        this.store = Objects.requireNonNullElse(wakingSource.getIfAvailable(), eventStore);
        this.parts = new Shadow.Parts(dataSource, store, serializer, axon, beans, batchSize, batchInserts,
                tokenStoreProperties.getClaimTimeout());
        this.initialSegments = processingProperties.initialSegmentCount();
        this.progressInterval = progressInterval;
        this.liveSettleTimeout = liveSettleTimeout;
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
        boolean liveStopped = false;
        String failure = null;
        long swappedAt = 0;
        try {
            log.info("Replay of projection [{}] started: rebuilding it in a shadow schema up to position {} (the "
                    + "head now), while the live projection keeps answering", name, rebuild.target);
            shadow = Shadow.start(projection, liveSchema(), segments(name), Long.MAX_VALUE, parts);
            await(shadow, rebuild, rebuild.target);

            rebuild.state = Rebuild.State.SWAPPING;
            live.shutDown();
            liveStopped = true;
            fence(name);
            shadow.stop();
            swappedAt = swap(projection, shadow);
            rebuild.position = Math.max(rebuild.position, swappedAt);
        } catch (Exception e) {
            failure = ProcessorMonitor.describe(e);
            log.error("Replay of projection [{}] failed; the live projection is left as it was", name, e);
        } finally {
            closeQuietly(shadow);
            if (liveStopped) {
                jdbc.update("UPDATE token_entry SET owner = NULL WHERE processor_name = ? AND owner = ?", name, FENCE);
                if (!closing) {
                    live.start();
                }
            }
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

    /**
     * The live processor's claims are released when it stops; marking them as held keeps other nodes from claiming
     * them until the swap replaces the tokens (or the claim timeout passes). A segment another node holds means
     * the projection is processed there: the swap would race with it, so the replay gives up.
     */
    private void fence(String name) {
        List<String> owners = jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ?", String.class,
                name);
        int fenced = jdbc.update("""
                        UPDATE token_entry SET owner = ?, time_stamp = ?
                        WHERE processor_name = ? AND owner IS NULL""",
                FENCE, DateTimeUtils.formatInstant(Instant.now()), name);
        if (fenced != owners.size()) {
            throw new IllegalStateException("projection " + name + " is being processed by another node ("
                    + owners.stream().filter(Objects::nonNull).distinct().toList() + "); replay it there, or stop its "
                    + "processing there first");
        }
    }

    /** In one transaction: the shadow's rows in place of the live ones, the shadow's tokens in place of the live. */
    private long swap(Projection projection, Shadow shadow) {
        String live = Shadow.quote(liveSchema());
        String rebuilt = Shadow.quote(shadow.schema);
        List<String> tables = projection.tables();
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            for (int i = tables.size() - 1; i >= 0; i--) {
                jdbc.update("DELETE FROM " + live + "." + Shadow.quote(tables.get(i)));
            }
            for (String table : tables) {
                String columns = String.join(", ", TableChecksum.columns(jdbc, liveSchema(), table).stream()
                                                                .map(Shadow::quote).toList());
                jdbc.update("INSERT INTO " + live + "." + Shadow.quote(table) + " (" + columns + ") SELECT " + columns
                        + " FROM " + rebuilt + "." + Shadow.quote(table));
            }
            jdbc.update("DELETE FROM " + live + ".token_entry WHERE processor_name = ?", projection.name());
            int tokens = jdbc.update("INSERT INTO " + live + ".token_entry (processor_name, segment, token, token_type,"
                    + " time_stamp, owner) SELECT processor_name, segment, token, token_type, time_stamp, NULL FROM "
                    + rebuilt + ".token_entry WHERE processor_name = ?", projection.name());
            if (tokens == 0) {
                throw new IllegalStateException("the rebuild of " + projection.name() + " stored no token");
            }
        });
        return lowest(tokens(shadow.schema, projection.name()));
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
            shadow = Shadow.start(projection, liveSchema(), segments(name), rebuild.target, parts);
            await(shadow, rebuild, rebuild.target);
            rebuild.state = Rebuild.State.COMPARING;
            LiveSnapshot live = liveSnapshot(projection, rebuild.target);
            shadow.raiseLimit(live.position());
            await(shadow, rebuild, live.position());
            shadow.stop();
            String shadowSchema = shadow.schema;
            List<TableChecksum> rebuilt = projection.tables().stream()
                    .map(table -> TableChecksum.of(jdbc, shadowSchema, table,
                            TableChecksum.columns(jdbc, liveSchema(), table)))
                    .toList();
            Verification verification = Verification.of(name, live.position(), live.tables(), rebuilt);
            outcome = Rebuild.State.DONE;
            if (verification.identical()) {
                log.info("Verification of projection [{}] at position {}: the rebuild equals the live projection "
                        + "({} rows)", name, live.position(), verification.liveRows());
            } else {
                log.warn("Verification of projection [{}] at position {}: the rebuild DIFFERS from the live "
                        + "projection in {}", name, live.position(), verification.differingTables());
            }
            return verification;
        } catch (RuntimeException e) {
            failure = ProcessorMonitor.describe(e);
            log.error("Verification of projection [{}] failed", name, e);
            throw RejectionException.conflict("REBUILD_FAILED", "the rebuild of " + name + " failed: "
                    + ProcessorMonitor.describe(e));
        } finally {
            closeQuietly(shadow);
            end(rebuild);
            rebuild.finish(outcome, failure);
        }
    }

    private record LiveSnapshot(long position, List<TableChecksum> tables) {
    }

    /**
     * The live projection's tables and its position, read in one snapshot transaction (rows and token commit
     * together, so they agree), once it has reached {@code atLeast} and all its segments stand at one position.
     */
    private LiveSnapshot liveSnapshot(Projection projection, long atLeast) {
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        // PostgreSQL's repeatable read is a snapshot of the database at the first statement; H2 needs serializable.
        snapshot.setIsolationLevel(postgres() ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                : TransactionDefinition.ISOLATION_SERIALIZABLE);
        snapshot.setReadOnly(true);
        Instant deadline = Instant.now().plus(liveSettleTimeout);
        while (true) {
            LiveSnapshot taken = snapshot.execute(transaction -> {
                List<TrackingToken> tokens = tokens(liveSchema(), projection.name());
                List<Long> positions = tokens.stream().map(ProcessorPositions::position).distinct().toList();
                if (positions.size() != 1 || positions.get(0) < atLeast) {
                    return null;
                }
                return new LiveSnapshot(positions.get(0), projection.tables().stream()
                        .map(table -> TableChecksum.of(jdbc, liveSchema(), table,
                                TableChecksum.columns(jdbc, liveSchema(), table)))
                        .toList());
            });
            if (taken != null) {
                return taken;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live projection " + projection.name() + " did not reach position "
                        + atLeast + " within " + liveSettleTimeout);
            }
            sleep(50);
        }
    }

    /** Waits for the shadow to reach {@code target}, keeping the progress up to date and logging it. */
    private void await(Shadow shadow, Rebuild rebuild, long target) {
        Instant nextLog = Instant.now().plus(progressInterval);
        while (true) {
            Throwable failure = shadow.failure();
            if (failure != null) {
                throw new IllegalStateException("an event handler of the rebuild failed: "
                        + ProcessorMonitor.describe(failure), failure);
            }
            rebuild.position = Math.max(rebuild.position, shadow.position());
            if (rebuild.position >= target) {
                return;
            }
            if (Instant.now().isAfter(nextLog)) {
                Long eta = rebuild.etaSeconds();
                log.info("{} of projection [{}]: {}% ({} of {} events), {} events/s, ETA {}",
                        rebuild.kind == Rebuild.Kind.REPLAY ? "Replay" : "Verification", rebuild.projection,
                        rebuild.progress(), rebuild.position, rebuild.target, rebuild.eventsPerSecond(),
                        eta == null ? "unknown" : eta + " s");
                nextLog = Instant.now().plus(progressInterval);
            }
            sleep(20);
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

    /** As many segments as the live processor has (it may have been split), else as many as a new one gets. */
    private int segments(String name) {
        Integer segments = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, name);
        return segments == null || segments == 0 ? initialSegments : segments;
    }

    private long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : ProcessorPositions.position(head);
    }

    private long livePosition(String name) {
        return positions.position(name, positions.tokens(name));
    }

    private List<TrackingToken> tokens(String schema, String processor) {
        return jdbc.query("SELECT token, token_type FROM " + Shadow.quote(schema) + ".token_entry"
                        + " WHERE processor_name = ? ORDER BY segment", (rs, row) -> {
                    String token = rs.getString("token");
                    return token == null ? null : serializer.<String, TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, String.class,
                                    new SimpleSerializedType(rs.getString("token_type"), null)));
                }, processor);
    }

    private static long lowest(List<TrackingToken> tokens) {
        return tokens.stream().mapToLong(ProcessorPositions::position).min().orElse(0);
    }

    private String liveSchema() {
        if (liveSchema == null) {
            liveSchema = jdbc.execute((ConnectionCallback<String>) Connection::getSchema);
        }
        return liveSchema;
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
        }
        return postgres;
    }

    private static void closeQuietly(Shadow shadow) {
        if (shadow != null) {
            try {
                shadow.close();
            } catch (RuntimeException e) {
                log.warn("Could not drop the shadow schema {} of a rebuild; drop it by hand", shadow.schema, e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A replay under way is abandoned: its shadow is dropped, the live projection stays as it was. */
    @Override
    public void destroy() {
        closing = true;
        workers.shutdownNow();
    }

    /**
     * The rebuild compared with the live projection, table by table.
     *
     * @param position        the event both stand at
     * @param liveRows        rows of all the projection's tables, live
     * @param rebuiltRows     rows of all its tables, rebuilt
     * @param differingTables the tables whose row count or checksum differ
     */
    public record Verification(String name, boolean identical, long position, long liveRows, long rebuiltRows,
                               String liveChecksum, String rebuiltChecksum, List<TableComparison> tables,
                               List<String> differingTables) {

        static Verification of(String name, long position, List<TableChecksum> live, List<TableChecksum> rebuilt) {
            Map<String, TableChecksum> rebuiltByTable = new TreeMap<>();
            rebuilt.forEach(table -> rebuiltByTable.put(table.table(), table));
            List<TableComparison> tables = new ArrayList<>();
            for (TableChecksum table : live) {
                TableChecksum other = rebuiltByTable.get(table.table());
                tables.add(new TableComparison(table.table(), table.rows(), other.rows(), table.checksum(),
                        other.checksum(), table.rows() == other.rows() && table.checksum().equals(other.checksum())));
            }
            List<String> differing = tables.stream().filter(table -> !table.identical())
                                           .map(TableComparison::table).toList();
            return new Verification(name, differing.isEmpty(), position,
                    live.stream().mapToLong(TableChecksum::rows).sum(),
                    rebuilt.stream().mapToLong(TableChecksum::rows).sum(),
                    TableChecksum.combined(live), TableChecksum.combined(rebuilt), Collections.unmodifiableList(tables),
                    differing);
        }
    }

    public record TableComparison(String table, long liveRows, long rebuiltRows, String liveChecksum,
                                  String rebuiltChecksum, boolean identical) {
    }
}
