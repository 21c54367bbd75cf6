package org.epermit.sdk.service;

import java.util.Objects;
import java.util.UUID;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.ApiClient;
import org.epermit.sdk.model.ApiClientChange;
import org.epermit.sdk.model.AuditEntry;
import org.epermit.sdk.model.CreatedApiClient;
import org.epermit.sdk.model.IssuedApiKey;
import org.epermit.sdk.model.NewApiClient;
import org.epermit.sdk.param.AuditSearchParams;
import org.epermit.sdk.param.ListParams;

/**
 * The client registry, API keys and the audit log, for administrators (scope {@code admin}). Reached through
 * {@link org.epermit.sdk.EPermitClient#admin()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Admin")
public interface AdminService {

    /**
     * Lists the registered API clients, fetching pages lazily.
     *
     * @return every client
     */
    @OperationId("listClients")
    default PagedIterable<ApiClient> listClients() {
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
    default PagedIterable<ApiClient> listClients(ListParams params, RequestOptions options) {
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
    Page<ApiClient> listClientsPage(ListParams params, String cursor, RequestOptions options);

    /**
     * Registers an API client and issues its first key. Sent with an {@code Idempotency-Key} (one per call, reused by
     * its retries).
     *
     * @param client name, organisation, roles, scopes and the other settings of the client
     * @return the client and its API key, which is shown only this once: store it now
     */
    @OperationId("createClient")
    default CreatedApiClient createClient(NewApiClient client) {
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
    CreatedApiClient createClient(NewApiClient client, RequestOptions options);

    /**
     * Reads a registered client with its keys (never their secrets).
     *
     * @param id the client's id
     * @return the client
     * @throws org.epermit.sdk.errors.NotFoundException {@code CLIENT_NOT_FOUND}
     */
    @OperationId("getClient")
    default ApiClient getClient(UUID id) {
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
    ApiClient getClient(UUID id, RequestOptions options);

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
    default ApiClient updateClient(UUID id, ApiClientChange change) {
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
    ApiClient updateClient(UUID id, ApiClientChange change, RequestOptions options);

    /**
     * Deletes a client: all its keys stop at once, and the delegations naming it as their vendor end with it
     * ({@code revocationReason VENDOR_DELETED}).
     *
     * @param id the client's id
     * @throws org.epermit.sdk.errors.ConflictException {@code LAST_ADMINISTRATOR} if it is the last administrator able
     *                                                  to act
     */
    @OperationId("deleteClient")
    default void deleteClient(UUID id) {
        deleteClient(id, RequestOptions.none());
    }

    /**
     * Deletes a client, with options.
     *
     * @param id      the client's id
     * @param options options for this call
     */
    @OperationId("deleteClient")
    void deleteClient(UUID id, RequestOptions options);

    /**
     * Issues a new key for a client; its previous keys keep working for an overlap period, then stop.
     *
     * @param id the client's id
     * @return the new key, shown only this once, and when the previous keys expire
     */
    @OperationId("rotateClientKey")
    default IssuedApiKey rotateClientKey(UUID id) {
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
    IssuedApiKey rotateClientKey(UUID id, RequestOptions options);

    /**
     * Revokes one key of a client at once.
     *
     * @param id    the client's id
     * @param keyId the key's id (the part after {@code epk_}, as listed in the client's keys)
     */
    @OperationId("revokeClientKey")
    default void revokeClientKey(UUID id, String keyId) {
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
    void revokeClientKey(UUID id, String keyId, RequestOptions options);

    /**
     * Searches the audit log, newest first, fetching pages lazily.
     *
     * @param params the filters
     * @return every matching entry
     */
    @OperationId("listAuditEntries")
    default PagedIterable<AuditEntry> listAuditEntries(AuditSearchParams params) {
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
    default PagedIterable<AuditEntry> listAuditEntries(AuditSearchParams params, RequestOptions options) {
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
    Page<AuditEntry> listAuditEntriesPage(AuditSearchParams params, String cursor, RequestOptions options);
}
