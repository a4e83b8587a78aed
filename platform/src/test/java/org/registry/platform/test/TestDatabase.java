package org.registry.platform.test;

import org.registry.platform.migration.SchemaMigration;
import org.registry.platform.migration.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The database tests run against: the PostgreSQL at {@code REGISTRY_TEST_DATABASE_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code REGISTRY_TEST_DATABASE_USER}, default
 * {@code postgres}) when it answers, else an in-memory H2 in PostgreSQL mode with a warning. CI sets
 * {@code REGISTRY_TEST_REQUIRE_POSTGRES=true}, so a missing PostgreSQL fails the build instead.
 *
 * <p>Each Spring test context gets a schema of its own, dropped when the context closes, so contexts never see
 * each other's events, tokens or rows.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    static final String URL = env("REGISTRY_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = env("REGISTRY_TEST_DATABASE_USER", "postgres");
    static final String PASSWORD = env("REGISTRY_TEST_DATABASE_PASSWORD", "");
    private static final boolean POSTGRES = probe();

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return POSTGRES;
    }

    /** A new, empty schema (or H2 database): the JDBC URL to use, and how to drop it. */
    public static Schema newSchema() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        if (!POSTGRES) {
            return new Schema(name, "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", "sa", "");
        }
        execute("CREATE SCHEMA " + name);
        String separator = URL.contains("?") ? "&" : "?";
        return new Schema(name, URL + separator + "currentSchema=" + name, USER, PASSWORD);
    }

    public record Schema(String name, String url, String user, String password) {

        /** A data source on this schema, with the event store's tables made by their migrations. */
        public DataSource withEventStore() {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
            new SchemaMigrator(dataSource, List.of(new SchemaMigration("eventstore", "classpath:db/eventstore", 0)))
                    .afterPropertiesSet();
            return dataSource;
        }

        public void drop() {
            if (POSTGRES) {
                execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + URL, e);
        }
    }

    private static boolean probe() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            log.info("Tests run on PostgreSQL at {}", URL);
            return true;
        } catch (SQLException e) {
            if (Boolean.parseBoolean(env("REGISTRY_TEST_REQUIRE_POSTGRES", "false"))) {
                throw new IllegalStateException("PostgreSQL is required for the tests but " + URL
                        + " does not answer: " + e.getMessage(), e);
            }
            log.warn("""

                    *** PostgreSQL at {} does not answer ({}).
                    *** The integration tests fall back to in-memory H2; the PostgreSQL-only tests are skipped.
                    *** Set REGISTRY_TEST_DATABASE_URL to test against PostgreSQL.""", URL, e.getMessage());
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
