package org.registry.platform.jdbc;

import org.springframework.boot.jdbc.DatabaseDriver;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which database a connection is on, for the few statements written for PostgreSQL alone (several statements sent
 * as one command, a snapshot's isolation), by Spring Boot's reading of the product name.
 */
public final class Databases {

    private Databases() {
    }

    public static boolean postgreSql(Connection connection) throws SQLException {
        return DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName())
                == DatabaseDriver.POSTGRESQL;
    }
}
