package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.Register.nationalId;
import static org.registry.app.ServicesApiTest.claimOf;

/**
 * The clock of a public notice is kept in the database (db-scheduler), not in memory: a service stopped during a
 * notice and started again grants the claim when the notice ends.
 */
class PublicNoticeRestartTest {

    private static ConfigurableApplicationContext start(TestDatabase.Schema schema) {
        return new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + schema.url(),
                "--spring.datasource.username=" + schema.user(),
                "--spring.datasource.password=" + schema.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--registry.security.demo-users=on",
                "--registry.benefits.public-notice-period=PT6S");
    }

    private static Api api(ConfigurableApplicationContext context, String user) {
        return Api.at(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class)).as(user);
    }

    @Test
    void aNoticeRunningWhenTheServiceStopsEndsAfterItStartsAgain() {
        TestDatabase.Schema schema = TestDatabase.newSchema();
        try {
            String mother;
            String claim;
            try (ConfigurableApplicationContext before = start(schema)) {
                Api clerk = api(before, "clerk");
                String home = clerk.post("/api/households", Map.of("communityCode", "330106001001",
                        "address", "1 Restart Road", "kind", "REGISTERED", "date", "2000-01-01")).expect(201)
                        .field("householdId");
                mother = clerk.post("/api/persons", Map.of("nationalId", nationalId("1990-01-01", "FEMALE"),
                        "name", "Sun Mei", "sex", "FEMALE", "birthDate", "1990-01-01", "householdId", home,
                        "relationToHead", "HEAD", "residency", "PERMANENT")).expect(201).field("personId");
                clerk.post("/api/births", Map.of("motherId", mother, "name", "Sun Xiao", "sex", "MALE",
                        "birthDate", LocalDate.now().minusYears(3).toString(), "householdId", home)).expect(201);
                claim = clerk.post("/api/persons/" + mother + "/benefit-claims",
                        Map.of("programme", "ONLY_CHILD_PARENT_AWARD")).expect(201).field("claimId");
                String decisions = "/api/persons/" + mother + "/benefit-claims/" + claim + "/decisions";
                api(before, "clerk").post(decisions, Map.of("stage", "VILLAGE_ASSESSMENT", "outcome", "APPROVE"))
                                    .expect(200);
                api(before, "clerk2").post(decisions, Map.of("stage", "TOWNSHIP_REVIEW", "outcome", "APPROVE"))
                                     .expect(200);
                api(before, "clerk3").post(decisions, Map.of("stage", "COUNTY_APPROVAL", "outcome", "APPROVE"))
                                     .expect(200);
            }

            JdbcTemplate database = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    schema.url(), schema.user(), schema.password()));
            assertThat(database.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?",
                    Integer.class, "AxonDeadline")).isEqualTo(1);

            try (ConfigurableApplicationContext after = start(schema)) {
                Api clerk = api(after, "clerk");
                String person = mother;
                String granted = claim;
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode read = clerk.get("/api/persons/" + person).expect(200).json();
                    assertThat(claimOf(read, granted).get("status").asText()).isEqualTo("GRANTED");
                });
            }
        } finally {
            schema.drop();
        }
    }
}
