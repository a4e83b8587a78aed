package org.registry.app;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

/**
 * What the tests of registers, ledgers and dashboards share: a running registry, a county of the test's own (so
 * figures are not disturbed by other tests' records), and a {@link Registry} to record its population with.
 */
@RegistryTest
abstract class CountyScenario {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    Api clerk;
    Registry registry;
    String county;

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @BeforeEach
    void startTheCounty() {
        clerk = Api.at(port).as("clerk");
        registry = new Registry(clerk, eventStore, jdbc);
        county = Registry.freshCounty();
    }

    /** A community of the county: {@code community("001", "002")} is village 002 of township 001. */
    String community(String township, String village) {
        return county + township + village;
    }
}
