package org.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.registry.platform.migration.SchemaMigration;
import org.registry.platform.migration.SchemaMigrator;
import org.registry.platform.test.TestDatabase;
import org.registry.query.api.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema of its own with the query side's tables, made by its Flyway migrations as in the service, for tests that
 * call a projection's event handlers directly: the test PostgreSQL ({@link TestDatabase}), or H2 without one.
 */
public final class ProjectionDatabase implements AutoCloseable {

    private final TestDatabase.Schema schema;
    private final JdbcTemplate jdbc;

    private ProjectionDatabase(TestDatabase.Schema schema, JdbcTemplate jdbc) {
        this.schema = schema;
        this.jdbc = jdbc;
    }

    public static ProjectionDatabase create() {
        TestDatabase.Schema schema = TestDatabase.newSchema();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(schema.url(), schema.user(),
                schema.password());
        new SchemaMigrator(dataSource, List.of(new SchemaMigration("query", "classpath:db/query", 20)))
                .afterPropertiesSet();
        return new ProjectionDatabase(schema, new JdbcTemplate(dataSource));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Every row of every table of the projection, in an order independent of how the database returns them. */
    public Map<String, List<String>> rows(Projection projection) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : projection.tables()) {
            List<String> shown = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                shown.add(row.toString());
            }
            shown.sort(Comparator.naturalOrder());
            rows.put(table, shown);
        }
        return rows;
    }

    /**
     * Handles an event, then the same event again (as a redelivery would), and asserts that the second time changed
     * no row of the projection.
     */
    public void assertHandledTwiceLikeOnce(Projection projection, Runnable handle) {
        handle.run();
        Map<String, List<String>> once = rows(projection);
        handle.run();
        assertThat(rows(projection)).isEqualTo(once);
    }

    @Override
    public void close() {
        schema.drop();
    }
}
