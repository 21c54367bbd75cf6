package org.epermit.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operations of the committed contract ({@code openapi/openapi.yaml}), with their references resolved. */
final class ContractOperations {

    /** Where {@link ContractSyncTest} finds the committed contract, relative to the api module. */
    static final Path PUBLISHED = Path.of("../openapi/openapi.yaml");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One parameter: where it goes ({@code path}, {@code query}, {@code header}), its name and its schema. */
    record Parameter(String in, String name, boolean required, JsonNode schema) {
    }

    /** A property of a request body's schema. */
    record Property(String name, boolean required, JsonNode schema) {
    }

    record Operation(String method, String template, List<Parameter> parameters, List<Property> bodyProperties,
                     boolean hasBody) {

        List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        boolean isWrite() {
            return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private final JsonNode root;

    private ContractOperations(JsonNode root) {
        this.root = root;
    }

    static List<Operation> read() throws IOException {
        return new ContractOperations(new ObjectMapper(new YAMLFactory()).readTree(PUBLISHED.toFile())).operations();
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                declared.addAll(list(op.getValue().path("parameters")));
                for (JsonNode p : declared) {
                    JsonNode parameter = resolve(p);
                    parameters.add(new Parameter(parameter.path("in").asText(), parameter.path("name").asText(),
                            parameter.path("required").asBoolean(false), resolve(parameter.path("schema"))));
                }
                JsonNode body = resolve(op.getValue().path("requestBody"));
                List<Property> properties = new ArrayList<>();
                if (!body.isMissingNode()) {
                    JsonNode schema = resolve(body.path("content").path("application/json").path("schema"));
                    Set<String> required = new HashSet<>();
                    list(schema.path("required")).forEach(r -> required.add(r.asText()));
                    for (Map.Entry<String, JsonNode> prop : schema.path("properties").properties()) {
                        properties.add(new Property(prop.getKey(), required.contains(prop.getKey()), resolve(prop.getValue())));
                    }
                }
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), List.copyOf(properties), !body.isMissingNode()));
            }
        }
        return List.copyOf(operations);
    }

    /** The node a {@code $ref} points to (a local reference), merged under the referring node's own keys. */
    private JsonNode resolve(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return node;
        }
        String ref = node.get("$ref").asText();
        JsonNode target = root.at(ref.substring(1));
        ObjectNode merged = ((ObjectNode) resolve(target)).deepCopy();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("$ref")) {
                merged.set(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** A schema's {@code type}, which OpenAPI 3.1 may give as a list (e.g. {@code [string, "null"]}). */
    static Optional<String> type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return Optional.of(type.asText());
        }
        for (JsonNode t : type) {
            if (!t.asText().equals("null")) {
                return Optional.of(t.asText());
            }
        }
        return Optional.empty();
    }
}
