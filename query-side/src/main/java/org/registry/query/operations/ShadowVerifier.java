package org.registry.query.operations;

import org.registry.platform.jdbc.Databases;
import org.axonframework.eventhandling.TrackingToken;
import org.registry.platform.processing.AxonTokens;
import org.registry.platform.processing.ProcessorPositions;
import org.registry.query.api.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Compares a shadow with the live projection, table by table: row counts and content checksums
 * ({@link TableChecksum}). The live side is read in one snapshot transaction together with its token, and the shadow
 * is brought to exactly that position first, so both are compared at the same event.
 */
@Component
class ShadowVerifier {

    private static final Logger log = LoggerFactory.getLogger(ShadowVerifier.class);

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;
    private final AxonTokens tokens;
    private final ShadowBuilder builder;
    private final Duration liveSettleTimeout;
    private volatile Boolean postgres;

    ShadowVerifier(DataSource dataSource, PlatformTransactionManager transactionManager, AxonTokens tokens,
                   ShadowBuilder builder,
                   @Value("${registry.projections.live-settle-timeout:60s}") Duration liveSettleTimeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = transactionManager;
        this.tokens = tokens;
        this.builder = builder;
        this.liveSettleTimeout = liveSettleTimeout;
    }

    /**
     * Waits for the live projection to reach at least where the shadow stands ({@code rebuild}'s target), then takes
     * the shadow to the live position and compares them; the shadow is stopped afterwards.
     */
    Verification compare(Projection projection, Shadow shadow, Rebuild rebuild) {
        String name = projection.name();
        String liveSchema = builder.liveSchema();
        LiveSnapshot live = liveSnapshot(projection, rebuild.target);
        shadow.raiseLimit(live.position());
        builder.await(shadow, rebuild, live.position());
        shadow.finish();
        List<TableChecksum> rebuilt = projection.tables().stream()
                .map(table -> TableChecksum.of(jdbc, shadow.schema, table,
                        TableChecksum.columns(jdbc, liveSchema, table)))
                .toList();
        Verification verification = Verification.of(name, live.position(), live.tables(), rebuilt);
        if (verification.identical()) {
            log.info("Verification of projection [{}] at position {}: the rebuild equals the live projection "
                    + "({} rows)", name, live.position(), verification.liveRows());
        } else {
            log.warn("Verification of projection [{}] at position {}: the rebuild DIFFERS from the live "
                    + "projection in {}", name, live.position(), verification.differingTables());
        }
        return verification;
    }

    private record LiveSnapshot(long position, List<TableChecksum> tables) {
    }

    /**
     * The live projection's tables and its position, read in one snapshot transaction (rows and token commit
     * together, so they agree), once it has reached {@code atLeast} and all its segments stand at one position.
     */
    private LiveSnapshot liveSnapshot(Projection projection, long atLeast) {
        String liveSchema = builder.liveSchema();
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        // PostgreSQL's repeatable read is a snapshot of the database at the first statement; H2 needs serializable.
        snapshot.setIsolationLevel(postgres() ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                : TransactionDefinition.ISOLATION_SERIALIZABLE);
        snapshot.setReadOnly(true);
        Instant deadline = Instant.now().plus(liveSettleTimeout);
        while (true) {
            LiveSnapshot taken = snapshot.execute(transaction -> {
                List<TrackingToken> stored = tokens.of(liveSchema, projection.name());
                List<Long> positions = stored.stream().map(ProcessorPositions::position).distinct().toList();
                if (positions.size() != 1 || positions.get(0) < atLeast) {
                    return null;
                }
                return new LiveSnapshot(positions.get(0), projection.tables().stream()
                        .map(table -> TableChecksum.of(jdbc, liveSchema, table,
                                TableChecksum.columns(jdbc, liveSchema, table)))
                        .toList());
            });
            if (taken != null) {
                return taken;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live projection " + projection.name() + " did not reach position "
                        + atLeast + " within " + liveSettleTimeout);
            }
            ShadowBuilder.sleep(50);
        }
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) Databases::postgreSql);
        }
        return postgres;
    }
}
