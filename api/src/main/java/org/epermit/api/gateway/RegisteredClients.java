package org.epermit.api.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The client registry as the gateway needs it: who a credential belongs to. The client feature implements it (its SQL
 * on {@code api_client} stays there); the gateway turns a registration into the {@link Caller}, in one place
 * ({@link Registration#caller}), whatever the credential.
 */
public interface RegisteredClients {

    /** The key with this public id and its client, if any (one indexed read: it runs on every API-key request). */
    Uni<Optional<KeyHolder>> byApiKey(String keyId);

    /** The client whose Keycloak client ({@code azp}) is this, if any (one indexed read per bearer-token request). */
    Uni<Optional<Registration>> byOidcClient(String oidcClientId);

    /** The client with this id, as {@code client} (a write's transaction, or the pool) sees it. */
    Uni<Optional<Registration>> byId(SqlClient client, UUID id);

    /** A registered client: what a credential of it may do. */
    record Registration(UUID clientId, String name, Set<String> roles, Set<String> scopes, Optional<String> regionCode,
                        Optional<Long> enterpriseId, String plan, String status) {

        public Registration {
            roles = Set.copyOf(roles);
            scopes = Set.copyOf(scopes);
        }

        /** Only an active client's credentials work; suspended and deleted ones stop at once. */
        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** The caller this client's credential makes, with everything the registration grants. */
        public Caller caller(CredentialType credential, String subject) {
            return caller(credential, subject, roles, scopes, regionCode);
        }

        /** The caller, with the roles, scopes and region the credential narrows the registration's to. */
        public Caller caller(CredentialType credential, String subject, Set<String> roles, Set<String> scopes,
                             Optional<String> regionCode) {
            return new Caller(clientId, name, credential, subject, Set.copyOf(scopes), Set.copyOf(roles), regionCode,
                    enterpriseId, plan);
        }
    }

    /** An API key as stored (the SHA-256 of its secret, never the secret) and the client it belongs to. */
    record KeyHolder(Registration client, byte[] secretSha256, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
    }
}
