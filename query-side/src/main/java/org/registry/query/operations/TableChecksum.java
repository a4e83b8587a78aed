package org.registry.query.operations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A table's row count and a SHA-256 of its content, the same on PostgreSQL and H2: every row in the order of all its
 * columns, each value as the database renders it as text, hashed in Java. Two tables of one database with equal
 * checksums hold the same rows.
 *
 * @param rows     how many rows
 * @param checksum hex SHA-256 of the ordered rows
 */
record TableChecksum(String table, long rows, String checksum) {

    private static final byte NULL = 0;
    private static final byte COLUMN = 0x1f;
    private static final byte ROW = 0x1e;

    /** The columns of a table, in their order. */
    static List<String> columns(JdbcTemplate jdbc, String schema, String table) {
        return jdbc.query("SELECT * FROM " + Shadow.quote(schema) + "." + Shadow.quote(table) + " WHERE 1 = 0",
                resultSet -> {
                    ResultSetMetaData metaData = resultSet.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= metaData.getColumnCount(); i++) {
                        columns.add(metaData.getColumnName(i));
                    }
                    return columns;
                });
    }

    static TableChecksum of(JdbcTemplate jdbc, String schema, String table, List<String> columns) {
        MessageDigest digest = sha256();
        long[] rows = {0};
        String order = String.join(", ", IntStream.rangeClosed(1, columns.size()).mapToObj(Integer::toString).toList());
        jdbc.query("SELECT " + String.join(", ", columns.stream().map(Shadow::quote).toList()) + " FROM "
                + Shadow.quote(schema) + "." + Shadow.quote(table) + " ORDER BY " + order, resultSet -> {
            for (int i = 1; i <= columns.size(); i++) {
                String value = resultSet.getString(i);
                if (value == null) {
                    digest.update(NULL);
                } else {
                    digest.update(value.getBytes(StandardCharsets.UTF_8));
                }
                digest.update(COLUMN);
            }
            digest.update(ROW);
            rows[0]++;
        });
        return new TableChecksum(table, rows[0], HexFormat.of().formatHex(digest.digest()));
    }

    /** One checksum over several tables' checksums. */
    static String combined(List<TableChecksum> tables) {
        MessageDigest digest = sha256();
        tables.forEach(table -> digest.update((table.table() + ":" + table.rows() + ":" + table.checksum() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
