package org.registry.platform.jdbc;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Queries planned for the values they are sent with, each time. PostgreSQL's driver turns a statement it has sent
 * five times into a named one, and the server then keeps a generic plan for it, made without the values: for a list
 * of keys into a table that grows while the queries run (an import's rows), a plan made while the table looked empty
 * reads the whole table on every later call. On PostgreSQL these statements stay unnamed (the driver's
 * {@code prepareThreshold} 0 for them alone); elsewhere they are ordinary prepared statements.
 */
public final class CustomPlans {

    private CustomPlans() {
    }

    /** The query with its arguments, as {@code JdbcTemplate.query(sql, ..., args)} would send it, never named. */
    public static PreparedStatementCreator query(String sql, Object... args) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            unnamed(statement);
            new ArgumentPreparedStatementSetter(args).setValues(statement);
            return statement;
        };
    }

    /**
     * A template whose every statement is planned for its values: for reads whose best plan depends on them (a
     * community or a county, a month or a year), where a generic plan made for one reads a county's million rows for
     * the other.
     */
    public static JdbcTemplate template(DataSource dataSource) {
        return new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                unnamed(statement);
            }
        };
    }

    private static void unnamed(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
