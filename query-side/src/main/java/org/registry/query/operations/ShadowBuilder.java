package org.registry.query.operations;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.registry.platform.processing.AxonTokens;
import org.registry.platform.processing.ProcessingConfiguration.ProcessingProperties;
import org.registry.platform.processing.ProcessorMonitor;
import org.registry.platform.processing.ProcessorPositions;
import org.registry.platform.processing.ReplayEventSource;
import org.registry.query.api.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds a projection again in a {@link Shadow} beside the live schema and waits for it to reach a position,
 * keeping the rebuild's progress up to date and logging it every few seconds.
 */
@Component
class ShadowBuilder {

    private static final Logger log = LoggerFactory.getLogger(ShadowBuilder.class);

    private final JdbcTemplate jdbc;
    private final AxonTokens tokens;
    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Shadow.Parts parts;
    private final int initialSegments;
    private final Duration progressInterval;
    private volatile String liveSchema;

    ShadowBuilder(DataSource dataSource, AxonTokens tokens, Serializer serializer, EventStore eventStore,
                  ObjectProvider<ReplayEventSource> replaySource, Configuration axon, BeanFactory beans,
                  ProcessingProperties processingProperties, TokenStoreProperties tokenStoreProperties,
                  @Value("${registry.projections.rebuild-batch-size:1000}") int batchSize,
                  @Value("${registry.projections.rebuild-batch-inserts:true}") boolean batchInserts,
                  @Value("${registry.projections.progress-log-interval:5s}") Duration progressInterval) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tokens = tokens;
        // The database store read a thousand events a query where there is one (not with Axon Server).
        this.store = Objects.requireNonNullElse(replaySource.getIfAvailable(), eventStore);
        this.parts = new Shadow.Parts(dataSource, store, serializer, axon, beans, batchSize, batchInserts,
                tokenStoreProperties.getClaimTimeout());
        this.initialSegments = processingProperties.initialSegmentCount();
        this.progressInterval = progressInterval;
    }

    /**
     * Starts rebuilding the projection from the first event, up to {@code limit} for now, with as many segments as
     * the live processor has (it may have been split), else as many as a new one gets.
     */
    Shadow start(Projection projection, long limit) {
        int segments = tokens.segments(projection.name());
        return Shadow.start(projection, liveSchema(), segments == 0 ? initialSegments : segments, limit, parts);
    }

    /** The position of the latest event in the store. */
    long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : ProcessorPositions.position(head);
    }

    /** Waits for the shadow to reach {@code target}, keeping the progress up to date and logging it. */
    void await(Shadow shadow, Rebuild rebuild, long target) {
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

    /** The schema the live projections are in: the connections' own. */
    String liveSchema() {
        if (liveSchema == null) {
            liveSchema = jdbc.execute((ConnectionCallback<String>) Connection::getSchema);
        }
        return liveSchema;
    }

    /** Drops the shadow; a failure to is logged, not thrown, so it never hides the rebuild's own outcome. */
    static void closeQuietly(Shadow shadow) {
        if (shadow != null) {
            try {
                shadow.close();
            } catch (RuntimeException e) {
                log.warn("Could not drop the shadow schema {} of a rebuild; drop it by hand", shadow.schema, e);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
