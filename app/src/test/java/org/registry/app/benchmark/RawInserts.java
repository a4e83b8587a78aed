package org.registry.app.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The baseline the benchmarks measure the service against, in the same run on the same database: rows about as wide
 * as a projection's, inserted over JDBC by one connection into a table with a primary key and one index, like a
 * projection's.
 */
public final class RawInserts {

    private RawInserts() {
    }

    /** Rows a second inserted one a transaction (auto-commit). */
    public static double singleRow(DataSource dataSource, int rows) throws SQLException {
        return insert(dataSource, rows, 1);
    }

    /** Rows a second inserted in batches of 100, one transaction a batch. */
    public static double batched(DataSource dataSource, int rows) throws SQLException {
        return insert(dataSource, rows, 100);
    }

    private static double insert(DataSource dataSource, int rows, int batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("""
                    CREATE TABLE benchmark_raw (id UUID PRIMARY KEY, community_code VARCHAR(12) NOT NULL,
                        name VARCHAR(100), birth_date DATE, position BIGINT NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE)""");
            connection.createStatement().execute("CREATE INDEX benchmark_raw_community ON benchmark_raw (community_code)");
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO benchmark_raw (id, community_code, name, birth_date, position, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (int row = 0; row < rows; row++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, County.community(row % 300));
                    insert.setString(3, "王伟" + row);
                    insert.setObject(4, LocalDate.of(1980, 1, 1).plusDays(row % 10_000));
                    insert.setLong(5, row);
                    insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                    if (row % batch == batch - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            double rate = rows / ((System.nanoTime() - started) / 1e9);
            connection.setAutoCommit(true);
            connection.createStatement().execute("DROP TABLE benchmark_raw");
            return rate;
        }
    }
}
