package org.epermit.sdk.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiCalls;
import org.epermit.sdk.internal.generated.ReferenceDataApi;
import org.epermit.sdk.model.Industry;
import org.epermit.sdk.model.Pollutant;
import org.epermit.sdk.model.Region;

/**
 * The code lists permits are written in: pollutants (HJ 212-2017), industries (GB/T 4754-2017) and regions
 * (GB/T 2260). They change rarely: read them once and keep them. Reached through
 * {@link org.epermit.sdk.EPermitClient#reference()}.
 */
@ApiTag("Reference data")
public final class ReferenceService {

    private final ApiCalls calls;

    /**
     * Creates the service; use {@link org.epermit.sdk.EPermitClient#reference()} instead.
     *
     * @param calls the client's way to the API
     */
    public ReferenceService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /**
     * Lists pollutants and flow parameters with their HJ 212-2017 codes and units.
     *
     * @return every pollutant
     */
    @OperationId("listPollutants")
    public List<Pollutant> pollutants() {
        return pollutants(RequestOptions.none());
    }

    /**
     * Lists pollutants, with options.
     *
     * @param options options for this call
     * @return every pollutant
     */
    @OperationId("listPollutants")
    public List<Pollutant> pollutants(RequestOptions options) {
        return orEmpty(calls.call(options, ReferenceDataApi::new, ReferenceDataApi::listPollutants).getItems());
    }

    /**
     * Lists GB/T 4754-2017 divisions, groups and classes used by permits.
     *
     * @return every industry
     */
    @OperationId("listIndustries")
    public List<Industry> industries() {
        return industries(RequestOptions.none());
    }

    /**
     * Lists industries, with options.
     *
     * @param options options for this call
     * @return every industry
     */
    @OperationId("listIndustries")
    public List<Industry> industries(RequestOptions options) {
        return orEmpty(calls.call(options, ReferenceDataApi::new, ReferenceDataApi::listIndustries).getItems());
    }

    /**
     * Lists GB/T 2260 provinces, cities and counties, each with its parent.
     *
     * @return every region
     */
    @OperationId("listRegions")
    public List<Region> regions() {
        return regions(RequestOptions.none());
    }

    /**
     * Lists regions, with options.
     *
     * @param options options for this call
     * @return every region
     */
    @OperationId("listRegions")
    public List<Region> regions(RequestOptions options) {
        return orEmpty(calls.call(options, ReferenceDataApi::new, ReferenceDataApi::listRegions).getItems());
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
