package org.epermit.sdk.internal.service;

import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.Me;
import org.epermit.sdk.service.MeService;

/** {@link MeService} over the client's transport. */
public final class DefaultMeService implements MeService {

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultMeService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public Me get(RequestOptions options) {
        return transport.call(ApiRequest.get("/v1/me"), Me.class, options);
    }
}
