package org.epermit.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * A schema of the published contract ({@code openapi/openapi.yaml}, OpenAPI 3.1, whose schemas are JSON Schema
 * 2020-12), closed: every property an object schema declares is required and no other is allowed. A rendered document
 * that {@link #violations validates} against it is exactly the schema: each field declared, rendered and of its declared
 * type, nullability, enumeration and format.
 */
public final class PublishedSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonSchema schema;

    private PublishedSchema(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** {@code components/schemas/<name>} of the published contract, closed. */
    public static PublishedSchema of(String name) {
        JsonNode contract;
        try {
            contract = new ObjectMapper(new YAMLFactory()).readTree(ContractOperations.PUBLISHED.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (contract.at("/components/schemas/" + name).isMissingNode()) {
            throw new IllegalArgumentException("the published contract has no schema " + name);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        // the contract's own references (#/components/schemas/...) resolve against this root
        root.set("components", close(contract.get("components").deepCopy()));
        root.put("$ref", "#/components/schemas/" + name);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return new PublishedSchema(name, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, config));
    }

    /** What in {@code json} breaks the schema: none when the document is exactly the schema. */
    public List<String> violations(String json) {
        try {
            return violations(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in {@code document} breaks the schema. */
    public List<String> violations(JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(m -> name + ": " + m.getMessage()).sorted().toList();
    }

    /** Every object schema: its properties required, no others allowed. */
    private static JsonNode close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject()) {
                ArrayNode required = object.putArray("required");
                object.get("properties").fieldNames().forEachRemaining(required::add);
                object.put("additionalProperties", false);
            }
            object.properties().forEach(e -> close(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(PublishedSchema::close);
        }
        return node;
    }
}
