package org.leye.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leye.casework.support.Api;
import org.leye.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * docs/api.md, the REST contract, kept in step with the OpenAPI description that the running
 * application serves at {@code /v3/api-docs}: every operation (method and path) is in the document's
 * "Endpoints at a glance" table, every {@code METHOD /api/...} that the document names exists, and
 * what OpenAPI marks deprecated the document marks deprecated too. Path variables are compared by
 * position only ({@code /api/graduates/{id}} and {@code /api/graduates/{graduateId}} are the same).
 */
@IntegrationTest
class ApiContractDocumentTest {

    private static final Path DOCUMENT = Path.of("docs", "api.md");
    private static final String TABLE_HEADING = "## Endpoints at a glance";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** {@code GET /api/...} in text or a code span, possibly wrapped between method and path. */
    private static final Pattern OPERATION = Pattern.compile(
            "\\b(GET|POST|PUT|PATCH|DELETE)\\s+(/api(?:/[^\\s`?,;)]*)?)");

    @Autowired
    TestRestTemplate rest;

    private JsonNode openApi;
    private String document;

    @BeforeEach
    void read() throws IOException {
        openApi = Api.as(rest, "admin").get("/v3/api-docs").expect(200).json();
        document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    }

    @Test
    void everyOperationOfTheApplicationIsInTheEndpointTable() {
        Set<String> table = operationsNamedIn(endpointTable());
        Set<String> missing = new TreeSet<>(applicationOperations());
        missing.removeAll(table);
        assertThat(missing)
                .as("operations that /v3/api-docs describes but docs/api.md's \"%s\" does not name", TABLE_HEADING)
                .isEmpty();
    }

    @Test
    void everyOperationTheDocumentNamesExistsInTheApplication() {
        Set<String> unknown = new TreeSet<>(operationsNamedIn(document));
        unknown.removeAll(applicationOperations());
        assertThat(unknown).as("operations that docs/api.md names but /v3/api-docs does not describe").isEmpty();
    }

    @Test
    void whatTheApplicationDeprecatesTheDocumentMarksDeprecated() {
        List<String> deprecated = deprecations();
        assertThat(deprecated).as("the OpenAPI description deprecates GET /api/graduates?idNumber=")
                .contains("GET /api/graduates?idNumber=");
        List<String> unmarked = new ArrayList<>();
        for (String item : deprecated) {
            String operation = item.contains("?") ? item.substring(0, item.indexOf('?')) : item;
            String parameter = item.contains("?") ? item.substring(item.indexOf('?') + 1) : null;
            boolean marked = blocks(document).stream().anyMatch(block ->
                    block.toLowerCase(Locale.ROOT).contains("deprecated")
                            && operationsNamedIn(block).contains(normalise(operation))
                            && (parameter == null || block.contains("`" + parameter) || block.contains("?" + parameter)));
            if (!marked) {
                unmarked.add(item);
            }
        }
        assertThat(unmarked)
                .as("deprecated in /v3/api-docs but not marked deprecated in docs/api.md (a paragraph or list item"
                        + " that names the operation, the parameter and says \"deprecated\")")
                .isEmpty();
    }

    /** "GET /api/graduates/{}" for every operation of the OpenAPI description. */
    private Set<String> applicationOperations() {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (METHODS.contains(method)) {
                    operations.add(normalise(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
                }
            }
        }
        assertThat(operations).as("/v3/api-docs describes the API").hasSizeGreaterThan(20);
        return operations;
    }

    /** "GET /api/graduates?idNumber=" for a deprecated parameter, "GET /api/x" for a deprecated operation. */
    private List<String> deprecations() {
        List<String> deprecated = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (op.getValue().path("deprecated").asBoolean()) {
                    deprecated.add(operation);
                }
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if (parameter.path("deprecated").asBoolean()) {
                        deprecated.add(operation + "?" + parameter.path("name").asText() + "=");
                    }
                }
            }
        }
        return deprecated;
    }

    private String endpointTable() {
        int start = document.indexOf("\n" + TABLE_HEADING + "\n");
        assertThat(start).as("docs/api.md has a section \"%s\"", TABLE_HEADING).isNotNegative();
        int end = document.indexOf("\n## ", start + 1);
        String section = document.substring(start, end < 0 ? document.length() : end);
        StringBuilder firstColumn = new StringBuilder();
        for (String line : section.split("\n")) {
            if (line.startsWith("|") && !line.startsWith("|--")) {
                String[] cells = line.split("\\|");
                if (cells.length > 1) {
                    firstColumn.append(cells[1]).append('\n');
                }
            }
        }
        return firstColumn.toString();
    }

    static Set<String> operationsNamedIn(String text) {
        Set<String> named = new TreeSet<>();
        Matcher m = OPERATION.matcher(text);
        while (m.find()) {
            named.add(normalise(m.group(1) + " " + m.group(2)));
        }
        return named;
    }

    /** Path variables by position, no trailing slash: "POST /api/tasks/{}/claim". */
    static String normalise(String operation) {
        String normalised = operation.replaceAll("\\{[^}/]*}", "{}").replaceAll("[.:]+$", "");
        return normalised.endsWith("/") ? normalised.substring(0, normalised.length() - 1) : normalised;
    }

    /** Paragraphs and list items (a list item with its wrapped lines and nested items). */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : markdown.split("\n")) {
            boolean startsItem = line.startsWith("- ") || line.startsWith("#");
            if (line.isBlank() || startsItem) {
                if (!block.isEmpty()) {
                    blocks.add(block.toString());
                    block.setLength(0);
                }
            }
            if (!line.isBlank()) {
                block.append(line).append('\n');
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block.toString());
        }
        return blocks;
    }
}
