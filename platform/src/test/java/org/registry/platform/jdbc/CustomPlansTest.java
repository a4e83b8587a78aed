package org.registry.platform.jdbc;

import org.junit.jupiter.api.Test;
import org.registry.platform.test.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SingleColumnRowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL a query of {@link CustomPlans}, or any statement of its template, stays unnamed however often it runs;
 * an ordinary one is named.
 */
class CustomPlansTest {

    @Test
    void aQueryRunManyTimesIsNeverNamedOnTheServer_whileAnOrdinaryOneIs() throws SQLException {
        assumeTrue(TestDatabase.isPostgres(), "the driver's named statements are PostgreSQL's");
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try (Connection connection = DriverManager.getConnection(schema.url(), schema.user(), schema.password())) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            JdbcTemplate template = CustomPlans.template(dataSource);
            for (int i = 0; i < 10; i++) {
                assertThat(template.queryForList("SELECT ? || '-template'", String.class, "a"))
                        .containsExactly("a-template");
                assertThat(jdbc.query(CustomPlans.query("SELECT ? || '-custom'", "a"),
                        SingleColumnRowMapper.newInstance(String.class))).containsExactly("a-custom");
                assertThat(jdbc.queryForList("SELECT ? || '-ordinary'", String.class, "a"))
                        .containsExactly("a-ordinary");
            }

            List<String> named = jdbc.queryForList("SELECT statement FROM pg_prepared_statements", String.class);

            assertThat(named).anyMatch(statement -> statement.contains("-ordinary"))
                             .noneMatch(statement -> statement.contains("-custom"))
                             .noneMatch(statement -> statement.contains("-template"));
        } finally {
            schema.drop();
        }
    }
}
