package org.epermit.api.gateway;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like Keycloak's, signed with the key the mock Keycloak ({@code OidcWiremockTestResource})
 * publishes, or with another key to forge a bad signature.
 */
public final class TestTokens {

    /** The issuer the mock Keycloak's discovery document names. */
    public static final String ISSUER = "https://server.example.com";
    public static final String API_CLIENT = "epermit-api";

    private TestTokens() {
    }

    /** A valid token of the Keycloak client {@code azp}: audience epermit-api, five minutes left. */
    public static Token of(String azp) {
        return new Token(azp);
    }

    /** A new Keycloak client id, unique to a test. */
    public static String newClientId() {
        return "kc-" + UUID.randomUUID();
    }

    public static final class Token {
        private final JwtClaimsBuilder claims;
        private final String subject = UUID.randomUUID().toString();

        private Token(String azp) {
            claims = Jwt.issuer(ISSUER).audience(API_CLIENT).subject(subject).claim("azp", azp).claim("typ", "Bearer")
                    .issuedAt(Instant.now().getEpochSecond()).expiresIn(300);
        }

        public String subject() {
            return subject;
        }

        public Token scope(String scope) {
            claims.claim("scope", scope);
            return this;
        }

        public Token realmRoles(String... roles) {
            claims.claim("realm_access", Map.of("roles", List.of(roles)));
            return this;
        }

        public Token apiClientRoles(String... roles) {
            claims.claim("resource_access", Map.of(API_CLIENT, Map.of("roles", List.of(roles))));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Issued ten minutes ago, expired five minutes ago. */
        public Token expired() {
            long now = Instant.now().getEpochSecond();
            claims.issuedAt(now - 600).expiresAt(now - 300);
            return this;
        }

        public String sign() {
            return claims.jws().keyId("1").sign("privateKey.jwk");
        }

        /** Signed with a fresh key under the published key's id: the signature does not verify. */
        public String signWithAnotherKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return claims.jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
