package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.Delegation;
import org.epermit.sdk.model.DelegationPage;
import org.epermit.sdk.model.NewDelegation;
import org.epermit.sdk.param.ListParams;
import org.epermit.sdk.service.DelegationService;

/** {@link DelegationService} over the client's transport. */
public final class DefaultDelegationService implements DelegationService {

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultDelegationService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public Page<Delegation> listPage(ListParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        DelegationPage page = transport.call(ApiRequest.get("/v1/delegations").query("limit", params.limit())
                .query("cursor", cursor), DelegationPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public Delegation create(NewDelegation delegation, RequestOptions options) {
        Objects.requireNonNull(delegation, "delegation");
        return transport.call(ApiRequest.post("/v1/delegations").json(delegation), Delegation.class, options);
    }

    @Override
    public Delegation get(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return transport.call(ApiRequest.get("/v1/delegations/{id}", id), Delegation.class, options);
    }

    @Override
    public void revoke(UUID id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        transport.run(ApiRequest.delete("/v1/delegations/{id}", id), options);
    }
}
