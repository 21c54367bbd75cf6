package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.ApiClient;
import org.epermit.sdk.model.ApiClientChange;
import org.epermit.sdk.model.ApiClientPage;
import org.epermit.sdk.model.AuditEntry;
import org.epermit.sdk.model.AuditPage;
import org.epermit.sdk.model.CreatedApiClient;
import org.epermit.sdk.model.IssuedApiKey;
import org.epermit.sdk.model.NewApiClient;
import org.epermit.sdk.param.AuditSearchParams;
import org.epermit.sdk.param.ListParams;
import org.epermit.sdk.service.AdminService;

/** {@link AdminService} over the client's transport. */
public final class DefaultAdminService implements AdminService {

    private static final String CLIENT = "/v1/admin/clients/{id}";

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultAdminService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public Page<ApiClient> listClientsPage(ListParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        ApiClientPage page = transport.call(ApiRequest.get("/v1/admin/clients").query("limit", params.limit())
                .query("cursor", cursor), ApiClientPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public CreatedApiClient createClient(NewApiClient client, RequestOptions options) {
        Objects.requireNonNull(client, "client");
        return transport.call(ApiRequest.post("/v1/admin/clients").json(client), CreatedApiClient.class, options);
    }

    @Override
    public ApiClient getClient(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return transport.call(ApiRequest.get(CLIENT, id), ApiClient.class, options);
    }

    @Override
    public ApiClient updateClient(UUID id, ApiClientChange change, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        return transport.call(ApiRequest.patch(CLIENT, id).mergePatch(change), ApiClient.class, options);
    }

    @Override
    public void deleteClient(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        transport.run(ApiRequest.delete(CLIENT, id), options);
    }

    @Override
    public IssuedApiKey rotateClientKey(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return transport.call(ApiRequest.post(CLIENT + "/keys", id), IssuedApiKey.class, options);
    }

    @Override
    public void revokeClientKey(UUID id, String keyId, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        transport.run(ApiRequest.delete(CLIENT + "/keys/{keyId}", id, keyId), options);
    }

    @Override
    public Page<AuditEntry> listAuditEntriesPage(AuditSearchParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        AuditPage page = transport.call(ApiRequest.get("/v1/admin/audit").query("client", params.client())
                .query("from", params.from()).query("to", params.to()).query("path", params.path())
                .query("status", params.status()).query("correlationId", params.correlationId())
                .query("resourceType", params.resourceType()).query("resourceId", params.resourceId())
                .query("limit", params.limit()).query("cursor", cursor), AuditPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }
}
