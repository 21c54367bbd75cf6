package org.epermit.sdk.service;

import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.Me;

/**
 * The calling client: identity, scopes, roles and plan. A cheap way to check credentials at start-up. Reached through
 * {@link org.epermit.sdk.EPermitClient#me()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Me")
public interface MeService {

    /**
     * Reads who the API takes the caller for.
     *
     * @return the calling client
     * @throws org.epermit.sdk.errors.AuthenticationException {@code UNAUTHENTICATED} without valid credentials
     */
    @OperationId("getMe")
    default Me get() {
        return get(RequestOptions.none());
    }

    /**
     * Reads who the API takes the caller for, with options.
     *
     * @param options options for this call
     * @return the calling client
     */
    @OperationId("getMe")
    Me get(RequestOptions options);
}
