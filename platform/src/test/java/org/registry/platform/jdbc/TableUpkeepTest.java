package org.registry.platform.jdbc;

import org.junit.jupiter.api.Test;
import org.registry.platform.test.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A table grown from empty is analyzed and vacuumed by a round of {@link TableUpkeep}, and is not due again until it
 * changes by a tenth of its rows; the planner then knows its size.
 */
class TableUpkeepTest {

    @Test
    void aGrownTableIsVacuumedAndAnalyzed_thenNotDueAgainUntilATenthOfItChanges() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "the upkeep is PostgreSQL's");
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try (Connection connection = DriverManager.getConnection(schema.url(), schema.user(), schema.password())) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            TableUpkeep upkeep = new TableUpkeep(jdbc, Duration.ofSeconds(15));
            String table = schema.name() + ".grown";
            jdbc.execute("CREATE TABLE grown (id bigint PRIMARY KEY, label text)");
            jdbc.update("INSERT INTO grown SELECT n, 'row ' || n FROM generate_series(1, 20000) n");
            flushStatistics(jdbc);
            await().atMost(Duration.ofSeconds(20))
                   .until(() -> upkeep.due().contains(new TableUpkeep.Due(table, true)));

            assertThat(upkeep.round()).contains(new TableUpkeep.Due(table, true));

            Map<String, Object> after = jdbc.queryForMap("""
                    SELECT s.last_analyze IS NOT NULL AS analyzed, s.last_vacuum IS NOT NULL AS vacuumed,
                           c.reltuples AS rows
                      FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                     WHERE s.schemaname = ? AND s.relname = 'grown'""", schema.name());
            assertThat(after).containsEntry("analyzed", true).containsEntry("vacuumed", true)
                             .containsEntry("rows", 20000f);
            jdbc.update("UPDATE grown SET label = label || '!' WHERE id <= 100");
            flushStatistics(jdbc);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE schemaname = ? AND relname = 'grown'",
                    Long.class, schema.name()) == 100);
            assertThat(upkeep.due()).extracting(TableUpkeep.Due::table).doesNotContain(table);

            jdbc.update("UPDATE grown SET label = label || '!' WHERE id <= 2500");
            flushStatistics(jdbc);
            await().atMost(Duration.ofSeconds(20))
                   .until(() -> upkeep.due().stream().anyMatch(due -> due.table().equals(table)));
        } finally {
            schema.drop();
        }
    }

    @Test
    void tablesWhoseRowsWereReplacedAreVacuumedAndAnalyzedAtOnce_theirNewPagesAllVisible() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "the upkeep is PostgreSQL's");
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try (Connection connection = DriverManager.getConnection(schema.url(), schema.user(), schema.password())) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            TableUpkeep upkeep = new TableUpkeep(jdbc, Duration.ofSeconds(15));
            jdbc.execute("CREATE TABLE \"Replaced\" (id bigint PRIMARY KEY, label text)");
            jdbc.update("INSERT INTO \"Replaced\" SELECT n, 'row ' || n FROM generate_series(1, 5000) n");
            assertThat(allVisiblePages(jdbc)).isZero();

            upkeep.settle(schema.name(), java.util.List.of("Replaced"));

            assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = '\"Replaced\"'::regclass",
                    Float.class)).isEqualTo(5000f);
            assertThat(allVisiblePages(jdbc)).isPositive().isEqualTo(jdbc.queryForObject(
                    "SELECT relpages FROM pg_class WHERE oid = '\"Replaced\"'::regclass", Integer.class));
        } finally {
            schema.drop();
        }
    }

    private static int allVisiblePages(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT relallvisible FROM pg_class WHERE oid = '\"Replaced\"'::regclass",
                Integer.class);
    }

    /** A backend sends its counts to the statistics at most once a second; this one sends them now. */
    private static void flushStatistics(JdbcTemplate jdbc) {
        jdbc.execute("SELECT pg_stat_force_next_flush()");
        jdbc.execute("SELECT 1");
    }
}
