package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registry.app.benchmark.RawInserts;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast a generated ledger imports, on the test PostgreSQL: households of three (head, spouse, child) in 30
 * communities of a county of its own, as a GBK CSV file, through {@code POST /api/imports}; against raw JDBC inserts
 * into the same database in the same run (one a transaction, and 100-row batches); then how long until every
 * projection is at the head of the store, and the person index and the dashboard show every person. Not part of
 * {@code verify} (its name ends in Benchmark):
 *
 * <pre>./mvnw -q -pl app -am verify -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dregistry.import.benchmark.persons=3000</pre>
 */
@RegistryTest
class ImportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ImportBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path directory;

    @Test
    void aGeneratedLedgerImportsAndEveryReadShowsIt() throws Exception {
        int persons = Integer.getInteger("registry.import.benchmark.persons", 3000) / 3 * 3;
        String county = Registry.freshCounty();
        Path file = directory.resolve("county.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("GBK"))) {
            out.write("户号,社区代码,住址,户别,公民身份号码,姓名,性别,出生日期,婚姻状况,与户主关系\r\n");
            for (int household = 0; household < persons / 3; household++) {
                String community = county + String.format("%03d%03d", 1 + household % 3, 1 + household / 3 % 10);
                String number = Integer.toString(household);
                LocalDate parents = LocalDate.of(1960, 1, 1).plusDays(household % 9000);
                LocalDate child = parents.plusYears(25);
                String address = "文三路" + household + "号";
                out.write(String.join(",", number, community, address, "户籍户", Registry.nationalId(parents, "MALE"),
                        "张" + household, "男", parents.toString(), "已婚", "户主") + "\r\n");
                out.write(String.join(",", number, community, address, "户籍户",
                        Registry.nationalId(parents, "FEMALE"), "李" + household, "女", parents.toString(), "已婚",
                        "配偶") + "\r\n");
                out.write(String.join(",", number, community, address, "户籍户", Registry.nationalId(child, "MALE"),
                        "张小" + household, "男", child.toString(), "未婚", "子女") + "\r\n");
            }
        }

        double single = RawInserts.singleRow(dataSource, 2_000);
        double batched = RawInserts.batched(dataSource, 20_000);

        Instant start = Instant.now();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/imports?fileName=county.csv"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .timeout(Duration.ofHours(2)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration imported = Duration.between(start, Instant.now());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("counts").path("registered").asInt()).as(answer.body()).isEqualTo(persons);

        Api admin = Api.at(port).as("admin");
        long head = 0;
        for (JsonNode projection : admin.get("/api/admin/projections").expect(200).json()) {
            head = Math.max(head, projection.path("head").asLong());
        }
        long stored = head;
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode projection : admin.get("/api/admin/projections").expect(200).json()) {
                if (projection.path("position").asLong() < stored) {
                    return false;
                }
            }
            return true;
        });
        Duration projected = Duration.between(start, Instant.now());
        Api clerk = Api.at(port).as("clerk");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> clerk
                .get("/api/persons?areaCode=" + county + "&size=1").expect(200).json().path("total").asInt() == persons);
        Duration visible = Duration.between(start, Instant.now());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode dashboard = clerk.get("/api/dashboards/indicators?areaCode=" + county + "&from=" + today.withDayOfYear(1)
                + "&to=" + today).expect(200).json();
        assertThat(dashboard.at("/population/end").asInt()).isEqualTo(persons);
        assertThat(dashboard.at("/households").asInt()).isEqualTo(persons / 3);

        // measured again after: the machine's load moves the baseline as much as the import
        double singleAfter = RawInserts.singleRow(dataSource, 2_000);
        double batchedAfter = RawInserts.batched(dataSource, 20_000);
        double rate = persons / (imported.toMillis() / 1000.0);
        log.info(String.format(Locale.ROOT, """
                        IMPORT BENCHMARK: %,d persons in %,d households imported in %.1f s: %,.0f rows/s
                          raw PostgreSQL, one connection, before and after: %,.0f and %,.0f single-row insert \
                        transactions/s (import %.3fx and %.3fx), %,.0f and %,.0f rows/s in 100-row batches \
                        (import %.4fx and %.4fx)
                          every projection at the head (position %d) %.1f s after the import began; person index \
                        and dashboard show every person after %.1f s
                          a million persons at this pace: %.0f min""", persons, persons / 3,
                imported.toMillis() / 1000.0, rate, single, singleAfter, rate / single, rate / singleAfter, batched,
                batchedAfter, rate / batched, rate / batchedAfter, stored,
                projected.toMillis() / 1000.0, visible.toMillis() / 1000.0, 1_000_000 / rate / 60));
    }
}
