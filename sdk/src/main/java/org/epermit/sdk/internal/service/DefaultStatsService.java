package org.epermit.sdk.internal.service;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.EmissionStatistics;
import org.epermit.sdk.model.PermitStatistics;
import org.epermit.sdk.param.StatsParams;
import org.epermit.sdk.service.StatsService;

/** {@link StatsService} over the client's transport. */
public final class DefaultStatsService implements StatsService {

    private static final String CSV = "text/csv";

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultStatsService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public PermitStatistics permits(StatsParams params, RequestOptions options) {
        return transport.call(permitsRequest(params), PermitStatistics.class, options);
    }

    @Override
    public String permitsCsv(StatsParams params, RequestOptions options) {
        return new String(transport.bytes(permitsRequest(params), CSV, options), StandardCharsets.UTF_8);
    }

    @Override
    public EmissionStatistics emissions(int year, StatsParams params, RequestOptions options) {
        return transport.call(emissionsRequest(year, params), EmissionStatistics.class, options);
    }

    @Override
    public String emissionsCsv(int year, StatsParams params, RequestOptions options) {
        return new String(transport.bytes(emissionsRequest(year, params), CSV, options), StandardCharsets.UTF_8);
    }

    private static ApiRequest permitsRequest(StatsParams params) {
        return grouped(ApiRequest.get("/v1/stats/permits"), params).query("status", params.status());
    }

    private static ApiRequest emissionsRequest(int year, StatsParams params) {
        if (params.status() != null) {
            throw new IllegalArgumentException("emissions are not filtered by permit status");
        }
        return grouped(ApiRequest.get("/v1/stats/emissions").query("year", year), params).query("pollutant", params.pollutant());
    }

    private static ApiRequest grouped(ApiRequest request, StatsParams params) {
        Objects.requireNonNull(params, "params");
        return request.query("groupBy", params.groupBy()).query("industryLevel", params.industryLevel())
                .query("region", params.region()).query("industry", params.industry()).query("category", params.category());
    }
}
