package org.epermit.api.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An API key of a client: its public id and the SHA-256 of its secret, never the secret. Part of the client aggregate:
 * a write of a key also touches its {@link ApiClient}, whose version guards both.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    String id;
    @Column(name = "client_id")
    UUID clientId;
    @Column(name = "secret_sha256")
    byte[] secretSha256;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "expires_at")
    OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;
}
