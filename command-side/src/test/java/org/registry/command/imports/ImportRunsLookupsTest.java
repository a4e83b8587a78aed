package org.registry.command.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.registry.kernel.person.PersonId;
import org.registry.platform.test.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lookups of an import's own earlier rows read a handful of rows, however many rows the import has and whatever
 * the statistics say of it: analyzed while only earlier imports were there, they know nothing of the running one,
 * and PostgreSQL then read the running import's whole range of rows for every lookup.
 */
class ImportRunsLookupsTest {

    private static final int EARLIER_ROWS = 100_000;
    private static final int RUNNING_ROWS = 5_000;

    @Test
    void lookupsOfTheRunningImportReadAHandfulOfRows_whenTheStatisticsKnowOnlyEarlierImports() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "the planner's choice is PostgreSQL's");
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try (Connection connection = DriverManager.getConnection(schema.url(), schema.user(), schema.password())) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/command")
                  .table("flyway_history_command").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            UUID earlier = UUID.randomUUID();
            UUID running = UUID.randomUUID();
            rows(jdbc, earlier, "E", EARLIER_ROWS);
            jdbc.execute("ANALYZE import_row");
            rows(jdbc, running, "R", RUNNING_ROWS);
            UUID person = jdbc.queryForObject("SELECT person_id FROM import_row WHERE import_id = ? AND row_number = 4000",
                    UUID.class, running);
            ImportRuns runs = new ImportRuns(jdbc, new ObjectMapper());

            long read = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
                assertThat(runs.earlierRowWith(running, "R4000")).contains(4000);
                assertThat(runs.earlierRowWith(running, "E4000")).isEmpty();
                assertThat(runs.earlierRowWithKey(running, "R-household-4000")).contains(4000);
                assertThat(runs.hasPerson(running, new PersonId(person))).isTrue();
                assertThat(runs.firstRowsWith(running, List.of("R10", "R20", "E30")))
                        .isEqualTo(Map.of("R10", 10, "R20", 20));
                assertThat(runs.households(running, List.of("R-household-10", "E-household-10")))
                        .containsOnlyKeys("R-household-10");
                // this transaction's own counts, before they are sent to the statistics
                return jdbc.queryForObject("""
                        SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables
                        WHERE relid = 'import_row'::regclass""", Long.class);
            });

            assertThat(read).as("rows of import_row read by six lookups").isLessThan(100);
        } finally {
            schema.drop();
        }
    }

    private static void rows(JdbcTemplate jdbc, UUID importId, String prefix, int count) {
        jdbc.update("""
                INSERT INTO import_row (import_id, row_number, outcome, national_id, household_key, person_id)
                SELECT ?, n, 'REGISTERED', ? || n, ? || '-household-' || n, gen_random_uuid()
                FROM generate_series(1, ?) n""", importId, prefix, prefix, count);
    }
}
