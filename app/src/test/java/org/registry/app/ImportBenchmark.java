package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast a generated ledger imports, on the test PostgreSQL: households of three (head, spouse, child) in 30
 * communities of a county of its own, as a GBK CSV file, through {@code POST /api/imports}; then how long until the
 * person index and the dashboard show every person. Not part of {@code verify} (its name ends in Benchmark):
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

        Api clerk = Api.at(port).as("clerk");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> clerk
                .get("/api/persons?areaCode=" + county + "&size=1").expect(200).json().path("total").asInt() == persons);
        Duration visible = Duration.between(start, Instant.now());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode dashboard = clerk.get("/api/dashboards/indicators?areaCode=" + county + "&from=" + today.withDayOfYear(1)
                + "&to=" + today).expect(200).json();
        assertThat(dashboard.at("/population/end").asInt()).isEqualTo(persons);
        assertThat(dashboard.at("/households").asInt()).isEqualTo(persons / 3);

        log.info("IMPORT BENCHMARK: {} persons in {} households imported in {} s ({} rows/s); every person in the "
                        + "person index and the dashboard after {} s", persons, persons / 3,
                imported.toMillis() / 1000.0, Math.round(persons / (imported.toMillis() / 1000.0)),
                visible.toMillis() / 1000.0);
    }
}
