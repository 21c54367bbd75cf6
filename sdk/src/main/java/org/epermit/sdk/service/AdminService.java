package org.epermit.sdk.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiCalls;
import org.epermit.sdk.internal.generated.AdminApi;
import org.epermit.sdk.model.ApiClientChange;
import org.epermit.sdk.model.ApiClientPage;
import org.epermit.sdk.model.AuditEntry;
import org.epermit.sdk.model.AuditPage;
import org.epermit.sdk.model.CreatedApiClient;
import org.epermit.sdk.model.IssuedApiKey;
import org.epermit.sdk.model.NewApiClient;
import org.epermit.sdk.model.RegisteredClient;
import org.epermit.sdk.param.AuditSearchParams;
import org.epermit.sdk.param.ListParams;

/**
 * The client registry, API keys and the audit log, for administrators (scope {@code admin}). Reached through
 * {@link org.epermit.sdk.EPermitClient#admin()}.
 */
@ApiTag("Admin")
public final class AdminService {

    private final ApiCalls calls;

    /**
     * Creates the service; use {@link org.epermit.sdk.EPermitClient#admin()} instead.
     *
     * @param calls the client's way to the API
     */
    public AdminService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * Lists the registered API clients, fetching pages lazily.
     *
     * @return every client
     */
    @OperationId("listClients")
    public PagedIterable<RegisteredClient> listClients() {
        return listClients(ListParams.defaults(), RequestOptions.none());
    }

