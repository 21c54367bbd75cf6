package org.epermit.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contract names things in the domain's words, for readers in any language: no schema is named after a
 * Java class ({@code LocalDate}, {@code UUID}), no named schema is copied inline where it should be referenced, the
 * responses every operation shares are declared once, and so are the query parameters several operations share; path
 * parameters are listed in the order of the path (generated clients take them in that order).
 * ({@link ContractSyncTest} proves the committed contract is what the code generates, so these rules hold for the
 * code.)
 */
class ContractShapeTest {

    /** Where SmallRye OpenAPI finds the Java classes it names schemas after. */
    private static final List<String> JAVA_PACKAGES = List.of("java.lang.", "java.util.", "java.time.", "java.math.",
            "java.net.", "java.sql.", "java.io.", "java.nio.");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode published() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ContractOperations.PUBLISHED.toFile());
    }

    @Test
    void no_schema_is_named_after_a_java_type() throws IOException {
        assertThat(javaNamedSchemas(published()))
                .as("schemas named after Java classes: write dates, times and ids as formatted strings, give types a "
                        + "domain name with @Schema(name = ...)")
                .isEmpty();
    }

    @Test
    void no_named_schema_is_copied_inline() throws IOException {
        assertThat(inlinedCopies(published()))
                .as("inline copies of named schemas: refer to them (@Schema(ref = ...) or the type itself)")
                .isEmpty();
    }

    @Test
    void the_responses_operations_share_are_declared_once_and_referred_to() throws IOException {
        JsonNode doc = published();
        assertThat(doc.at("/components/responses").size()).isPositive();
        assertThat(unsharedResponses(doc)).isEmpty();
    }

    @Test
    void a_query_parameter_several_operations_take_is_declared_once() throws IOException {
        assertThat(queryParametersDeclaredTwice(published()))
                .as("declare them in ApiDefinition's components and refer to them with @Parameter(ref = ...)")
                .isEmpty();
    }

    @Test
    void path_parameters_come_first_in_the_order_of_the_path() throws IOException {
        JsonNode doc = published();
        List<String> wrong = new ArrayList<>();
        operations(doc, (name, op) -> {
            List<String> listed = new ArrayList<>();
            op.path("parameters").forEach(p -> {
                JsonNode parameter = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                listed.add(parameter.path("in").asText() + ":" + parameter.path("name").asText());
            });
            List<String> expected = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(name);
            while (m.find()) {
                expected.add("path:" + m.group(1));
            }
            if (!listed.subList(0, Math.min(expected.size(), listed.size())).equals(expected)) {
                wrong.add(name + " lists " + listed);
            }
        });
        assertThat(wrong).as("generated clients take path parameters in this order").isEmpty();
    }

    /** The rules find what they are meant to find: the contract as it was before they were written broke them all. */
    @Test
    void the_rules_catch_java_names_inline_copies_repeated_responses_and_repeated_parameters() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree("""
                components:
                  schemas:
                    LocalDate: {type: string, format: date}
                    PublicPermit:
                      type: object
                      properties: {permitNumber: {type: string}, issueDate: {$ref: "#/components/schemas/LocalDate"}}
                    Status: {type: string, enum: [ACTIVE, REVOKED]}
                    PermitFull:
                      type: object
                      properties:
                        permit:
                          type: object
                          properties: {permitNumber: {type: string}, issueDate: {$ref: "#/components/schemas/LocalDate"}}
                        status: {type: string, enum: [ACTIVE, REVOKED]}
                paths:
                  /a:
                    get:
                      parameters: [{name: q, in: query, schema: {type: string}}]
                      responses: {"401": {description: Unauthenticated}, "429": {description: Too many}}
                      security: [{apiKey: []}]
                  /b:
                    get:
                      parameters: [{name: q, in: query, description: Query, schema: {type: string}}]
                      responses: {"200": {description: OK}}
                      security: []
                """);
        assertThat(javaNamedSchemas(doc)).containsExactly("LocalDate");
        assertThat(inlinedCopies(doc)).containsExactlyInAnyOrder(
                "/components/schemas/PermitFull/properties/permit copies PublicPermit",
                "/components/schemas/PermitFull/properties/status copies Status");
        assertThat(unsharedResponses(doc)).containsExactlyInAnyOrder(
                "GET /a: 401 is not a reference to the shared response", "GET /a: 403 is not a reference to the shared response",
                "GET /a: 429 is not a reference to the shared response", "GET /a: 500 is not a reference to the shared response",
                "GET /a: 503 is not a reference to the shared response", "GET /b: 429 is not a reference to the shared response",
                "GET /b: 500 is not a reference to the shared response", "GET /b: 503 is not a reference to the shared response");
        assertThat(queryParametersDeclaredTwice(doc)).containsExactly("q on GET /a, GET /b");
    }

    static List<String> javaNamedSchemas(JsonNode doc) {
        List<String> found = new ArrayList<>();
        doc.at("/components/schemas").fieldNames().forEachRemaining(name -> {
            for (String pkg : JAVA_PACKAGES) {
                try {
                    Class.forName(pkg + name, false, ContractShapeTest.class.getClassLoader());
                    found.add(name);
                    return;
                } catch (ClassNotFoundException notJava) {
                    // a name of ours
                }
            }
        });
        return found;
    }

    /**
     * Every schema written out in place (not a {@code $ref}) whose properties, or enumeration, are those of a named
     * schema: the document copies the named schema there, and generated clients get a twin type for it.
     */
    static List<String> inlinedCopies(JsonNode doc) {
        Map<JsonNode, String> named = new HashMap<>();
        doc.at("/components/schemas").properties().forEach(e -> {
            if (e.getValue().has("properties")) {
                named.put(e.getValue().get("properties"), e.getKey());
            }
            if (e.getValue().has("enum")) {
                named.put(e.getValue().get("enum"), e.getKey());
            }
        });
        List<String> found = new ArrayList<>();
        walk(doc, "", (pointer, node) -> {
            if (pointer.matches("/components/schemas/[^/]+") || node.has("$ref")) {
                return;
            }
            for (String keyword : List.of("properties", "enum")) {
                String copied = node.has(keyword) ? named.get(node.get(keyword)) : null;
                if (copied != null) {
                    found.add(pointer + " copies " + copied);
                }
            }
        });
        return found;
    }

    /**
     * The responses every secured operation can give (401, 403) and every operation can give (429, 500, 503) are
     * references to the one declaration in components/responses.
     */
    static List<String> unsharedResponses(JsonNode doc) {
        List<String> found = new ArrayList<>();
        operations(doc, (name, op) -> {
            boolean secured = !op.path("security").isEmpty();
            for (String status : secured ? List.of("401", "403", "429", "500", "503") : List.of("429", "500", "503")) {
                JsonNode response = op.path("responses").path(status);
                String ref = response.path("$ref").asText("");
                if (!ref.startsWith("#/components/responses/") || doc.at(ref.substring(1)).isMissingNode()) {
                    found.add(name + ": " + status + " is not a reference to the shared response");
                }
            }
        });
        return found;
    }

    /** A query parameter of the same name and schema written out on more than one operation. */
    static List<String> queryParametersDeclaredTwice(JsonNode doc) {
        Map<String, List<String>> where = new java.util.TreeMap<>();
        operations(doc, (name, op) -> op.path("parameters").forEach(p -> {
            if (p.path("in").asText().equals("query")) {
                where.computeIfAbsent(p.path("name").asText() + " " + p.path("schema"), k -> new ArrayList<>()).add(name);
            }
        }));
        List<String> found = new ArrayList<>();
        where.forEach((parameter, operations) -> {
            if (operations.size() > 1) {
                found.add(parameter.substring(0, parameter.indexOf(' ')) + " on " + String.join(", ", operations));
            }
        });
        return found;
    }

    private static void operations(JsonNode doc, java.util.function.BiConsumer<String, JsonNode> visitor) {
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                visitor.accept(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(pointer, node);
            node.properties().forEach(e -> walk(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
