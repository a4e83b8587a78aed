package org.registry.app;

import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the import tests share: a running registry, its database, and {@code POST /api/imports} with a file. */
@RegistryTest
abstract class ImportScenario {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void startTheRegistry() {
        api = Api.at(port);
    }

    Api.Response post(String user, String query, String type, byte[] file) {
        return api.as(user).header("Content-Type", type).send("POST", "/api/imports" + query, file);
    }

    /** A CSV file sent as {@code user}. */
    Api.Response post(String user, String query, byte[] file) {
        return post(user, query, CSV, file);
    }

    /** How many events the store holds. */
    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
