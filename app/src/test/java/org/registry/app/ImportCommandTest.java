package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.registry.app.ImportApiTest.HEADER;
import static org.registry.app.ImportApiTest.id;
import static org.registry.app.ImportApiTest.line;

/** The import from the command line ({@code registry.jar import}), run in-process on the test's database. */
@RegistryTest
class ImportCommandTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    /** What a run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
    }

    /** Runs the command as the jar's main would, on the test's database, its output captured (no terminal). */
    Run importCommand(String... options) {
        return importCommand(false, options);
    }

    Run importCommand(boolean terminal, String... options) {
        List<String> args = new ArrayList<>(List.of("import"));
        args.addAll(List.of(options));
        args.addAll(List.of("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--spring.datasource.hikari.maximum-pool-size=2",
                "--registry.security.demo-users=on"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, args.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    static String importId(Run run) {
        return run.out().lines().filter(line -> line.startsWith("Import ") || line.startsWith("Dry run "))
                  .findFirst().orElseThrow(() -> new AssertionError("no summary in: " + run.out()))
                  .replaceFirst("^(Import|Dry run) ([0-9a-f-]{36}):.*$", "$2");
    }

    @Test
    void aGbkLedgerIsCheckedThenImportedAsTheNamedClerkWithProgressAndASummary(@TempDir Path directory)
            throws IOException {
        String community = Registry.freshCounty() + "001002";
        LocalDate born = LocalDate.of(1975, 6, 1);
        String head = id(born, "MALE");
        String wife = id(born, "FEMALE");
        String valid = id(born, "MALE");
        // a check digit other than the right one (a fixed "X" is the right one for about one ID in eleven)
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        Path file = directory.resolve("台账.csv");
        Files.write(file, String.join("\r\n", HEADER,
                line("0201", community, head, "司马光", "男", "1975-06-01", "户主"),
                line("0201", community, wife, "诸葛兰", "女", "1975-06-01", "妻"),
                line("0202", community, wrongCheck, "东方白", "男", "1975-06-01", "户主")).getBytes(Charset.forName("GBK")));
        long before = events();

        Run dryRun = importCommand(true, "--file=" + file, "--as=clerk", "--dry-run", "--charset=GBK");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(ImportCommand.REJECTED);
        // on a terminal the bar is redrawn in place, full at the end
        assertThat(dryRun.out()).contains("Checking " + file, "\r[" + "#".repeat(30) + "] 3/3 rows (100%)",
                "2 valid", "1 rejected", "Nothing was stored", "GET /api/imports/" + importId(dryRun));
        assertThat(events()).isEqualTo(before);
        JsonNode checked = api.as("clerk").get("/api/imports/" + importId(dryRun)).expect(200).json();
        assertThat(checked.path("dryRun").asBoolean()).isTrue();
        assertThat(checked.path("actor").asText()).isEqualTo("clerk");
        assertThat(checked.path("counts").path("valid").asInt()).isEqualTo(2);
        assertThat(checked.path("counts").path("registered").asInt()).isZero();

        Run imported = importCommand("--file=" + file, "--as=clerk", "--charset=GBK", "--reason=移交 2026");

        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(ImportCommand.REJECTED);
        assertThat(imported.out()).contains("Importing " + file, "3/3 rows (100%)", "2 registered", "1 rejected",
                "outcome=REJECTED").doesNotContain("Nothing was stored", "\r");
        String importId = importId(imported);
        JsonNode run = api.as("clerk").get("/api/imports/" + importId + "?outcome=REJECTED").expect(200).json();
        assertThat(run.path("fileName").asText()).isEqualTo("台账.csv");
        assertThat(run.path("charset").asText()).isEqualTo("GB18030");
        assertThat(run.path("status").asText()).isEqualTo("DONE");
        assertThat(run.path("counts").path("registered").asInt()).isEqualTo(2);
        assertThat(run.path("rows").path("items").get(0).path("row").asInt()).isEqualTo(4);
        assertThat(api.as("clerk").get("/api/imports").expect(200).json().path("items").get(0).path("importId")
                      .asText()).isEqualTo(importId);
        String personId = await().atMost(Duration.ofSeconds(10)).until(() -> api.as("clerk")
                .get("/api/persons?nationalId=" + wife).expect(200).json().path("items"), items -> items.size() == 1)
                .get(0).path("personId").asText();
        assertThat(api.as("clerk").get("/api/persons/" + personId).expect(200).json().path("name").asText())
                .isEqualTo("诸葛兰");
        List<String> metaData = jdbc.queryForList("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, personId);
        assertThat(metaData).isNotEmpty().allSatisfy(json -> assertThat(json)
                .contains("\"actor\":\"clerk\"", "\"importId\":\"" + importId + "\"",
                        "\"importFile\":\"台账.csv\"", "\"reason\":\"移交 2026\""));

        // the same rows again are matched, never registered twice: nothing new, and every row accounted for
        Path good = directory.resolve("good.csv");
        Files.write(good, String.join("\n", HEADER,
                line("0201", community, head, "司马光", "男", "1975-06-01", "户主"),
                line("0201", community, wife, "诸葛兰", "女", "1975-06-01", "妻")).getBytes(StandardCharsets.UTF_8));
        long afterImport = events();
        Run again = importCommand("--file=" + good, "--as=clerk");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ImportCommand.DONE);
        assertThat(again.out()).contains("2/2 rows (100%)", "2 matched", "0 rejected");
        assertThat(events()).isEqualTo(afterImport);
    }

    @Test
    void aFileThatCannotBeReadOrIsNoLedgerIsRefusedWithItsCodeAndExitCode2(@TempDir Path directory)
            throws IOException {
        Run missing = importCommand("--file=" + directory.resolve("nowhere.csv"), "--as=clerk");
        assertThat(missing.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(missing.err()).contains("cannot read the file", "nowhere.csv", "IMPORT_FILE_UNREADABLE");
        assertThat(missing.out()).isEmpty();

        Path notALedger = directory.resolve("notes.csv");
        Files.writeString(notALedger, "date,note\n2026-01-01,hello\n");
        long before = events();
        Run wrongColumns = importCommand("--file=" + notALedger, "--as=clerk");
        assertThat(wrongColumns.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(wrongColumns.err()).contains("IMPORT_COLUMNS_MISSING");

        Run noOptions = importCommand("--as=clerk");
        assertThat(noOptions.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(noOptions.err()).contains("--file=PATH", "Usage:");
        Run typo = importCommand("--file=" + notALedger, "--as=clerk", "--dryrun");
        assertThat(typo.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(typo.err()).contains("--dryrun");
        Run unknownKind = importCommand("--file=" + notALedger, "--as=clerk", "--kind=deaths");
        assertThat(unknownKind.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(unknownKind.err()).contains("VALIDATION_FAILED", "deaths");
        Run notOfTheKind = importCommand("--file=" + notALedger, "--as=clerk", "--kind=births");
        assertThat(notOfTheKind.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(notOfTheKind.err()).contains("IMPORT_COLUMNS_MISSING", "motherNationalId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theActorIsAUserTheServiceKnowsWithTheRoleAndAreasToImport(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("ledger.csv");
        String outside = Registry.freshCounty() + "001001";
        Files.writeString(file, String.join("\n", HEADER,
                line("1", outside, id(LocalDate.of(1990, 1, 1), "FEMALE"), "钱一", "女", "1990-01-01", "户主")));
        long before = events();

        Run stranger = importCommand("--file=" + file, "--as=nobody");
        assertThat(stranger.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(stranger.err()).contains("USER_UNKNOWN", "nobody");

        Run auditor = importCommand("--file=" + file, "--as=auditor");
        assertThat(auditor.exitCode()).isEqualTo(ImportCommand.USAGE);
        assertThat(auditor.err()).contains("FORBIDDEN");

        // the village clerk's scope is one community: a row elsewhere is refused, as over HTTP
        Run village = importCommand("--file=" + file, "--as=village");
        assertThat(village.exitCode()).isEqualTo(ImportCommand.REJECTED);
        JsonNode run = api.as("village").get("/api/imports/" + importId(village)).expect(200).json();
        assertThat(run.path("rows").path("items").get(0).path("problems").get(0).path("code").asText())
                .isEqualTo("OUTSIDE_AREA_SCOPE");
        assertThat(events()).isEqualTo(before);

        Run help = importCommand("--help");
        assertThat(help.exitCode()).isEqualTo(ImportCommand.DONE);
        assertThat(help.out()).contains("--dry-run", "--as", "Exit codes");
    }
}
