package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.TcpProxy;
import org.registry.platform.test.TestDatabase;
import org.registry.platform.test.TestSchemaInitializer;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database goes away under a running service and comes back: requests meanwhile answer within a few seconds
 * with {@code 503 DATABASE_UNAVAILABLE} problem+json and {@code Retry-After}, health says the database is down, and
 * once it is back the service records and projects again without a restart. The service reaches PostgreSQL through a
 * {@link TcpProxy} the test cuts and restores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DatabaseOutageTest.ThroughProxy.class)
// A context of its own, closed when done: its processors need not poll through the proxy for the rest of the run.
@DirtiesContext
class DatabaseOutageTest {

    /** What a request may take while the database is gone: the connection timeout (3 s) and some slack. */
    private static final Duration PROMPTLY = Duration.ofSeconds(6);
    private static TcpProxy proxy;

    @LocalServerPort
    int port;

    /** The test's own schema, reached through the proxy. */
    static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new TestSchemaInitializer().initialize(context);
            String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
            Matcher address = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/").matcher(url);
            if (!address.find()) {
                return; // on H2 the test is skipped, see beforeAll
            }
            proxy = TcpProxy.to(address.group(1), Integer.parseInt(address.group(2)));
            // Closed after every bean that uses the database through it (it is registered before them).
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("databaseProxy",
                    proxy::close);
            TestPropertyValues.of("spring.datasource.url="
                    + address.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/")).applyTo(context);
        }
    }

    /** A filter that reads the database, or fails, when a request asks it to: errors no controller advice sees. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FilterOfItsOwn {

        static final String HEADER = "X-Test-Filter";

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> filterOfItsOwn(JdbcTemplate jdbc) {
            return new FilterRegistrationBean<>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws ServletException, IOException {
                    if ("database".equals(request.getHeader(HEADER))) {
                        jdbc.queryForObject("SELECT 1", Integer.class);
                    }
                    if ("fails".equals(request.getHeader(HEADER))) {
                        throw new IllegalStateException("a filter failed");
                    }
                    chain.doFilter(request, response);
                }
            });
        }
    }

    @BeforeAll
    static void onPostgresOnly() {
        assumeTrue(TestDatabase.isPostgres(), "the database is cut through a TCP proxy to PostgreSQL");
    }

    @Test
    void requestsAnswer503PromptlyWhileTheDatabaseIsGoneAndTheServiceRecoversWhenItIsBack() {
        Api clerk = Api.at(port).as("clerk");
        Register register = new Register(Api.at(port));
        String home = register.household("330106001001", "1 Outage Road", "2020-01-01");
        String person = register.register(Register.person(home, "Duan Lu", "FEMALE", "1990-01-01", "HEAD",
                "2020-01-01"));
        register.read("clerk", "/api/households/" + home);
        assertThat(clerk.header(FilterOfItsOwn.HEADER, "database").get("/api/households/" + home).status())
                .isEqualTo(200);
        Api.Response failed = clerk.header(FilterOfItsOwn.HEADER, "fails").get("/api/households/" + home);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.field("code")).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.field("instance")).isEqualTo("/api/households/" + home);
        assertThat(failed.header("X-Request-Id")).isPresent();
        Api.Response rejected = clerk.get("/api//households/" + home);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.field("code")).isNotBlank();

        proxy.cut();
        try {
            List<Supplier<Api.Response>> requests = List.of(
                    () -> clerk.post("/api/households", Map.of("communityCode", "330106001001",
                            "address", "2 Outage Road", "kind", "REGISTERED")),
                    () -> clerk.post("/api/persons/" + person + "/check-ups", Map.of("type", "REPRODUCTIVE_HEALTH",
                            "date", "2026-01-05", "facility", "Station", "result", "NORMAL")),
                    () -> clerk.get("/api/households/" + home),
                    () -> clerk.get("/api/persons?areaCode=330106"),
                    () -> clerk.header("X-Min-Event-Position", "1").get("/api/persons/" + person),
                    () -> Api.at(port).as("analyst").get("/api/dashboards/indicators?areaCode=330106"
                            + "&from=2026-01-01&to=2026-01-31"),
                    () -> Api.at(port).as("auditor").get("/api/audit/persons/" + person),
                    () -> Api.at(port).as("auditor").get("/api/events?limit=10"),
                    () -> Api.at(port).as("analyst").get("/api/admin/projections"),
                    () -> clerk.header(FilterOfItsOwn.HEADER, "database").get("/api/households/" + home));
            List<String> answers = new ArrayList<>();
            for (Supplier<Api.Response> request : requests) {
                long start = System.nanoTime();
                Api.Response response = request.get();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                answers.add(took.toMillis() + " ms " + response.status() + " " + response.header("Retry-After")
                        .orElse("-") + " " + response.text());
                assertThat(took).as("%s", answers).isLessThan(PROMPTLY);
                assertThat(response.status()).as("%s", answers).isEqualTo(503);
                assertThat(response.contentType()).as("%s", answers).startsWith("application/problem+json");
                assertThat(response.field("code")).as("%s", answers).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(response.header("Retry-After")).as("%s", answers).isPresent();
            }

            long start = System.nanoTime();
            Api.Response health = Api.at(port).get("/actuator/health");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
            assertThat(health.status()).isEqualTo(503);
            JsonNode db = health.json().path("components").path("db");
            assertThat(db.path("status").asText()).as("%s", health.text()).isEqualTo("DOWN");
        } finally {
            proxy.restore();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Api.at(port).get("/actuator/health").json().path("components").path("db").path("status")
                              .asText()).isEqualTo("UP"));
        Api.Response recorded = await().atMost(Duration.ofSeconds(30)).until(() ->
                clerk.post("/api/households", Map.of("communityCode", "330106001001", "address", "3 Outage Road",
                        "kind", "REGISTERED")), response -> response.status() == 201);
        // The projections move on: the new household is read back, waiting for the position of its event.
        JsonNode household = await().atMost(Duration.ofSeconds(90)).until(() -> clerk
                        .header("X-Min-Event-Position", Long.toString(recorded.eventPosition()))
                        .get("/api/households/" + recorded.field("householdId")),
                response -> response.status() == 200).json();
        assertThat(household.get("address").asText()).isEqualTo("3 Outage Road");
    }
}
