package org.epermit.sdk.internal.service;

import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.PublicEnterprise;
import org.epermit.sdk.service.PublicEnterpriseService;

/** {@link PublicEnterpriseService} over the client's transport. */
public final class DefaultPublicEnterpriseService implements PublicEnterpriseService {

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the language of their messages)
     */
    public DefaultPublicEnterpriseService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public PublicEnterprise get(String creditCode, RequestOptions options) {
        String code = checks.creditCode(creditCode);
        return transport.call(ApiRequest.get("/v1/public/enterprises/{creditCode}", code), PublicEnterprise.class,
                options);
    }
}
