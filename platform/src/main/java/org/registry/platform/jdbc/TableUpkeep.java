package org.registry.platform.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL's autovacuum does for our tables, done by the registry itself where a server runs with
 * {@code autovacuum = off}. Without it no table is ever analyzed or vacuumed: the planner keeps the statistics of
 * an empty table while an import or a replay grows it to millions of rows (a lookup by aggregate became a scan of
 * the whole event store, 94 import rows/s instead of 700), and no page is ever marked all-visible, so covering
 * indexes still read the table.
 *
 * <p>Every {@code registry.database.upkeep-interval} (0 turns it off) it reads {@code pg_stat_user_tables} and, for
 * each table of this user that autovacuum's default thresholds would pick, runs {@code VACUUM (ANALYZE)} when rows
 * were deleted, updated or inserted past the vacuum thresholds, or {@code ANALYZE} when only the analyze threshold
 * is crossed. The thresholds grow with the table (10% of its rows to analyze, 20% to vacuum), so a table growing
 * from empty to n rows is analyzed about log(n) times. A table locked by someone else for more than a second is
 * left for the next round. Where autovacuum is on, and on other databases, it does nothing.
 */
@Component
public class TableUpkeep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TableUpkeep.class);

    /** autovacuum's default thresholds: a base number of rows plus a fraction of the table's rows. */
    private static final String DUE = """
            SELECT name, vacuum FROM (
                SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS name, s.n_mod_since_analyze,
                       s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
                           OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) AS vacuum,
                       s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS analyze_due
                  FROM pg_stat_user_tables s
                  JOIN pg_class c ON c.oid = s.relid
                 WHERE pg_has_role(c.relowner, 'USAGE')) t
             WHERE vacuum OR analyze_due
             ORDER BY n_mod_since_analyze DESC""";

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private volatile ScheduledExecutorService rounds;

    public TableUpkeep(JdbcTemplate jdbc, @Value("${registry.database.upkeep-interval:15s}") Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** A table that is due, by name as SQL quotes it, and whether it needs vacuuming or only analyzing. */
    record Due(String table, boolean vacuum) {
    }

    /** Whether this database leaves the upkeep to us: PostgreSQL with autovacuum off. */
    boolean needed() {
        return jdbc.execute((ConnectionCallback<Boolean>) Databases::postgreSql)
               && "off".equals(jdbc.queryForObject("SELECT current_setting('autovacuum')", String.class));
    }

    /** The tables due now. */
    List<Due> due() {
        return jdbc.query(DUE, (row, n) -> new Due(row.getString("name"), row.getBoolean("vacuum")));
    }

    /** Vacuums or analyzes every table that is due; returns the tables that were due. */
    List<Due> round() {
        List<Due> due = due();
        long roundStart = System.nanoTime();
        int analyzed = 0;
        int vacuumed = 0;
        for (Due table : due) {
            String statement = (table.vacuum() ? "VACUUM (ANALYZE) " : "ANALYZE ") + table.table();
            long start = System.nanoTime();
            try {
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute("SET lock_timeout = '1s'");
                        try {
                            sql.execute(statement);
                        } finally {
                            sql.execute("RESET lock_timeout");
                        }
                    }
                    return null;
                });
                analyzed++;
                vacuumed += table.vacuum() ? 1 : 0;
                log.debug("{}: {} ms", statement, Duration.ofNanos(System.nanoTime() - start).toMillis());
            } catch (DataAccessException e) {
                // Locked, or dropped meanwhile (a replay's shadow schema): the next round sees it again if it is due.
                log.debug("{} did not run", statement, e);
            }
        }
        if (analyzed > 0) {
            log.info("Analyzed {} table(s) ({} vacuumed too) in {} ms; the one changed most: {}", analyzed, vacuumed,
                    Duration.ofNanos(System.nanoTime() - roundStart).toMillis(), due.get(0).table());
        }
        return due;
    }

    /**
     * Vacuums and analyzes tables whose rows were all just replaced (a replay's swap), on PostgreSQL whether autovacuum
     * runs or not: until then the planner has the statistics of the rows before, and no page of the new rows is marked
     * all-visible, so covering indexes read the table too (at 200,000 residents a county's dashboard measured in the
     * seconds after a replay, before the next round of upkeep, took 160 ms where one measured after it took 40).
     * Nothing on other databases.
     */
    public void settle(String schema, List<String> tables) {
        if (!jdbc.execute((ConnectionCallback<Boolean>) Databases::postgreSql)) {
            return;
        }
        long start = System.nanoTime();
        for (String table : tables) {
            jdbc.execute("VACUUM (ANALYZE) " + quote(schema) + "." + quote(table));
        }
        log.info("Vacuumed and analyzed {} table(s) of {} in {} ms", tables.size(), schema,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        try {
            if (!needed()) {
                return;
            }
        } catch (DataAccessException e) {
            log.warn("Could not tell whether the database runs autovacuum; the registry will not keep its tables'"
                     + " statistics itself", e);
            return;
        }
        log.warn("autovacuum is off on this PostgreSQL server: the registry analyzes and vacuums its own tables every {}"
                 + " (registry.database.upkeep-interval)", interval);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "table-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                log.debug("Table upkeep could not run", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        rounds = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = rounds;
        rounds = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return rounds != null;
    }
}