    /**
     * Lists the registered API clients, with a page size and options for each page's request.
     *
     * @param params  the page size
     * @param options options for each page's request
     * @return every client
     */
    @OperationId("listClients")
    public PagedIterable<RegisteredClient> listClients(ListParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> listClientsPage(params, cursor, options));
    }

    /**
     * Fetches one page of registered API clients.
     *
     * @param params  the page size
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("listClients")
    public Page<RegisteredClient> listClientsPage(ListParams params, String cursor, RequestOptions options) {
        ApiClientPage page = calls.call(options, AdminApi::new, api -> api.listClients(params.limit(), cursor));
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /**
     * Registers an API client and issues its first key. Sent with an {@code Idempotency-Key} (one per call, reused by
     * its retries).
     *
     * @param client name, organisation, roles, scopes and the other settings of the client
     * @return the client and its API key, which is shown only this once: store it now
     */
    @OperationId("createClient")
    public CreatedApiClient createClient(NewApiClient client) {
        return createClient(client, RequestOptions.none());
    }

    /**
     * Registers an API client, with options (e.g. your own idempotency key).
     *
     * @param client  the client to register
     * @param options options for this call
     * @return the client and its API key
     */
    @OperationId("createClient")
    public CreatedApiClient createClient(NewApiClient client, RequestOptions options) {
        Objects.requireNonNull(client, "client");
        return calls.call(options, AdminApi::new, api -> api.createClient(client, null));
    }

    /**
     * Reads a registered client with its keys (never their secrets).
     *
     * @param id the client's id
     * @return the client
     * @throws org.epermit.sdk.errors.NotFoundException {@code CLIENT_NOT_FOUND}
     */
    @OperationId("getClient")
    public RegisteredClient getClient(UUID id) {
        return getClient(id, RequestOptions.none());
    }

    /**
     * Reads a registered client, with options.
     *
     * @param id      the client's id
     * @param options options for this call
     * @return the client
     */
    @OperationId("getClient")
    public RegisteredClient getClient(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return calls.call(options, AdminApi::new, api -> api.getClient(id.toString()));
    }

    /**
     * Changes a client's settings with a JSON merge patch: fields left unset stay as they are, a nullable field set
     * to {@code null} is cleared (e.g. {@code new ApiClientChange().oidcClientId(null)}), others are set. Suspending it
     * ({@code status SUSPENDED}) stops all its keys at once.
     *
     * @param id     the client's id
     * @param change the fields to change
     * @return the client as changed
     * @throws org.epermit.sdk.errors.ConflictException {@code LAST_ADMINISTRATOR} if it would leave no administrator
     *                                                  able to act; {@code CONFLICT} if the Keycloak client id is taken
     */
    @OperationId("updateClient")
    public RegisteredClient updateClient(UUID id, ApiClientChange change) {
        return updateClient(id, change, RequestOptions.none());
    }

    /**
     * Changes a client's settings, with options.
     *
     * @param id      the client's id
     * @param change  the fields to change
     * @param options options for this call
     * @return the client as changed
     */
    @OperationId("updateClient")
    public RegisteredClient updateClient(UUID id, ApiClientChange change, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        return calls.call(options, AdminApi::new, api -> api.updateClient(id.toString(), change));
    }

    /**
     * Deletes a client: all its keys stop at once, and the delegations naming it as their vendor end with it
     * ({@code revocationReason VENDOR_DELETED}).
     *
     * @param id the client's id
     * @throws org.epermit.sdk.errors.ConflictException {@code LAST_ADMINISTRATOR} if it is the last administrator able
     *                                                  to act
     */
    @OperationId("deleteClient")
    public void deleteClient(UUID id) {
        deleteClient(id, RequestOptions.none());
    }

    /**
     * Deletes a client, with options.
     *
     * @param id      the client's id
     * @param options options for this call
     */
    @OperationId("deleteClient")
    public void deleteClient(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        calls.run(options, AdminApi::new, api -> api.deleteClient(id.toString()));
    }

    /**
     * Issues a new key for a client; its previous keys keep working for an overlap period, then stop.
     *
     * @param id the client's id
     * @return the new key, shown only this once, and when the previous keys expire
     */
    @OperationId("rotateClientKey")
    public IssuedApiKey rotateClientKey(UUID id) {
        return rotateClientKey(id, RequestOptions.none());
    }

    /**
     * Issues a new key for a client, with options.
     *
     * @param id      the client's id
     * @param options options for this call
     * @return the new key
     */
    @OperationId("rotateClientKey")
    public IssuedApiKey rotateClientKey(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return calls.call(options, AdminApi::new, api -> api.rotateClientKey(id.toString(), null));
    }

    /**
     * Revokes one key of a client at once.
     *
     * @param id    the client's id
     * @param keyId the key's id (the part after {@code epk_}, as listed in the client's keys)
     */
    @OperationId("revokeClientKey")
    public void revokeClientKey(UUID id, String keyId) {
        revokeClientKey(id, keyId, RequestOptions.none());
    }

    /**
     * Revokes one key of a client, with options.
     *
     * @param id      the client's id
     * @param keyId   the key's id
     * @param options options for this call
     */
    @OperationId("revokeClientKey")
    public void revokeClientKey(UUID id, String keyId, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        calls.run(options, AdminApi::new, api -> api.revokeClientKey(id.toString(), keyId));
    }

    /**
     * Searches the audit log, newest first, fetching pages lazily.
     *
     * @param params the filters
     * @return every matching entry
     */
    @OperationId("listAuditEntries")
    public PagedIterable<AuditEntry> listAuditEntries(AuditSearchParams params) {
        return listAuditEntries(params, RequestOptions.none());
    }

    /**
     * Searches the audit log, with options for each page's request.
     *
     * @param params  the filters
     * @param options options for each page's request
     * @return every matching entry
     */
    @OperationId("listAuditEntries")
    public PagedIterable<AuditEntry> listAuditEntries(AuditSearchParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> listAuditEntriesPage(params, cursor, options));
    }

    /**
     * Fetches one page of an audit log search.
     *
     * @param params  the filters; the same as for the page the cursor came from
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("listAuditEntries")
    public Page<AuditEntry> listAuditEntriesPage(AuditSearchParams params, String cursor, RequestOptions options) {
        AuditPage page = calls.call(options, AdminApi::new, api -> api.listAuditEntries(params.client(),
                params.from(), params.to(), params.path(), params.status(), params.correlationId(), params.resourceType(),
                params.resourceId(), params.limit(), cursor));
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }
}
