package org.epermit.sdk.service;

import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiCalls;
import org.epermit.sdk.internal.generated.MeApi;
import org.epermit.sdk.model.Me;

/**
 * The calling client: identity, scopes, roles and plan. A cheap way to check credentials at start-up. Reached through
 * {@link org.epermit.sdk.EPermitClient#me()}.
 */
@ApiTag("Me")
public final class MeService {

    private final ApiCalls calls;

    /**
     * Creates the service; use {@link org.epermit.sdk.EPermitClient#me()} instead.
     *
     * @param calls the client's way to the API
     */
    public MeService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * Reads who the API takes the caller for.
     *
     * @return the calling client
     * @throws org.epermit.sdk.errors.AuthenticationException {@code UNAUTHENTICATED} without valid credentials
     */
    @OperationId("getMe")
    public Me get() {
        return get(RequestOptions.none());
    }

    /**
     * Reads who the API takes the caller for, with options.
     *
     * @param options options for this call
     * @return the calling client
     */
    @OperationId("getMe")
    public Me get(RequestOptions options) {
        return calls.call(options, MeApi::new, MeApi::getMe);
    }
}
