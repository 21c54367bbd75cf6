package org.epermit.sdk.internal.service;

import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.RegistrationBody;
import org.epermit.sdk.model.RegistrationChange;
import org.epermit.sdk.model.RegistrationReceipt;
import org.epermit.sdk.model.RegistrationRenewal;
import org.epermit.sdk.service.RegistrationService;

/** {@link RegistrationService} over the client's transport. */
public final class DefaultRegistrationService implements RegistrationService {

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the API's lookup checks, in the client's language)
     */
    public DefaultRegistrationService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public RegistrationReceipt register(RegistrationBody body, RequestOptions options) {
        Objects.requireNonNull(body, "body");
        return transport.call(ApiRequest.post("/v1/registrations").json(body), RegistrationReceipt.class, options);
    }

    @Override
    public RegistrationReceipt renew(String permitNumber, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.post("/v1/registrations/{permitNumber}/renewal", number)
                .json(new RegistrationRenewal().truthful(true)), RegistrationReceipt.class, options);
    }

    @Override
    public RegistrationReceipt change(String permitNumber, RegistrationChange change, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(change, "change");
        return transport.call(ApiRequest.post("/v1/registrations/{permitNumber}/change", number).json(change),
                RegistrationReceipt.class, options);
    }
}
