package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract document, {@code docs/api.md}, against the API the service describes at {@code /v3/api-docs}: the
 * same endpoints both ways, every parameter and body field of an endpoint named in its row, every enumerated value
 * named; and the relative links of the README and the documents lead somewhere.
 */
@RegistryTest
class ContractDocumentTest {

    /** A row of an endpoint table: {@code | `GET /api/households/{householdId}` | ... |}. */
    private static final Pattern ENDPOINT_ROW = Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s]*)`(.*)$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** Declared once for every command in the conventions, not in each row. */
    private static final Set<String> EVERY_COMMAND = Set.of("reason");

    @LocalServerPort
    int port;
    JsonNode description;
    Map<String, String> documented;

    @BeforeEach
    void setUp() throws IOException {
        description = Api.at(port).get("/v3/api-docs").expect(200).json();
        documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(repository().resolve("docs/api.md"))) {
            Matcher row = ENDPOINT_ROW.matcher(line);
            if (row.matches()) {
                documented.put(endpoint(row.group(1), row.group(2)), row.group(3));
            }
        }
    }

    @Test
    void everyEndpointOfTheContractIsServedAndEveryServedEndpointIsInTheContract() {
        Set<String> served = new TreeSet<>(operations().keySet());

        assertThat(documented.keySet()).as("endpoints of docs/api.md that /v3/api-docs lacks")
                                       .isSubsetOf(served);
        assertThat(served).as("endpoints of /v3/api-docs that docs/api.md lacks")
                          .isSubsetOf(documented.keySet());
    }

    @Test
    void everyParameterAndBodyFieldIsNamedInItsEndpointsRow() {
        List<String> missing = new ArrayList<>();
        operations().forEach((endpoint, operation) -> {
            String row = documented.getOrDefault(endpoint, "");
            for (String name : names(operation)) {
                if (!EVERY_COMMAND.contains(name) && !Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(row)
                                                               .find()) {
                    missing.add(endpoint + ": " + name);
                }
            }
        });
        assertThat(missing).as("parameters and body fields the rows of docs/api.md do not name").isEmpty();
    }

    @Test
    void everyEnumeratedValueIsNamedInTheContract() throws IOException {
        String contract = Files.readString(repository().resolve("docs/api.md"));
        Set<String> values = new TreeSet<>();
        collectEnums(description, values);

        assertThat(values).isNotEmpty();
        assertThat(values).as("enumerated values of /v3/api-docs that docs/api.md does not name")
                          .allMatch(value -> contract.contains("`" + value + "`"));
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocumentsLeadsToAFile() throws IOException {
        Path root = repository();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                String[] parts = target.split("#", 2);
                Path file = parts[0].isEmpty() ? document : document.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(file) || !file.startsWith(root)) {
                    broken.add(root.relativize(document) + " -> " + target);
                } else if (parts.length == 2 && !anchors(file).contains(parts[1])) {
                    broken.add(root.relativize(document) + " -> " + target + " (no such heading)");
                }
            }
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    /** Every operation of the API description but the framework's own, as {@code "GET /api/households/{}"}. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        description.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/actuator") || path.getKey().startsWith("/swagger-ui")
                    || path.getKey().startsWith("/v3/api-docs")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation ->
                    operations.put(endpoint(operation.getKey(), path.getKey()), operation.getValue()));
        });
        return operations;
    }

    /** The query parameters and request body fields of an operation (path parameters are in the path itself). */
    private Set<String> names(JsonNode operation) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asText())) {
                names.add(parameter.get("name").asText());
            }
        });
        operation.path("requestBody").path("content").forEach(content -> {
            JsonNode schema = resolve(content.path("schema"));
            schema.path("properties").fieldNames().forEachRemaining(names::add);
        });
        return names;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : description.at(ref.substring(1));
    }

    private static void collectEnums(JsonNode node, Set<String> values) {
        if (node.isObject()) {
            node.path("enum").forEach(value -> values.add(value.asText()));
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collectEnums(children.next(), values);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectEnums(child, values));
        }
    }

    private static String endpoint(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(document)) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** The checkout: the nearest directory above the working directory that holds the documents. */
    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docs/api.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/api.md above " + Path.of("").toAbsolutePath());
    }
}
