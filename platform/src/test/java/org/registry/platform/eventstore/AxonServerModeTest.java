package org.registry.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Axon Server mode, as far as it can be checked without an Axon Server (none runs on our machines): the
 * profile switches the connector on with the configured address, and the database event store then stands
 * aside, so Axon's connector supplies the event store.
 */
class AxonServerModeTest {

    @SpringBootConfiguration
    static class Nothing {
    }

    private static Environment environment(String... arguments) {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("axonserver");
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            return context.getEnvironment();
        }
    }

    @Test
    void theProfileSwitchesTheConnectorOnAtTheConfiguredAddress() {
        Environment environment = environment("--AXONSERVER_SERVERS=axonserver:8124");
        assertThat(environment.getProperty("axon.axonserver.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("axonserver:8124");
    }

    @Test
    void withoutTheProfileTheConnectorIsOff() {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
        }
    }

    @Test
    void theDatabaseEventStoreStandsAsideWhenTheConnectorIsOn() {
        var runner = new ApplicationContextRunner()
                .withUserConfiguration(EventStoreConfiguration.DatabaseEventStore.class);
        runner.withPropertyValues("axon.axonserver.enabled=true").run(context -> {
            assertThat(context).doesNotHaveBean(EventStorageEngine.class);
            assertThat(context).doesNotHaveBean(EventStore.class);
            assertThat(context).doesNotHaveBean(EventPositions.class);
        });
    }
}
