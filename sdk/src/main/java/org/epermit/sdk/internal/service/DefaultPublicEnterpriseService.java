package org.epermit.sdk.internal.service;

import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.codes.CreditCode;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.PublicEnterprise;
import org.epermit.sdk.service.PublicEnterpriseService;

/** {@link PublicEnterpriseService} over the client's transport. */
public final class DefaultPublicEnterpriseService implements PublicEnterpriseService {

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultPublicEnterpriseService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public PublicEnterprise get(String creditCode, RequestOptions options) {
        String code = CreditCode.parse(creditCode, "path.creditCode").value();
        return transport.call(ApiRequest.get("/v1/public/enterprises/{creditCode}", code), PublicEnterprise.class,
                options);
    }
}
