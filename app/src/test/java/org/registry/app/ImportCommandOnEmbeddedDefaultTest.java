package org.registry.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registry.platform.test.TestSchemaInitializer;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.registry.app.ImportApiTest.HEADER;
import static org.registry.app.ImportApiTest.id;
import static org.registry.app.ImportApiTest.line;

/**
 * {@link ImportCommandTest} on the embedded default (the H2 file database), and the one thing only it has: a second
 * process cannot open the file while the service holds it, and the command says so in one line.
 */
@TestPropertySource(properties = TestSchemaInitializer.DATABASE + "=embedded")
class ImportCommandOnEmbeddedDefaultTest extends ImportCommandTest {

    @Test
    void whileTheServiceHoldsTheEmbeddedDatabaseTheCommandSaysSoInOneLine(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("held.csv");
        Files.writeString(file, String.join("\n", HEADER, line("1", Registry.freshCounty() + "001001",
                id(LocalDate.of(1991, 1, 1), "MALE"), "孔一", "男", "1991-01-01", "户主")));
        Path out = directory.resolve("out.txt");
        Path err = directory.resolve("err.txt");
        // the jar's main in a JVM of its own, on the file this test's service has open
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegistryApplication.class.getName(),
                "import", "--file=" + file, "--as=clerk",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(read(err)).isEqualTo(ImportCommand.FAILED);
        assertThat(read(err).lines().toList()).containsExactly("import: the embedded database is open in another "
                + "process (the service?): stop it first, H2's file database admits one process at a time");
        assertThat(read(out)).doesNotContain("Exception", "\tat ");
        assertThat(api.as("clerk").get("/api/imports").expect(200).json().path("items")
                      .findValuesAsText("fileName")).doesNotContain("held.csv");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
