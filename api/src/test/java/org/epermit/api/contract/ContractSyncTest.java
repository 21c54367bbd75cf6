package org.epermit.api.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The published contract ({@code openapi/openapi.yaml}) is exactly what the code generates. When an API change is
 * intended, regenerate it with {@code ./mvnw verify -Dopenapi.update=true} and commit the file.
 */
@QuarkusTest
class ContractSyncTest {

    private static final Path GENERATED = Path.of("target/openapi/openapi.yaml");
    private static final Path PUBLISHED = Path.of("../openapi/openapi.yaml");

    @Test
    void the_published_contract_is_what_the_code_generates() throws IOException {
        assertThat(GENERATED).as("SmallRye OpenAPI writes the generated document during the build").exists();
        String generated = Files.readString(GENERATED);
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.copy(GENERATED, PUBLISHED, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(PUBLISHED).as("openapi/openapi.yaml is committed").exists();
        assertThat(Files.readString(PUBLISHED))
                .as("openapi/openapi.yaml differs from the code: run ./mvnw verify -Dopenapi.update=true and commit it")
                .isEqualTo(generated);
    }

    @Test
    void every_operation_has_an_id_a_summary_and_a_tag() throws IOException {
        String doc = Files.readString(GENERATED);
        String paths = doc.substring(doc.indexOf("\npaths:"));
        long operations = paths.lines().filter(l -> l.matches("    (get|post|put|patch|delete):")).count();
        assertThat(operations).isPositive();
        assertThat(paths.lines().filter(l -> l.startsWith("      operationId:")).count()).isEqualTo(operations);
        assertThat(paths.lines().filter(l -> l.startsWith("      summary:")).count()).isEqualTo(operations);
        assertThat(paths.lines().filter(l -> l.startsWith("      tags:")).count()).isEqualTo(operations);
    }

    @Test
    void the_service_serves_its_contract_and_an_interactive_reference() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("searchPublicPermits"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
