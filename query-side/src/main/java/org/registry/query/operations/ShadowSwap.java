package org.registry.query.operations;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.registry.platform.jdbc.TableUpkeep;
import org.registry.platform.processing.AxonTokens;
import org.registry.platform.processing.ProcessorPositions;
import org.registry.query.api.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Puts a caught-up shadow in place of the live projection: the live processor stops (its claims fenced off, so no
 * other node takes them up meanwhile), and one transaction puts the shadow's tables in place of the live ones
 * ({@link #move}, on PostgreSQL) or replaces the live tables' rows with the shadow's ({@link #copy}), and the live
 * tokens with the shadow's tokens. The live processor then starts again from where the shadow got to. Readers see the
 * old rows until that transaction commits, then the new ones; the tables are then vacuumed and analyzed
 * ({@link TableUpkeep#settle}) before the replay says it is done.
 */
@Component
class ShadowSwap {

    /** The owner the live segments are marked with while they are swapped. */
    static final String FENCE = "projection-swap";
    /**
     * How long moving the tables waits for each live table's readers, and how often it tries. Well under PostgreSQL's
     * deadlock_timeout (a second): a reader of two tables that waits for the move, which waits for it, is never the
     * one the deadlock check aborts, as it was with a timeout of a second.
     */
    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(100);
    private static final int MOVE_ATTEMPTS = 20;
    /** PostgreSQL's lock_not_available, which a lock_timeout raises. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger log = LoggerFactory.getLogger(ShadowSwap.class);

    /** How long the swap waits for the shadow's tokens to be stored before it swaps what is stored. */
    private static final Duration STORED_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;
    private final AxonTokens tokens;
    private final ShadowBuilder builder;
    private final TableUpkeep upkeep;

    ShadowSwap(DataSource dataSource, PlatformTransactionManager transactionManager, AxonTokens tokens,
               ShadowBuilder builder, TableUpkeep upkeep) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = transactionManager;
        this.tokens = tokens;
        this.builder = builder;
        this.upkeep = upkeep;
    }

    /**
     * Swaps the shadow in, and drops it; the live processor starts again afterwards, whatever happened, unless the
     * service is {@code closing}.
     *
     * @return the position the live projection goes on from
     */
    long swap(Projection projection, Shadow shadow, long target, StreamingEventProcessor live,
              BooleanSupplier closing) {
        String name = projection.name();
        awaitStored(name, shadow, target);
        boolean movable = shadow.readyToMove();
        live.shutDown();
        long position;
        try {
            fence(name);
            shadow.finish();
            if (!(movable && move(projection, shadow))) {
                copy(projection, shadow);
            }
            position = storedPosition(shadow, name);
        } finally {
            ShadowBuilder.closeQuietly(shadow);
            tokens.release(name, FENCE);
            if (!closing.getAsBoolean()) {
                live.start();
            }
        }
        upkeep.settle(builder.liveSchema(), projection.tables());
        return position;
    }

    /**
     * The shadow's processor reports a position before it stores it for a segment that had no event of its own (Axon
     * stores that token when it next extends the claim): the tokens swapped in are the stored ones, so they are
     * waited for, lest the live processor go on from behind where the shadow got to.
     */
    private void awaitStored(String name, Shadow shadow, long target) {
        Instant deadline = Instant.now().plus(STORED_TIMEOUT);
        while (storedPosition(shadow, name) < target && Instant.now().isBefore(deadline)) {
            Throwable failure = shadow.failure();
            if (failure != null) {
                throw new IllegalStateException("an event handler of the rebuild failed", failure);
            }
            ShadowBuilder.sleep(20);
        }
    }

    /** The position every segment of the shadow's processor has stored. */
    private long storedPosition(Shadow shadow, String name) {
        return tokens.of(shadow.schema, name).stream().mapToLong(ProcessorPositions::position).min().orElse(0);
    }

    /**
     * The live processor's claims are released when it stops; marking them as held keeps other nodes from claiming
     * them until the swap replaces the tokens (or the claim timeout passes). A segment another node holds means
     * the projection is processed there: the swap would race with it, so the replay gives up.
     */
    private void fence(String name) {
        if (!tokens.fence(name, FENCE)) {
            throw new IllegalStateException("projection " + name + " is being processed by another node ("
                    + tokens.owners(name).stream().filter(owner -> !owner.equals(FENCE)).toList() + "); replay it "
                    + "there, or stop its processing there first");
        }
    }

    /**
     * In one transaction, on PostgreSQL: the shadow's tables (with every index, {@link Shadow#readyToMove}) in place
     * of the live ones, and the shadow's tokens in place of the live. Dropping a live table waits for its readers:
     * {@link #MOVE_ATTEMPTS} times at most {@link #LOCK_TIMEOUT} a table (readers that come meanwhile wait too), then the
     * rows are copied instead ({@link #copy}), which waits for nobody; as they are if the move fails otherwise. Copying a million residents' rows with their
     * indexes took a quarter of the residence history's replay.
     *
     * @return whether the tables were moved
     */
    private boolean move(Projection projection, Shadow shadow) {
        String live = Shadow.quote(builder.liveSchema());
        String rebuilt = Shadow.quote(shadow.schema);
        List<String> tables = projection.tables();
        for (int attempt = 1; attempt <= MOVE_ATTEMPTS; attempt++) {
            try {
                new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
                    jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
                    for (int i = tables.size() - 1; i >= 0; i--) {
                        jdbc.execute("DROP TABLE " + live + "." + Shadow.quote(tables.get(i)));
                    }
                    for (String table : tables) {
                        jdbc.execute("ALTER TABLE " + rebuilt + "." + Shadow.quote(table) + " SET SCHEMA " + live);
                    }
                    copyTokens(projection, shadow);
                });
                return true;
            } catch (DataAccessException e) {
                if (!LOCK_NOT_AVAILABLE.equals(sqlState(e))) {
                    // rolled back whole (PostgreSQL's DDL is transactional): not the owner of the live tables, say
                    log.warn("Replay of projection [{}]: could not move the rebuilt tables in; copying their rows",
                            projection.name(), e);
                    return false;
                }
                log.debug("Replay of projection [{}]: its live tables were being read for longer than {} (attempt {} "
                        + "of {})", projection.name(), LOCK_TIMEOUT, attempt, MOVE_ATTEMPTS);
                ShadowBuilder.sleep(50);
            }
        }
        log.info("Replay of projection [{}]: its live tables were being read {} times it tried to move the rebuilt "
                + "tables in; copying their rows instead", projection.name(), MOVE_ATTEMPTS);
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private void copyTokens(Projection projection, Shadow shadow) {
        if (tokens.copy(projection.name(), shadow.schema, builder.liveSchema()) == 0) {
            throw new IllegalStateException("the rebuild of " + projection.name() + " stored no token");
        }
    }

    /** In one transaction: the shadow's rows in place of the live ones, the shadow's tokens in place of the live. */
    private void copy(Projection projection, Shadow shadow) {
        String liveSchema = builder.liveSchema();
        String live = Shadow.quote(liveSchema);
        String rebuilt = Shadow.quote(shadow.schema);
        List<String> tables = projection.tables();
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            for (int i = tables.size() - 1; i >= 0; i--) {
                jdbc.update("DELETE FROM " + live + "." + Shadow.quote(tables.get(i)));
            }
            for (String table : tables) {
                String columns = String.join(", ", TableChecksum.columns(jdbc, liveSchema, table).stream()
                                                                .map(Shadow::quote).toList());
                jdbc.update("INSERT INTO " + live + "." + Shadow.quote(table) + " (" + columns + ") SELECT " + columns
                        + " FROM " + rebuilt + "." + Shadow.quote(table));
            }
            copyTokens(projection, shadow);
        });
    }
}
