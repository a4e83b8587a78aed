package org.registry.query.operations;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.registry.platform.jdbc.TableUpkeep;
import org.registry.platform.processing.AxonTokens;
import org.registry.platform.processing.ProcessorPositions;
import org.registry.query.api.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Puts a caught-up shadow in place of the live projection: the live processor stops (its claims fenced off, so no
 * other node takes them up meanwhile), and one transaction replaces the live tables' rows with the shadow's and the
 * live tokens with the shadow's tokens. The live processor then starts again from where the shadow got to. Readers
 * see the old rows until that transaction commits, then the new ones; the tables are then vacuumed and analyzed
 * ({@link TableUpkeep#settle}) before the replay says it is done.
 */
@Component
class ShadowSwap {

    /** The owner the live segments are marked with while they are swapped. */
    static final String FENCE = "projection-swap";
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
        live.shutDown();
        long position;
        try {
            fence(name);
            shadow.finish();
            copy(projection, shadow);
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
            if (tokens.copy(projection.name(), shadow.schema, liveSchema) == 0) {
                throw new IllegalStateException("the rebuild of " + projection.name() + " stored no token");
            }
        });
    }
}
