package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.command.CommandSideApplication;
import org.registry.platform.test.Api;
import org.registry.platform.test.TestDatabase;
import org.registry.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    /**
     * Two command-side processes, each with its own in-memory locks, pay the same claims at the same moment: only
     * the database stands between them and a double payment.
     */
    @Test
    void paymentRunsRacingInTwoCommandSideProcessesPayEachClaimOnce() throws Exception {
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try (ConfigurableApplicationContext one = start(new SpringApplicationBuilder(CommandSideApplication.class),
                     schema, "--registry.benefits.public-notice-period=PT1S");
             ConfigurableApplicationContext two = start(new SpringApplicationBuilder(CommandSideApplication.class),
                     schema, "--registry.benefits.public-notice-period=PT1S")) {
            Api clerk = Api.at(port(one)).as("clerk");
            String home = clerk.post("/api/households", Map.of("communityCode", "330106005001", "address", "1 Race Road",
                    "kind", "REGISTERED", "date", "2000-01-01")).expect(201).field("householdId");
            List<String> mothers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String mother = clerk.post("/api/persons", Map.of("nationalId", Register.nationalId("1990-01-01",
                        "FEMALE"), "name", "Mother " + i, "sex", "FEMALE", "birthDate", "1990-01-01",
                        "householdId", home, "relationToHead", i == 0 ? "HEAD" : "OTHER", "residency", "PERMANENT"))
                        .expect(201).field("personId");
                clerk.post("/api/births", Map.of("motherId", mother, "name", "Child " + i, "sex", "MALE",
                        "birthDate", "2022-02-02", "householdId", home)).expect(201);
                String claim = clerk.post("/api/persons/" + mother + "/benefit-claims",
                        Map.of("programme", "ONLY_CHILD_PARENT_AWARD")).expect(201).field("claimId");
                String decisions = "/api/persons/" + mother + "/benefit-claims/" + claim + "/decisions";
                Api.at(port(one)).as("clerk").post(decisions, Map.of("stage", "VILLAGE_ASSESSMENT", "outcome",
                        "APPROVE")).expect(200);
                Api.at(port(two)).as("clerk2").post(decisions, Map.of("stage", "TOWNSHIP_REVIEW", "outcome",
                        "APPROVE")).expect(200);
                Api.at(port(one)).as("clerk3").post(decisions, Map.of("stage", "COUNTY_APPROVAL", "outcome",
                        "APPROVE")).expect(200);
                mothers.add(mother);
            }
            JdbcTemplate database = one.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> database.queryForObject(
                    "SELECT COUNT(*) FROM claim_directory WHERE granted_on IS NOT NULL", Integer.class) == 4);

            Map<String, Object> run = Map.of("programme", "ONLY_CHILD_PARENT_AWARD",
                    "period", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString(), "areaCode", "330106005001");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<JsonNode>> runs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int process = i % 2 == 0 ? port(one) : port(two);
                    runs.add(() -> Api.at(process).as("clerk").post("/api/benefit-payment-runs", run).expect(200).json());
                }
                int paid = 0;
                for (Future<JsonNode> answer : pool.invokeAll(runs)) {
                    paid += answer.get().get("paid").asInt();
                }
                assertThat(paid).isEqualTo(4);
            } finally {
                pool.shutdownNow();
            }
            for (String mother : mothers) {
                assertThat(database.queryForObject("""
                        SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?""",
                        Integer.class, mother, "org.registry.kernel.person.BenefitPaid")).isEqualTo(1);
            }
        } finally {
            schema.drop();
        }
    }
}
