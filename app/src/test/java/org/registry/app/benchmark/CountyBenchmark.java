package org.registry.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.registry.app.RegistryApplication;
import org.registry.platform.test.Api;
import org.registry.platform.test.TestDatabase;
import org.registry.platform.test.TestSchemaInitializer;
import org.registry.query.operations.ProjectionRebuilds;
import org.registry.query.operations.Verification;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A county of a million residents, timed: not a test, run with
 *
 * <pre>./mvnw -B -pl app -am -Pcounty-benchmark test -DskipTests -Dcounty.residents=100000</pre>
 *
 * <p>It starts the registry (both sides, one process) on a schema of its own of the test PostgreSQL
 * ({@code REGISTRY_TEST_DATABASE_URL}, as the tests), stops its event processors, and generates a county
 * ({@link County}) straight into the event store through Axon's JDBC storage engine, in batches of
 * {@code county.batch} events a transaction. Then, in the same run, it measures and prints:
 * <ol>
 *     <li>the baseline: raw PostgreSQL inserts over JDBC, 100-row batches, a transaction each, into a table as wide
 *     as a projection's row, and again just before each replay (the load of a shared machine changes);</li>
 *     <li>the replay of each projection through the API ({@code POST /api/admin/projections/{name}/replay}): from
 *     the first event into a shadow and swapped in; events/s and the ratio to the baseline measured just before it
 *     (the live processors were stopped, so the replays are what builds the read model);</li>
 *     <li>the verification of each (as {@code POST .../verify}, by the bean: it answers when done): a second
 *     rebuild compared with the live one;</li>
 *     <li>the dashboard ({@code GET /api/dashboards/indicators}) for the county, a township and a community, live and
 *     as known at an instant, over {@code county.dashboard.runs} different periods each: p50, p95, p99.</li>
 * </ol>
 * Parameters (system properties): {@code county.residents} (default 20000), {@code county.years} (6),
 * {@code county.seed}, {@code county.batch} (1000), {@code county.projections} (a comma-separated subset to replay),
 * {@code county.verify} (true), {@code county.dashboard.runs} (200), {@code county.raw.rows} (50000, measured
 * again before each replay), {@code county.keep} (true: leave the schema for another look).
 */
public final class CountyBenchmark {

