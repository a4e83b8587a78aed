package org.registry.query.operations;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.registry.platform.eventstore.EventStoreConfiguration;
import org.registry.platform.jdbc.Databases;
import org.registry.platform.migration.SchemaMigration;
import org.registry.platform.migration.SchemaMigrations;
import org.registry.query.QuerySide;
import org.registry.query.api.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A projection rebuilt from the first event in a schema of its own: the query side's tables and Axon's token table
 * (made by the same Flyway migrations as the live ones, with their own history there), written by a second instance
 * of the projection's class whose connections work in that schema, fed by a tracking processor of its own that reads
 * the live event store. Its token is stored in the shadow schema in the transaction of its rows, so the shadow is
 * consistent at every commit, like the live projection. Nothing of it is visible to readers until it is copied over the live tables
 * ({@link ShadowSwap}).
 */
final class Shadow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Shadow.class);

    /**
     * What a shadow schema is made of, by the same Flyway migrations as the live schema: the event store's (for
     * Axon's token table; its event tables stay empty there) and the query side's.
     */
    static final List<SchemaMigration> MIGRATIONS = List.of(SchemaMigrations.EVENT_STORE, QuerySide.MIGRATION);

    final String name;
    final String schema;
    final DataSource dataSource;
    private final JdbcTemplate live;
    private final Projection instance;
    /** On PostgreSQL, how to build again the indexes for readers the shadow goes without. */
    private final List<String> readerIndexes;
    private final BoundedEventSource events;
    private final TrackingEventProcessor processor;
    private final int segmentCount;
    private final AtomicReference<Exception> failure;

    private Shadow(String name, String schema, DataSource dataSource, JdbcTemplate live, Projection instance,
                   List<String> readerIndexes, BoundedEventSource events, TrackingEventProcessor processor,
                   int segmentCount, AtomicReference<Exception> failure) {
        this.name = name;
        this.schema = schema;
        this.dataSource = dataSource;
        this.live = live;
        this.instance = instance;
        this.readerIndexes = readerIndexes;
        this.events = events;
        this.processor = processor;
        this.segmentCount = segmentCount;
        this.failure = failure;
    }

    /** What a shadow is built with: the application's pieces it reuses. */
    record Parts(DataSource dataSource, StreamableMessageSource<TrackedEventMessage<?>> store, Serializer serializer,
                 Configuration axon, BeanFactory beans, int batchSize, boolean batchInserts,
                 Duration claimTimeout) {
    }

    /**
     * Creates the shadow schema (dropping a leftover of an interrupted rebuild), and starts rebuilding
     * {@code projection} in it from the first event, up to {@code limit} for now.
     *
     * @param segments as many as the live processor has, so its tokens can replace the live ones one for one
     */
    static Shadow start(Projection projection, String liveSchema, int segments, long limit, Parts parts) {
        String name = projection.name();
        String schema = schemaFor(liveSchema, name);
        JdbcTemplate live = new JdbcTemplate(parts.dataSource());
        drop(live, schema);
        live.execute("CREATE SCHEMA " + quote(schema));
        DataSource shadow = new SchemaBoundDataSource(parts.dataSource(), schema);
        // Flyway too gets connections that go back to the pool in the schema they came in (it moves them about).
        for (SchemaMigration migration : MIGRATIONS) {
            Flyway.configure()
                  .dataSource(shadow)
                  .schemas(schema)
                  .defaultSchema(schema)
                  .locations(migration.location())
                  .table("flyway_history_" + migration.name())
                  // Each module's history table of its own, as in the live schema: the second finds the schema in use.
                  .baselineOnMigrate(true)
                  .baselineVersion("0")
                  .load()
                  .migrate();
        }

        boolean postgreSql = Boolean.TRUE.equals(live.execute((ConnectionCallback<Boolean>) Databases::postgreSql));
        List<String> readerIndexes = new ArrayList<>();
        for (String index : projection.indexesForReaders()) {
            if (postgreSql) {
                readerIndexes.add(live.queryForObject("SELECT indexdef FROM pg_indexes WHERE schemaname = ?"
                        + " AND indexname = ?", String.class, schema, index));
            }
            live.execute("DROP INDEX " + quote(schema) + "." + quote(index));
        }

        AtomicReference<Exception> failure = new AtomicReference<>();
        ListenerInvocationErrorHandler recordFailure = (exception, event, handler) -> {
            failure.compareAndSet(null, exception);
            PropagatingErrorHandler.instance().onError(exception, event, handler);
        };
        Projection instance = instantiate(projection, shadow, parts.beans(), parts.batchInserts());
        instance.rebuilding();
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(instance)
                .parameterResolverFactory(parts.axon().parameterResolverFactory())
                .handlerDefinition(parts.axon().handlerDefinition(instance.getClass()))
                .listenerInvocationErrorHandler(recordFailure)
                .build();
        TokenStore tokens = EventStoreConfiguration.tokenStore(new SpringDataSourceConnectionProvider(shadow),
                parts.serializer(), parts.claimTimeout());
        BoundedEventSource events = new BoundedEventSource(parts.store(), limit);
        // A tracking processor, not a pooled one as live: its thread reads and handles batch after batch. A pooled
        // processor's coordinator, finding its worker's queue of 1,024 events full, sleeps 100 ms before reading
        // again; a rebuild's worker is always behind, so every rebuild ran at about 10,000 events a second.
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(shadow)))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(parts.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andTokenClaimInterval(200, TimeUnit.MILLISECONDS)
                        .andThreadFactory(group -> threads("rebuild-" + name)))
                .build();
        Shadow started = new Shadow(name, schema, shadow, live, instance, List.copyOf(readerIndexes), events,
                processor, segments, failure);
        processor.start();
        return started;
    }

    /**
     * The first failure of a handler, if any, else of a batch (its inserts are sent as the batch commits, see
     * {@link BatchingJdbcTemplate}): the rebuild cannot go on past the events that caused it.
     */
    Throwable failure() {
        Exception failed = failure.get();
        if (failed != null) {
            return failed;
        }
        return processor.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .map(EventTrackerStatus::getError)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
    }

    /** The position every segment has handled (and committed), 0 before the first batch or before all are claimed. */
    long position() {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.size() < segmentCount) {
            return 0;
        }
        return segments.values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(position -> position.orElse(0))
                        .min()
                        .orElse(0);
    }

    /**
     * Whether its tables can take the live tables' place as they are (on PostgreSQL): then the indexes for readers
     * it went without are built now, from their definitions, while it goes on; else its rows are copied over.
     */
    boolean readyToMove() {
        if (!Boolean.TRUE.equals(live.execute((ConnectionCallback<Boolean>) Databases::postgreSql))) {
            return false;
        }
        if (!readerIndexes.isEmpty()) {
            long started = System.nanoTime();
            readerIndexes.forEach(live::execute);
            log.info("Rebuild of projection [{}]: built its {} indexes for readers in {} ms", name,
                    readerIndexes.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return true;
    }

    void raiseLimit(long position) {
        events.raiseLimit(position);
    }

    /** Stops the processor; what it committed stays in the shadow schema. */
    void stop() {
        processor.shutDown();
    }

    /**
     * Stops the processor and has the projection count what it left to the end of its rebuild
     * ({@link Projection#rebuilt()}): the shadow is then complete, to compare or to swap in.
     */
    void finish() {
        stop();
        long started = System.nanoTime();
        instance.rebuilt();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > 0) {
            log.info("Rebuild of projection [{}]: counting what it counts once at the end took {} ms", name, millis);
        }
    }

    /** Stops and drops the shadow schema with everything in it. */
    @Override
    public void close() {
        try {
            if (processor.isRunning()) {
                stop();
            }
        } finally {
            drop(live, schema);
        }
    }

    static void drop(JdbcTemplate live, String schema) {
        live.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
    }

    /** {@code <live schema>_rebuild_<projection>}, beside the live schema, within the 63 characters of PostgreSQL. */
    static String schemaFor(String liveSchema, String projection) {
        String name = (liveSchema + "_rebuild_" + projection).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * A second instance of the projection's class, by its constructor: what it is given to reach the database is
     * bound to the shadow schema, everything else is the application's bean.
     */
    static Projection instantiate(Projection projection, DataSource shadow, BeanFactory beans, boolean batchInserts) {
        Class<?> type = ClassUtils.getUserClass(projection);
        Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow();
        Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(parameter -> {
            if (parameter == JdbcTemplate.class) {
                return batchInserts ? new BatchingJdbcTemplate(shadow) : new JdbcTemplate(shadow);
            }
            if (parameter == NamedParameterJdbcTemplate.class) {
                return new NamedParameterJdbcTemplate(batchInserts ? new BatchingJdbcTemplate(shadow)
                        : new JdbcTemplate(shadow));
            }
            if (parameter == JdbcClient.class) {
                return JdbcClient.create(shadow);
            }
            if (parameter == DataSource.class) {
                return shadow;
            }
            return beans.getBean(parameter);
        }).toArray();
        try {
            constructor.setAccessible(true);
            return (Projection) constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a second " + type.getName() + " for its rebuild", e);
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
