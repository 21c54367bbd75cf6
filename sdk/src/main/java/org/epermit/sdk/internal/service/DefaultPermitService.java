package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.PermitFull;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PermitSummaryPage;
import org.epermit.sdk.param.PermitSearchParams;
import org.epermit.sdk.service.PermitService;

/** {@link PermitService} over the client's transport. */
public final class DefaultPermitService implements PermitService {

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the API's lookup checks, in the client's language)
     */
    public DefaultPermitService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public Page<PermitSummary> searchPage(PermitSearchParams params, String cursor, RequestOptions options) {
        PermitSummaryPage page = transport.call(DefaultPublicPermitService.search("/v1/permits", params, cursor),
                PermitSummaryPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    @Override
    public PermitFull get(String permitNumber, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        return transport.call(ApiRequest.get("/v1/permits/{permitNumber}", number), PermitFull.class, options);
    }
}
