package org.registry.app;

import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What the tests that record facts over HTTP and read them back share: a running registry that exports events and
 * logs its projections' progress promptly, its database, its API as a clerk, and a {@link Register} to record with.
 */
@RegistryTest
@TestPropertySource(properties = {"registry.export.gap-timeout=2s", "registry.projections.progress-log-interval=100ms"})
abstract class RegisterScenario {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Api clerk;
    Register register;

    @BeforeEach
    void startTheRegister() {
        api = Api.at(port);
        clerk = api.as("clerk");
        register = new Register(api);
    }
}
