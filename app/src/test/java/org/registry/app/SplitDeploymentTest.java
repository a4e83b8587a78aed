package org.registry.app;

import org.junit.jupiter.api.Test;
import org.registry.command.CommandSideApplication;
import org.registry.platform.test.Api;
import org.registry.platform.test.TestDatabase;
import org.registry.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split deployment: the command side and the query side as processes of their own on one PostgreSQL
 * database. Each runs its own application context here, so the query side learns of new events only by tailing
 * the event store, exactly as a separate process would.
 */
class SplitDeploymentTest {

    /** Starts a process's application as its own context, configured as a user would: by arguments. */
    private static ConfigurableApplicationContext start(SpringApplicationBuilder application,
                                                        TestDatabase.Schema schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + schema.url(),
                "--spring.datasource.username=" + schema.user(),
                "--spring.datasource.password=" + schema.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--registry.security.demo-users=on"));
        arguments.addAll(List.of(more));
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(schema.url());
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Test
    void theQuerySideProcessTailsTheEventStoreTheCommandSideProcessWrites() {
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try (ConfigurableApplicationContext commandSide = start(new SpringApplicationBuilder(CommandSideApplication.class), schema,
                     "--spring.application.name=command-side");
             ConfigurableApplicationContext querySide = start(new SpringApplicationBuilder(QuerySideApplication.class), schema,
                     "--spring.application.name=query-side")) {
            Api commands = Api.at(port(commandSide)).as("clerk");
            Api queries = Api.at(port(querySide)).as("clerk");

            Api.Response created = commands.post("/api/households", Map.of("communityCode", "330106001001",
                    "address", "1 Split Road", "kind", "REGISTERED", "date", "2026-01-01")).expect(201);
            String id = created.field("householdId");

            Api.Response read = queries.header("X-Min-Event-Position", Long.toString(created.eventPosition()))
                                       .get("/api/households/" + id).expect(200);
            assertThat(read.field("address")).isEqualTo("1 Split Road");

            // Each process serves its own half of the API only.
            assertThat(commands.get("/api/households/" + id).status()).isIn(404, 405);
            assertThat(queries.post("/api/households", Map.of()).status()).isIn(404, 405);
        } finally {
            schema.drop();
        }
    }
}
