package org.registry.app;

import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.springframework.test.context.TestPropertySource;

/**
 * What the tests that record facts over HTTP and read them back share: a running registry that exports events and
 * logs its projections' progress promptly, its database, its API as a clerk, and a {@link Register} to record with.
 */
@TestPropertySource(properties = {"registry.export.gap-timeout=2s", "registry.projections.progress-log-interval=100ms"})
abstract class RegisterScenario extends ApiScenario {

    Api clerk;
    Register register;

    @BeforeEach
    void startTheRegister() {
        clerk = api.as("clerk");
        register = new Register(api);
    }
}
