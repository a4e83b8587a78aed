package org.registry.query.operations;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's connections, working in another schema while they are borrowed: PostgreSQL's
 * {@code search_path}, H2's current schema ({@link Connection#setSchema}). A projection given it writes the tables
 * of that schema with the very SQL it uses on the live ones. The schema is set back when the connection returns to
 * the pool.
 */
final class SchemaBoundDataSource extends DelegatingDataSource {

    private final String schema;

    SchemaBoundDataSource(DataSource target, String schema) {
        super(target);
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bound(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bound(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection bound(Connection connection) throws SQLException {
        String previous = connection.getSchema();
        try {
            connection.setSchema(schema);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                    if (!connection.isClosed()) {
                        connection.setSchema(previous);
                    }
                } finally {
                    connection.close();
                }
                return null;
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(connection, arguments);
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                handler);
    }
}
