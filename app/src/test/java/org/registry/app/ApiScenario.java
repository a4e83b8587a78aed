package org.registry.app;

import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the end-to-end API tests share: a running registry, its database, and its HTTP API. */
@RegistryTest
abstract class ApiScenario {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connectToTheRegistry() {
        api = Api.at(port);
    }
}