    private CountyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!TestDatabase.isPostgres()) {
            throw new IllegalStateException("the benchmark needs PostgreSQL (REGISTRY_TEST_DATABASE_URL)");
        }
        int residents = Integer.getInteger("county.residents", 20_000);
        int years = Integer.getInteger("county.years", 6);
        long seed = Long.getLong("county.seed", 11);
        int batch = Integer.getInteger("county.batch", 1000);
        int dashboardRuns = Integer.getInteger("county.dashboard.runs", 200);
        int rawRows = Integer.getInteger("county.raw.rows", 50_000);
        boolean verify = Boolean.parseBoolean(System.getProperty("county.verify", "true"));
        String only = System.getProperty("county.projections", "");

        ConfigurableApplicationContext context = new SpringApplicationBuilder(RegistryApplication.class)
                .initializers(new TestSchemaInitializer())
                .properties("server.port=0", "registry.projections.progress-log-interval=15s",
                        "registry.read-your-writes.max-wait=5s")
                .run(args);
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api admin = Api.at(port).as("admin");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            String schema = jdbc.queryForObject("SELECT current_schema()", String.class);
            System.out.printf(Locale.ROOT, "%nCounty benchmark: %,d residents, %d years, seed %d, schema %s, %d cores, "
                            + "max heap %d MiB, PostgreSQL %s%n", residents, years, seed, schema,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    jdbc.queryForObject("SHOW server_version", String.class));

            // The replays below build the read model: the live processors would only compete with them.
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            List<String> projections = new ArrayList<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    streaming.shutDown();
                    projections.add(name);
                }
            });
            Collections.sort(projections);
            if (!only.isBlank()) {
                projections.retainAll(List.of(only.split(",")));
            }

            EventStorageEngine engine = context.getBean(EventStorageEngine.class);
            County county = new County(residents, years, seed, batch, engine::appendEvents);
            long started = System.nanoTime();
            county.generate();
            double generated = seconds(started);
            System.out.printf(Locale.ROOT, "generated %,d events in %.1f s (%,.0f events/s through "
                            + "JdbcEventStorageEngine.appendEvents, %d a transaction): %,d persons, %,d households, "
                            + "%,d claims, %s to %s%n", county.events(), generated, county.events() / generated, batch,
                    county.persons(), county.households(), county.claims(), county.first(), county.last());
            System.out.println("  " + county.eventsByType());
            jdbc.execute("VACUUM ANALYZE domain_event_entry");

            // measured again just before each replay: on a shared machine the load changes from one minute to the next
            DataSource dataSource = context.getBean(DataSource.class);
            double raw = RawInserts.batched(dataSource, rawRows);
            System.out.printf(Locale.ROOT, "baseline: raw JDBC inserts, 100-row batches, a transaction each: "
                    + "%,.0f rows/s (%,d rows), again before each replay%n", raw, rawRows);

            Map<String, double[]> replays = new LinkedHashMap<>();
            for (String projection : projections) {
                replays.put(projection,
                        replay(admin, projection, county.events(), RawInserts.batched(dataSource, rawRows)));
            }
            if (verify) {
                // by the bean: a verification answers when done, later than an HTTP client waits
                ProjectionRebuilds rebuilds = context.getBean(ProjectionRebuilds.class);
                for (String projection : projections) {
                    verify(rebuilds, projection, county.events());
                }
            }
            if (!only.isBlank()) {
                System.out.println("\nthe live processors were stopped: the projections not replayed (county.projections)"
                        + " are empty, and the dashboard below counts nothing from them");
            }
            dashboards(admin, county, dashboardRuns, seed);

            System.out.printf(Locale.ROOT, "%nsummary: %,d residents, %,d events; baseline %,.0f rows/s%n", residents,
                    county.events(), raw);
            replays.forEach((name, figures) -> System.out.printf(Locale.ROOT,
                    "  replay %-20s %8.1f s %,10.0f events/s  %.2fx raw (%,.0f rows/s just before)%n", name,
                    figures[0], figures[1], figures[1] / figures[2], figures[2]));
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            throw e;
        } finally {
            if (Boolean.getBoolean("county.keep")) {
                System.out.println("kept the schema (county.keep): the context closes without dropping it");
                Runtime.getRuntime().halt(0);
            }
            context.close();
        }
    }

    /**
     * {seconds, events/s, raw rows/s} of a replay through the API, from its start to the swap as the service timed
     * them. Its status is asked for once a second: more often, the requests took CPU from the replay they timed.
     */
    private static double[] replay(Api admin, String projection, long events, double raw) throws InterruptedException {
        admin.post("/api/admin/projections/" + projection + "/replay", Map.of()).expect(202);
        JsonNode rebuild;
        do {
            Thread.sleep(1000);
            rebuild = admin.get("/api/admin/projections/" + projection).expect(200).json().get("rebuild");
        } while (List.of("BUILDING", "SWAPPING").contains(rebuild.get("state").asText()));
        if (!"DONE".equals(rebuild.get("state").asText())) {
            throw new IllegalStateException("the replay of " + projection + " failed: " + rebuild);
        }
        double seconds = Duration.between(Instant.parse(rebuild.get("startedAt").asText()),
                Instant.parse(rebuild.get("finishedAt").asText())).toNanos() / 1e9;
        double rate = events / seconds;
        System.out.printf(Locale.ROOT, "replay %-20s %8.1f s %,10.0f events/s  %.2fx raw (%,.0f rows/s just before; "
                        + "the API says %,.0f events/s)%n", projection, seconds, rate, rate / raw, raw,
                rebuild.get("eventsPerSecond").asDouble());
        return new double[] {seconds, rate, raw};
    }

    private static void verify(ProjectionRebuilds rebuilds, String projection, long events) {
        long started = System.nanoTime();
        Verification verified = rebuilds.verify(projection);
        double seconds = seconds(started);
        System.out.printf(Locale.ROOT, "verify %-20s %8.1f s %,10.0f events/s  %s (%,d rows)%n", projection, seconds,
                events / seconds, verified.identical() ? "identical" : "DIFFERS " + verified.differingTables(),
                verified.liveRows());
        if (!verified.identical()) {
            throw new IllegalStateException("the rebuild of " + projection + " differs from the live one");
        }
    }

    /** The dashboard over many different periods for each kind of area, live and as known at an instant. */
    private static void dashboards(Api reader, County county, int runs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int months = (int) (county.last().getYear() * 12L + county.last().getMonthValue()
                - county.first().getYear() * 12L - county.first().getMonthValue()) + 1;
        Instant firstInstant = county.first().plusMonths(1).atDay(1).atStartOfDay(County.ZONE).toInstant();
        Instant lastInstant = county.last().plusMonths(1).atDay(1).atStartOfDay(County.ZONE).toInstant();
        System.out.printf(Locale.ROOT, "%ndashboard (GET /api/dashboards/indicators over HTTP), %d different periods "
                + "of 1-12 months each, after 10 warm-up requests:%n", runs);
        for (boolean knownAt : new boolean[] {false, true}) {
            for (String level : List.of("county", "township", "community")) {
                Supplier<String> request = () -> {
                    int from = random.nextInt(months);
                    int length = 1 + random.nextInt(Math.min(12, months - from));
                    YearMonth start = county.first().plusMonths(from);
                    YearMonth end = start.plusMonths(length - 1);
                    String area = switch (level) {
                        case "county" -> County.COUNTY;
                        case "township" -> County.township(random.nextInt(County.TOWNSHIPS));
                        default -> County.community(random.nextInt(County.TOWNSHIPS
                                * County.COMMUNITIES_PER_TOWNSHIP));
                    };
                    String path = "/api/dashboards/indicators?areaCode=" + area + "&from=" + start.atDay(1) + "&to="
                            + end.atEndOfMonth();
                    if (knownAt) {
                        long span = lastInstant.getEpochSecond() - firstInstant.getEpochSecond();
                        path += "&knownAt=" + Instant.ofEpochSecond(firstInstant.getEpochSecond()
                                + random.nextLong(span));
                    }
                    return path;
                };
                for (int i = 0; i < 10; i++) {
                    reader.get(request.get()).expect(200);
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    String path = request.get();
                    long started = System.nanoTime();
                    reader.get(path).expect(200);
                    millis.add((System.nanoTime() - started) / 1e6);
                }
                Collections.sort(millis);
                System.out.printf(Locale.ROOT, "  %-9s %-8s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                        level, knownAt ? "knownAt" : "live", percentile(millis, 50), percentile(millis, 95),
                        percentile(millis, 99), millis.get(millis.size() - 1));
            }
        }
    }

    static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
