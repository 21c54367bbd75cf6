package org.epermit.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written layer covers the whole published contract: every operation of {@code openapi/openapi.yaml} has a
 * public method annotated with its {@link OperationId}, in the service of the operation's tag, reachable from
 * {@link EPermitClient}. An endpoint added to the API without an SDK method fails this test.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContractCoverageTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** operationId -> "GET /path [tag]" */
    private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    record Operation(String id, String method, String path, String tag) {
        @Override
        public String toString() {
            return id + " (" + method + " " + path + ", tag '" + tag + "')";
        }
    }

    @BeforeAll
    static void readContract() throws Exception {
        Path contract = Path.of(System.getProperty("epermit.contract", "../openapi/openapi.yaml"));
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(contract));
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                String id = op.getValue().path("operationId").asText(null);
                String tag = op.getValue().path("tags").path(0).asText(null);
                assertThat(id).as("operationId of %s %s", op.getKey(), path.getKey()).isNotNull();
                OPERATIONS.put(id, new Operation(id, op.getKey().toUpperCase(), path.getKey(), tag));
            }
        }));
        assertThat(OPERATIONS).as("operations read from " + contract).isNotEmpty();
    }

    /** The services reachable from the client, by the tag they declare. */
    private static Map<String, Class<?>> servicesByTag() {
        Map<String, Class<?>> services = new LinkedHashMap<>();
        for (Method accessor : EPermitClient.class.getMethods()) {
            ApiTag tag = accessor.getReturnType().getAnnotation(ApiTag.class);
            if (tag != null && accessor.getParameterCount() == 0 && !Modifier.isStatic(accessor.getModifiers())) {
                Class<?> previous = services.put(tag.value(), accessor.getReturnType());
                assertThat(previous).as("one service per tag '%s'", tag.value()).isIn(null, accessor.getReturnType());
            }
        }
        return services;
    }

    @Test
    void every_operation_in_the_contract_has_a_method_in_the_service_of_its_tag() {
        Map<String, Class<?>> services = servicesByTag();
        List<String> missing = new ArrayList<>();
        for (Operation op : OPERATIONS.values()) {
            Class<?> service = services.get(op.tag());
            if (service == null) {
                missing.add(op + ": no service for its tag; add a service class annotated @ApiTag(\"" + op.tag()
                        + "\") and an accessor for it on EPermitClient");
                continue;
            }
            boolean covered = Arrays.stream(service.getMethods())
                    .anyMatch(m -> m.isAnnotationPresent(OperationId.class)
                            && m.getAnnotation(OperationId.class).value().equals(op.id()));
            if (!covered) {
                missing.add(op + ": no method in " + service.getSimpleName() + "; add one annotated @OperationId(\""
                        + op.id() + "\")");
            }
        }
        assertThat(missing).as("operations of openapi/openapi.yaml without an SDK method").isEmpty();
    }

    @Test
    void every_sdk_method_names_an_operation_of_the_contract_and_sits_in_its_tags_service() {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        servicesByTag().forEach((tag, service) -> {
            for (Method m : service.getMethods()) {
                OperationId id = m.getAnnotation(OperationId.class);
                if (id == null) {
                    continue;
                }
                seen.add(id.value());
                Operation op = OPERATIONS.get(id.value());
                if (op == null) {
                    wrong.add(service.getSimpleName() + "." + m.getName() + " names '" + id.value()
                            + "', which the contract does not have");
                } else if (!op.tag().equals(tag)) {
                    wrong.add(service.getSimpleName() + "." + m.getName() + " covers " + op
                            + " but the service is for tag '" + tag + "'");
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
    }

    @Test
    void todays_contract_has_the_expected_public_operations() {
        // a guard that the YAML was read as intended, not an inventory to maintain: it only checks a known subset
        assertThat(OPERATIONS.keySet()).contains("searchPublicPermits", "getPublicPermit", "getPublicPermitHistory",
                "getPublicPermitVersion", "getPublicEnterprise", "listPollutants", "listIndustries", "listRegions");
    }
}
