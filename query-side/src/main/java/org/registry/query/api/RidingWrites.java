package org.registry.query.api;

import org.registry.platform.jdbc.Databases;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Several statements as one command, which PostgreSQL's driver sends in one round trip: a handler's queries, and in
 * front of them the writes a rebuild's template holds back ({@link Holder}), which ride with the read instead of
 * taking a round trip of their own. They run in their order, the writes first, so the queries see every write made
 * before them, as they would one by one. Elsewhere (H2, in process) each query runs by itself, after the held writes.
 */
public final class RidingWrites {

    private RidingWrites() {
    }

    /** A template that holds writes back until the next statement or the commit: a rebuild's. */
    public interface Holder {

        /**
         * On PostgreSQL, the held writes that can go in one command with a read, taken out for the caller to send
         * (those that go as JDBC batches are sent first); elsewhere none, and they are sent before the read as usual.
         */
        Writes takeRiders();

        /**
         * Holds back a write that must change exactly one row, as the template holds its inserts (the count checked
         * when it is sent); false where it does not hold writes (outside a transaction), for the caller to run it.
         */
        boolean holdOne(String sql, Object[] arguments);
    }

    /**
     * Runs a write that must change exactly one row (an {@code UPDATE} of a row by its key): held back with the
     * template's other writes where it holds them ({@link Holder}), so a rebuild sends it in a batch instead of a
     * round trip of its own; else at once. Either way a count other than one fails the transaction.
     */
    public static void updateOne(JdbcTemplate jdbc, String sql, Object... arguments) {
        if (jdbc instanceof Holder holder && holder.holdOne(sql, arguments)) {
            return;
        }
        expectOneRow(sql, jdbc.update(sql, arguments));
    }

    /** Writes in their order, each of which must write one row. */
    public record Writes(List<String> statements, List<Object[]> arguments) {

        public static final Writes NONE = new Writes(List.of(), List.of());
    }

    /**
     * Runs {@code queries} with their {@code arguments}, each read by its reader: on PostgreSQL as one command, with
     * the writes {@code jdbc} holds back in front of them.
     */
    public static void read(JdbcTemplate jdbc, List<String> queries, List<Object[]> arguments,
                            List<RowCallbackHandler> readers) {
        Writes riders = jdbc instanceof Holder holder ? holder.takeRiders() : Writes.NONE;
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (Databases.postgreSql(connection)) {
                send(connection, riders, queries, arguments, readers);
                return null;
            }
            for (int query = 0; query < queries.size(); query++) {
                try (PreparedStatement statement = connection.prepareStatement(queries.get(query))) {
                    new ArgumentPreparedStatementSetter(arguments.get(query)).setValues(statement);
                    try (ResultSet rs = statement.executeQuery()) {
                        readAll(rs, readers.get(query));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The writes, then the queries, as one command (PostgreSQL only). A write that wrote other than one row fails it.
     */
    public static void send(Connection connection, Writes writes, List<String> queries, List<Object[]> arguments,
                            List<RowCallbackHandler> readers) throws SQLException {
        List<String> statements = new ArrayList<>(writes.statements());
        statements.addAll(queries);
        Object[] all = Stream.concat(writes.arguments().stream(), arguments.stream()).flatMap(Arrays::stream)
                             .toArray();
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
            new ArgumentPreparedStatementSetter(all).setValues(statement);
            statement.execute();
            for (String write : writes.statements()) {
                expectOneRow(write, statement.getUpdateCount());
                statement.getMoreResults();
            }
            for (RowCallbackHandler reader : readers) {
                try (ResultSet rs = statement.getResultSet()) {
                    readAll(rs, reader);
                }
                statement.getMoreResults();
            }
        }
    }

    /**
     * A held write answered that it wrote one row, as a plain {@code INSERT ... VALUES} does; one that selects its
     * values from other rows ({@code INSERT ... SELECT}) and found none, or a merge that wrote none, fails the batch
     * here instead of being skipped silently.
     */
    public static void expectOneRow(String sql, int count) {
        if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
            throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(sql, 1, count);
        }
    }

    private static void readAll(ResultSet rs, RowCallbackHandler reader) throws SQLException {
        while (rs.next()) {
            reader.processRow(rs);
        }
    }
}
