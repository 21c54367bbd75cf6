package org.epermit.sdk.service;

import java.util.List;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.Industry;
import org.epermit.sdk.model.Pollutant;
import org.epermit.sdk.model.Region;

/**
 * The code lists permits are written in: pollutants (HJ 212-2017), industries (GB/T 4754-2017) and regions
 * (GB/T 2260). They change rarely: read them once and keep them. Reached through
 * {@link org.epermit.sdk.EPermitClient#reference()}.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Reference data")
public interface ReferenceService {

    /**
     * Lists pollutants and flow parameters with their HJ 212-2017 codes and units.
     *
     * @return every pollutant
     */
    @OperationId("listPollutants")
    default List<Pollutant> pollutants() {
        return pollutants(RequestOptions.none());
    }

    /**
     * Lists pollutants, with options.
     *
     * @param options options for this call
     * @return every pollutant
     */
    @OperationId("listPollutants")
    List<Pollutant> pollutants(RequestOptions options);

    /**
     * Lists GB/T 4754-2017 divisions, groups and classes used by permits.
     *
     * @return every industry
     */
    @OperationId("listIndustries")
    default List<Industry> industries() {
        return industries(RequestOptions.none());
    }

    /**
     * Lists industries, with options.
     *
     * @param options options for this call
     * @return every industry
     */
    @OperationId("listIndustries")
    List<Industry> industries(RequestOptions options);

    /**
     * Lists GB/T 2260 provinces, cities and counties, each with its parent.
     *
     * @return every region
     */
    @OperationId("listRegions")
    default List<Region> regions() {
        return regions(RequestOptions.none());
    }

    /**
     * Lists regions, with options.
     *
     * @param options options for this call
     * @return every region
     */
    @OperationId("listRegions")
    List<Region> regions(RequestOptions options);
}
