package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;

/**
 * A projection whose handler keeps failing on an event is loud: the health component, the projection operations
 * API, the gauges and every read from it say so, and a read that waits for the event is refused at once; once the
 * cause is gone, it catches up and all is well again. The household register is made to fail on a marked address.
 */
@RegistryTest
@DirtiesContext
@AutoConfigureObservability
@Import(StalledProjectionTest.Breakage.class)
@TestPropertySource(properties = {"registry.projections.health.failing-for=1s",
        "registry.projections.health.sample-interval=100ms", "registry.read-your-writes.max-wait=10s"})
class StalledProjectionTest {

    private static final String PROJECTION = "household-register";
    private static final String MARK = "STALL";
    private static final String REFUSED = "REFUSED";

    @LocalServerPort
    int port;
    @Autowired
    AtomicBoolean failing;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Api admin;
    private Api clerk;
    private String county;

    /** Each test starts from a healthy registry, in a county of its own. */
    @BeforeEach
    void healthy() {
        api = Api.at(port);
        admin = api.as("admin");
        clerk = api.as("clerk");
        county = Registry.freshCounty();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 200);
    }

    @Test
    void aProjectionWhoseBatchesKeepFailingIsStalledEverywhereUntilItRecovers() {

        Api.Response healthy = clerk.post("/api/households", Map.of("communityCode", county + "001001",
                "address", "1 Healthy Road", "kind", "REGISTERED")).expect(201);
        Api.Response read = clerk.header("X-Min-Event-Position", Long.toString(healthy.eventPosition()))
                                 .get("/api/households/" + healthy.field("householdId")).expect(200);
        assertThat(Long.parseLong(read.header("X-Projection-Position").orElseThrow()))
                .isGreaterThanOrEqualTo(healthy.eventPosition());
        assertThat(read.header("X-Projection-Stalled")).isEmpty();

        failing.set(true);
        Api.Response marked = clerk.post("/api/households", Map.of("communityCode", county + "001001",
                "address", "2 " + MARK + " Road", "kind", "REGISTERED")).expect(201);
        String household = marked.field("householdId");
        long position = marked.eventPosition();

        // health: not UP (503), naming the projection; details (the error, since when) for administrators only
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 503);
        JsonNode health = admin.get("/actuator/health").expect(503).json();
        assertThat(health.get("status").asText()).isEqualTo("STALLED");
        JsonNode stalled = health.at("/components/projections/components/" + PROJECTION);
        assertThat(stalled.get("status").asText()).isEqualTo("STALLED");
        assertThat(stalled.at("/details/reason").asText()).contains("failing");
        assertThat(stalled.at("/details/since").asText()).isNotBlank();
        assertThat(stalled.at("/details/lastError/message").asText()).contains("simulated failure");
        assertThat(health.at("/components/projections/components/person-index/status").asText()).isEqualTo("UP");
        JsonNode anonymous = api.get("/actuator/health").expect(503).json();
        assertThat(anonymous.at("/components/projections/components/" + PROJECTION + "/status").asText())
                .isEqualTo("STALLED");
        assertThat(anonymous.at("/components/projections/components/" + PROJECTION + "/details").isMissingNode())
                .isTrue();
        assertThat(api.get("/actuator/health/liveness").expect(200).field("status")).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").expect(200).field("status")).isEqualTo("UP");

        // the projection operations API: its state, its error, since when, the attempts that failed
        JsonNode status = admin.get("/api/admin/projections/" + PROJECTION).expect(200).json();
        assertThat(status.get("state").asText()).isEqualTo("STALLED");
        assertThat(status.get("lag").asLong()).isPositive();
        assertThat(status.at("/stall/reason").asText()).contains("failing");
        assertThat(status.at("/lastError/message").asText()).contains("simulated failure");
        assertThat(status.at("/lastError/type").asText()).isEqualTo("IllegalStateException");
        assertThat(status.at("/lastError/since").asText()).isNotBlank();
        assertThat(status.at("/lastError/recoveredAt").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/admin/projections/" + PROJECTION)
                .json().at("/lastError/retries").asInt() >= 2);
        JsonNode forAnalyst = api.as("analyst").get("/api/admin/projections/" + PROJECTION).expect(200).json();
        assertThat(forAnalyst.at("/lastError/type").asText()).isEqualTo("IllegalStateException");
        assertThat(forAnalyst.at("/lastError/message").isNull()).as("%s", forAnalyst).isTrue();
        assertThat(admin.get("/api/admin/projections/person-index").json().get("state").asText())
                .isEqualTo("RUNNING");

        // the gauges
        String metrics = api.get("/actuator/prometheus").expect(200).text();
        assertThat(metric(metrics, "registry_projection_stalled", PROJECTION)).isEqualTo(1);
        assertThat(metric(metrics, "registry_projection_failing", PROJECTION)).isEqualTo(1);
        assertThat(metric(metrics, "registry_projection_failures_total", PROJECTION)).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics, "registry_projection_lag_events", PROJECTION)).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "registry_projection_position", PROJECTION)).isLessThan(position);
        assertThat(metric(metrics, "registry_projection_stalled", "person-index")).isZero();

        // reads: a wait for the event is refused at once; any other read says what it reflects, and that it is stalled
        long asked = System.nanoTime();
        assertProblem(clerk.header("X-Min-Event-Position", Long.toString(position))
                           .get("/api/households/" + household).expect(503), "PROJECTION_STALLED");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));
        Api.Response incomplete = clerk.get("/api/households?areaCode=" + county).expect(200);
        assertThat(incomplete.header("X-Projection-Stalled")).hasValue(PROJECTION);
        assertThat(Long.parseLong(incomplete.header("X-Projection-Position").orElseThrow())).isLessThan(position);
        assertThat(incomplete.json().get("total").asInt()).isEqualTo(1);
        assertThat(clerk.get("/api/persons?areaCode=" + county).expect(200).header("X-Projection-Stalled")).isEmpty();

        // the cause gone, it catches up and all is well again
        failing.set(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 200);
        assertThat(clerk.header("X-Min-Event-Position", Long.toString(position)).get("/api/households/" + household)
                        .expect(200).field("address")).isEqualTo("2 " + MARK + " Road");
        JsonNode recovered = admin.get("/api/admin/projections/" + PROJECTION).expect(200).json();
        assertThat(recovered.get("state").asText()).isEqualTo("RUNNING");
        assertThat(recovered.get("stall").isNull()).isTrue();
        assertThat(recovered.at("/lastError/recoveredAt").asText()).isNotBlank();
        assertThat(metric(api.get("/actuator/prometheus").text(), "registry_projection_stalled", PROJECTION)).isZero();
        assertThat(clerk.get("/api/households?areaCode=" + county).expect(200).header("X-Projection-Stalled"))
                .isEmpty();
    }

    /**
     * A projection's inserts go to the database when its batch commits (api.ProjectionWrites): one the database
     * refuses there fails the batch as a handler's error does, and the projection is stalled until the cause is gone.
     */
    @Test
    void anInsertTheDatabaseRefusesAtTheCommitStallsTheProjectionUntilTheCauseIsGone() {
        jdbc.execute("ALTER TABLE household_register ADD CONSTRAINT no_refused_road CHECK (address NOT LIKE '%"
                + REFUSED + "%')");
        try {
            Api.Response refused = clerk.post("/api/households", Map.of("communityCode", county + "001001",
                    "address", "3 " + REFUSED + " Road", "kind", "REGISTERED")).expect(201);
            long position = refused.eventPosition();

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 503);
            JsonNode status = admin.get("/api/admin/projections/" + PROJECTION).expect(200).json();
            assertThat(status.get("state").asText()).isEqualTo("STALLED");
            assertThat(status.at("/lastError/message").asText()).containsIgnoringCase("no_refused_road");
            assertThat(status.get("position").asLong()).isLessThan(position);
            assertThat(admin.get("/api/admin/projections/person-index").json().get("state").asText())
                    .isEqualTo("RUNNING");
            assertThat(clerk.get("/api/households?areaCode=" + county).expect(200).json().get("total").asInt())
                    .isZero();
        } finally {
            jdbc.execute("ALTER TABLE household_register DROP CONSTRAINT no_refused_road");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/health").status() == 200);
        assertThat(clerk.get("/api/households?areaCode=" + county).expect(200).json().get("total").asInt())
                .isEqualTo(1);
        assertThat(admin.get("/api/admin/projections/" + PROJECTION).expect(200).json().get("state").asText())
                .isEqualTo("RUNNING");
    }

    /** The value of a per-projection series in the Prometheus text. */
    private static double metric(String metrics, String name, String projection) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*projection=\"" + Pattern.quote(projection)
                + "\"[^}]*} (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("%s of %s in %s", name, projection, metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /** Makes the household register's handler fail, while {@code failing} is set, on a household with the mark. */
    static class Breakage {

        @Bean
        AtomicBoolean failing() {
            return new AtomicBoolean();
        }

        @Bean
        ConfigurerModule householdRegisterBreakage(AtomicBoolean failing) {
            MessageHandlerInterceptor<EventMessage<?>> breakage = (unitOfWork, chain) -> {
                if (failing.get() && unitOfWork.getMessage().getPayload() instanceof HouseholdRegistered registered
                        && registered.address().contains(MARK)) {
                    throw new IllegalStateException("simulated failure of the household register");
                }
                return chain.proceed();
            };
            return configurer -> configurer.eventProcessing().registerHandlerInterceptor(PROJECTION,
                    config -> breakage);
        }
    }
}
