package org.epermit.sdk.internal.service;

import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.ReceiptKeySet;
import org.epermit.sdk.service.ReceiptService;

/** {@link ReceiptService} over the client's transport. */
public final class DefaultReceiptService implements ReceiptService {

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultReceiptService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public ReceiptKeySet keys(RequestOptions options) {
        return transport.call(ApiRequest.get("/v1/receipts/keys"), ReceiptKeySet.class, options);
    }
}
