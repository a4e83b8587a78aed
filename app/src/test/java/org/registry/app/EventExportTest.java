package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registry.platform.test.Api;
import org.registry.query.export.EventExportCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.HouseholdApiTest.assertProblem;

/** The analysts' export of api.md: newline-delimited JSON, one stored event a line, over HTTP and to a file. */
class EventExportTest extends RegisterScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Environment environment;
    String person;

    @BeforeEach
    void setUp() {
        String home = register.household("330106001001", "1 Export Road", "2015-01-01");
        person = register.register(Register.person(home, "Han Mei", "FEMALE", "1990-09-09", "HEAD", "2015-01-01"));
    }

    static List<JsonNode> lines(String ndjson) {
        return ndjson.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }).toList();
    }

    private List<Long> storedPositions() {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
    }

    @Test
    void theExportOfTheTestDataHasExactlyOneLinePerStoredEventInPositionOrder() {
        // A gap younger than the gap timeout holds an export back until it is settled: wait for that, not longer.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Long> stored = storedPositions();
            Api.Response export = api.as("analyst").get("/api/events?limit=100000").expect(200);
            assertThat(export.contentType()).startsWith("application/x-ndjson");
            assertThat(lines(export.text())).extracting(line -> line.get("position").asLong())
                                            .containsExactlyElementsOf(stored);
        });
        List<JsonNode> lines = lines(api.as("analyst").get("/api/events?limit=100000").expect(200).text());
        JsonNode registered = lines.stream()
                .filter(line -> line.get("aggregateId").asText().equals(person))
                .findFirst().orElseThrow();
        assertThat(registered.get("type").asText()).isEqualTo("PersonRegistered");
        assertThat(registered.get("revision").asText()).isEqualTo("1");
        assertThat(registered.get("aggregateType").asText()).isEqualTo("Person");
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("recordedAt").asText()).isNotBlank();
        assertThat(registered.get("metaData").get("actor").asText()).isEqualTo("clerk");
        assertThat(registered.get("metaData").get("role").asText()).isEqualTo("CLERK");
        assertThat(registered.get("payload").get("personId").asText()).isEqualTo(person);
        assertThat(registered.get("payload").get("name").asText()).isEqualTo("***");
        assertThat(registered.get("payload").get("nationalId").asText()).isEqualTo("***");
        assertThat(lines).filteredOn(line -> line.get("type").asText().equals("HouseholdRegistered"))
                         .allMatch(line -> line.get("revision").asText().equals("2"))
                         .allMatch(line -> line.get("payload").has("postalCode"));
    }

    @Test
    void anExportResumesAfterTheLastPositionItWrote() {
        Api analyst = api.as("analyst");
        List<JsonNode> first = lines(analyst.get("/api/events?limit=3").expect(200).text());
        long last = first.get(first.size() - 1).get("position").asLong();
        List<JsonNode> next = lines(analyst.get("/api/events?limit=3&after=" + last).expect(200).text());
        List<JsonNode> both = lines(analyst.get("/api/events?limit=6").expect(200).text());

        assertThat(first).hasSize(3);
        assertThat(next).hasSize(3);
        assertThat(next.get(0).get("position").asLong()).isGreaterThan(last);
        assertThat(both).extracting(line -> line.get("position").asLong())
                        .containsExactly(first.get(0).get("position").asLong(), first.get(1).get("position").asLong(),
                                last, next.get(0).get("position").asLong(), next.get(1).get("position").asLong(),
                                next.get(2).get("position").asLong());
        assertThat(analyst.get("/api/events?after=" + Long.MAX_VALUE / 2).expect(200).text()).isEmpty();
    }

    @Test
    void typesSelectTheEventsExported() {
        List<JsonNode> lines = lines(api.as("analyst")
                .get("/api/events?limit=100000&types=PersonRegistered,MemberJoinedHousehold").expect(200).text());

        assertThat(lines).isNotEmpty();
        assertThat(lines).extracting(line -> line.get("type").asText())
                         .containsOnly("PersonRegistered", "MemberJoinedHousehold");
        assertThat(lines).filteredOn(line -> line.get("aggregateId").asText().equals(person)).hasSize(1);
    }

    @Test
    void personalDataIsInClearForAnAdministratorOnly() {
        JsonNode admin = lines(api.as("admin").get("/api/events?types=PersonRegistered&limit=100000").expect(200)
                                  .text()).stream()
                .filter(line -> line.get("aggregateId").asText().equals(person)).findFirst().orElseThrow();

        assertThat(admin.get("payload").get("name").asText()).isEqualTo("Han Mei");
        assertProblem(api.as("clerk").get("/api/events").expect(403), "FORBIDDEN");
        api.as("auditor").get("/api/events?limit=1").expect(200);
    }

    @Test
    void badExportParametersAreRefusedNamingTheParameter() {
        Api analyst = api.as("analyst");
        assertThat(HouseholdApiTest.fields(analyst.get("/api/events?limit=0").expect(400))).containsExactly("limit");
        assertThat(HouseholdApiTest.fields(analyst.get("/api/events?limit=100001").expect(400)))
                .containsExactly("limit");
        assertThat(HouseholdApiTest.fields(analyst.get("/api/events?after=-1").expect(400))).containsExactly("after");
        assertThat(HouseholdApiTest.fields(analyst.get("/api/events?types=person-registered").expect(400)))
                .containsExactly("types");
        assertThat(HouseholdApiTest.fields(analyst.get("/api/events?after=x").expect(400))).containsExactly("after");
    }

    @Test
    void theCommandLineExportWritesTheSameLinesToAFile(@TempDir Path directory) throws IOException {
        Path masked = directory.resolve("events.ndjson");
        Path clear = directory.resolve("events-unmasked.ndjson");
        String[] database = {"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")};

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(EventExportCommand.run(concat(database, "export-events", "--output=" + masked))).isZero();
            assertThat(lines(Files.readString(masked))).extracting(line -> line.get("position").asLong())
                                                        .containsExactlyElementsOf(storedPositions());
        });
        List<JsonNode> overHttp = lines(api.as("analyst").get("/api/events?limit=100000").expect(200).text());
        assertThat(lines(Files.readString(masked))).containsExactlyElementsOf(overHttp);

        assertThat(EventExportCommand.run(concat(database, "export-events", "--output=" + clear, "--unmasked",
                "--types=PersonRegistered"))).isZero();
        assertThat(lines(Files.readString(clear))).filteredOn(line -> line.get("aggregateId").asText().equals(person))
                .singleElement().satisfies(line -> assertThat(line.get("payload").get("name").asText())
                        .isEqualTo("Han Mei"));
        assertThat(EventExportCommand.run(concat(database, "export-events"))).isNotZero();
    }

    private static String[] concat(String[] database, String... arguments) {
        String[] all = new String[arguments.length + database.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(database, 0, all, arguments.length, database.length);
        return all;
    }
}
