package org.epermit.api.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registered API client, the root of the client aggregate (the client and its {@link ApiKey}s): every write of the
 * aggregate, a key's included, raises {@link #version}, so two writes that read the same version cannot both commit.
 * The write side only: reads go through {@link ClientRegistry}'s SQL, which also serves the views.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    UUID id;
    String name;
    String organisation;
    @Column(name = "contact_email")
    String contactEmail;
    String[] roles;
    String[] scopes;
    @Column(name = "region_code")
    String regionCode;
    @Column(name = "enterprise_id")
    Long enterpriseId;
    String plan;
    String status;
    @Column(name = "oidc_client_id")
    String oidcClientId;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    long version;

    /** The fields as the API names them, for telling which ones a write changed (its audit row names them). */
    Map<String, Object> apiFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("organisation", organisation);
        fields.put("contactEmail", contactEmail);
        fields.put("roles", roles == null ? null : List.copyOf(Arrays.asList(roles)));
        fields.put("scopes", scopes == null ? null : List.copyOf(Arrays.asList(scopes)));
        fields.put("regionCode", regionCode);
        fields.put("enterpriseId", enterpriseId);
        fields.put("plan", plan);
        fields.put("status", status);
        fields.put("oidcClientId", oidcClientId);
        return fields;
    }

    boolean isDeleted() {
        return "DELETED".equals(status);
    }

    /** The number of this write in the aggregate's event sequence: versions count from 0, events from 1. */
    long eventSequence() {
        return version + 1;
    }
}
