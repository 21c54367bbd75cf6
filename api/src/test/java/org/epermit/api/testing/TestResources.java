package org.epermit.api.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every {@code @QuarkusTest} runs against {@link TestDatabase} and a mock Keycloak (WireMock serving discovery and
 * keys; tests sign their own tokens with {@link org.epermit.api.gateway.TestTokens}). Both are global, so adding
 * tests costs no restart of Quarkus.
 */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {
    private TestResources() {
    }
}
