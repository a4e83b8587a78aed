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
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast generated ledgers import, on the test PostgreSQL, through {@code POST /api/imports}, one file after the
 * other as an office brings them in: persons in households of three (head, spouse, child) in 30 communities of a
 * county of its own, as a GBK CSV file; floating residents (one for every ten persons, each a household of their
 * own); births (a child to every second spouse, a second, older child to every sixth); and benefit recipients (the
 * only-child parents' award, for each mother the claims' policy makes eligible: exactly one child, living, under 14).
 * Against raw JDBC inserts into the same database in the same run (one a transaction, and 100-row batches); then how
 * long until every projection is at the head of the store, and the person index and the dashboard show what the files
 * imply (the figures counted from the generated rows). Not part of {@code verify} (its name ends in Benchmark):
 *
 * <pre>./mvnw -q -pl app -am verify -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dregistry.import.benchmark.persons=3000</pre>
 */
@RegistryTest
class ImportBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ImportBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path directory;

    /** The files of one run and what they imply. */
    private static final class County {
        final String code = Registry.freshCounty();
        final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        final List<String> persons = new ArrayList<>();
        final List<String> floating = new ArrayList<>();
        final List<String> births = new ArrayList<>();
        final List<String> recipients = new ArrayList<>();
        int households;
        int birthsThisYear;
        int boysThisYear;

        String community(int household) {
            return code + String.format("%03d%03d", 1 + household % 3, 1 + household / 3 % 10);
        }

        County(int size) {
            for (int household = 0; household < size / 3; household++) {
                households++;
                String community = community(household);
                String number = Integer.toString(household);
                LocalDate parents = LocalDate.of(1960, 1, 1).plusDays(household % 9000);
                String address = "文三路" + household + "号";
                String father = Registry.nationalId(parents, "MALE");
                String mother = Registry.nationalId(parents, "FEMALE");
                persons.add(String.join(",", number, community, address, "户籍户", father, "张" + household, "男",
                        parents.toString(), "已婚", "户主"));
                persons.add(String.join(",", number, community, address, "户籍户", mother, "李" + household, "女",
                        parents.toString(), "已婚", "配偶"));
                LocalDate child = parents.plusYears(25);
                persons.add(String.join(",", number, community, address, "户籍户", Registry.nationalId(child, "MALE"),
                        "张小" + household, "男", child.toString(), "未婚", "子女"));
                if (household % 2 == 0) {
                    LocalDate born = today.minusDays(household % 4000);
                    if (household % 6 == 0) {
                        birth(mother, father, household, born.minusYears(3));
                    } else {
                        recipients.add(String.join(",", mother, "独生子女父母奖励", born.toString(),
                                "县卫健发〔2019〕1号", "原台账"));
                    }
                    birth(mother, father, household, born);
                }
            }
            for (int i = 0; i < size / 10; i++) {
                LocalDate born = LocalDate.of(1990, 1, 1).plusDays(i % 3000);
                String sex = i % 2 == 0 ? "MALE" : "FEMALE";
                floating.add(String.join(",", "F" + i, community(i), "工业路" + i + "号",
                        Registry.nationalId(born, sex), "周" + i, i % 2 == 0 ? "男" : "女", born.toString(), "户主",
                        "安徽省合肥市", "2024-03-01", "务工", "LD-" + i, today.plusYears(1).toString()));
            }
        }

        private void birth(String mother, String father, int household, LocalDate born) {
            boolean boy = household % 4 == 0;
            births.add(String.join(",", mother, "张宝" + household, boy ? "男" : "女", born.toString(),
                    Registry.nationalId(born, boy ? "MALE" : "FEMALE"), father));
            if (born.getYear() == today.getYear()) {
                birthsThisYear++;
                boysThisYear += boy ? 1 : 0;
            }
        }

        int rows() {
            return persons.size() + floating.size() + births.size() + recipients.size();
        }
    }

    @Test
    void generatedLedgersImportAndEveryReadShowsWhatTheyImply() throws Exception {
        County county = new County(Integer.getInteger("registry.import.benchmark.persons", 3000) / 3 * 3);
        Path persons = write("county.csv", "户号,社区代码,住址,户别,公民身份号码,姓名,性别,出生日期,婚姻状况,与户主关系",
                county.persons);
        Path floating = write("floating.csv", ImportFloatingApiTest.FLOATING, county.floating);
        Path births = write("births.csv", ImportBirthsApiTest.BIRTHS, county.births);
        Path recipients = write("recipients.csv", ImportRecipientsApiTest.RECIPIENTS, county.recipients);

        double single = RawInserts.singleRow(dataSource, 2_000);
        double batched = RawInserts.batched(dataSource, 20_000);

        Instant start = Instant.now();
        Duration personsTook = importFile(persons, "persons", county.persons.size());
        Duration floatingTook = importFile(floating, "floating", county.floating.size());
        Duration birthsTook = importFile(births, "births", county.births.size());
        Duration recipientsTook = importFile(recipients, "recipients", county.recipients.size());
        Duration imported = Duration.between(start, Instant.now());

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
        int population = county.persons.size() + county.floating.size() + county.births.size();
        Api clerk = Api.at(port).as("clerk");
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> clerk
                .get("/api/persons?areaCode=" + county.code + "&size=1").expect(200).json().path("total").asInt()
                == population);
        Duration visible = Duration.between(start, Instant.now());
        JsonNode dashboard = clerk.get("/api/dashboards/indicators?areaCode=" + county.code + "&from="
                + county.today.withDayOfYear(1) + "&to=" + county.today).expect(200).json();
        assertThat(dashboard.at("/population/end").asInt()).isEqualTo(population);
        assertThat(dashboard.at("/households").asInt()).isEqualTo(county.households + county.floating.size());
        assertThat(dashboard.at("/floating/floatingInAtEnd").asInt()).isEqualTo(county.floating.size());
        assertThat(dashboard.at("/births/total").asInt()).isEqualTo(county.birthsThisYear);
        assertThat(dashboard.at("/births/male").asInt()).isEqualTo(county.boysThisYear);
        assertThat(dashboard.at("/benefits/recipients").asInt()).isEqualTo(county.recipients.size());
        assertThat(dashboard.at("/benefits/byProgramme/ONLY_CHILD_PARENT_AWARD/recipients").asInt())
                .isEqualTo(county.recipients.size());

        // measured again after: the machine's load moves the baseline as much as the import
        double singleAfter = RawInserts.singleRow(dataSource, 2_000);
        double batchedAfter = RawInserts.batched(dataSource, 20_000);
        double rate = county.rows() / (imported.toMillis() / 1000.0);
        log.info(String.format(Locale.ROOT, """
                        IMPORT BENCHMARK: %,d rows imported in %.1f s: %,.0f rows/s
                          persons %,d in %,d households: %.1f s (%,.0f rows/s); floating residents %,d: %.1f s \
                        (%,.0f rows/s); births %,d: %.1f s (%,.0f rows/s); recipients %,d: %.1f s (%,.0f rows/s)
                          raw PostgreSQL, one connection, before and after: %,.0f and %,.0f single-row insert \
                        transactions/s (import %.3fx and %.3fx), %,.0f and %,.0f rows/s in 100-row batches \
                        (import %.4fx and %.4fx)
                          every projection at the head (position %d) %.1f s after the imports began; person index \
                        and dashboard show every person after %.1f s
                          a million rows at this pace: %.0f min""", county.rows(), imported.toMillis() / 1000.0, rate,
                county.persons.size(), county.households, seconds(personsTook),
                county.persons.size() / seconds(personsTook), county.floating.size(), seconds(floatingTook),
                county.floating.size() / seconds(floatingTook), county.births.size(), seconds(birthsTook),
                county.births.size() / seconds(birthsTook), county.recipients.size(), seconds(recipientsTook),
                county.recipients.size() / seconds(recipientsTook), single, singleAfter, rate / single,
                rate / singleAfter, batched, batchedAfter, rate / batched, rate / batchedAfter, stored,
                seconds(projected), seconds(visible), 1_000_000 / rate / 60));
    }

    private Path write(String name, String header, List<String> rows) throws IOException {
        Path file = directory.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, GBK)) {
            out.write(header + "\r\n");
            for (String row : rows) {
                out.write(row + "\r\n");
            }
        }
        return file;
    }

    /** Sends a file to {@code POST /api/imports}: every row registered, else the test fails with the report. */
    private Duration importFile(Path file, String kind, int rows) throws IOException, InterruptedException {
        Instant start = Instant.now();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/imports?kind=" + kind + "&fileName="
                                + file.getFileName()))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .timeout(Duration.ofHours(2)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.between(start, Instant.now());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("counts").path("registered").asInt()).as(answer.body()).isEqualTo(rows);
        return took;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
