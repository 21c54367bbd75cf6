package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.Industry;
import org.epermit.sdk.model.IndustryList;
import org.epermit.sdk.model.Pollutant;
import org.epermit.sdk.model.PollutantList;
import org.epermit.sdk.model.Region;
import org.epermit.sdk.model.RegionList;
import org.epermit.sdk.service.ReferenceService;

/** {@link ReferenceService} over the client's transport. */
public final class DefaultReferenceService implements ReferenceService {

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultReferenceService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public List<Pollutant> pollutants(RequestOptions options) {
        return orEmpty(transport.call(ApiRequest.get("/v1/reference/pollutants"), PollutantList.class, options)
                .getItems());
    }

    @Override
    public List<Industry> industries(RequestOptions options) {
        return orEmpty(transport.call(ApiRequest.get("/v1/reference/industries"), IndustryList.class, options)
                .getItems());
    }

    @Override
    public List<Region> regions(RequestOptions options) {
        return orEmpty(transport.call(ApiRequest.get("/v1/reference/regions"), RegionList.class, options).getItems());
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
