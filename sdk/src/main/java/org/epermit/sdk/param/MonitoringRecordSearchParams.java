package org.epermit.sdk.param;

import java.time.OffsetDateTime;

/**
 * The filters of a monitoring-record listing: a permit's records ({@code listMonitoringRecords}) and their public
 * disclosure ({@code listPublicMonitoringRecords}); all optional, results in time order. Immutable; build with
 * {@link #builder()}.
 */
public final class MonitoringRecordSearchParams {

    private static final MonitoringRecordSearchParams ALL = builder().build();

    private final String outlet;
    private final String pollutant;
    private final OffsetDateTime from;
    private final OffsetDateTime to;
    private final Boolean exceedancesOnly;
    private final Integer limit;

    private MonitoringRecordSearchParams(Builder b) {
        this.outlet = b.outlet;
        this.pollutant = b.pollutant;
        this.from = b.from;
        this.to = b.to;
        this.exceedancesOnly = b.exceedancesOnly;
        this.limit = b.limit;
    }

    /**
     * No filter: every record of the permit.
     *
     * @return the empty search
     */
    public static MonitoringRecordSearchParams all() {
        return ALL;
    }

    /**
     * Starts building a search.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the outlet filter.
     *
     * @return the outlet code, e.g. {@code DA001}, or {@code null}
     */
    public String outlet() {
        return outlet;
    }

    /**
     * Returns the pollutant filter.
     *
     * @return the HJ 212-2017 pollutant code, e.g. {@code a21026}, or {@code null}
     */
    public String pollutant() {
        return pollutant;
    }

    /**
     * Returns the start of the time range.
     *
     * @return records from this time, or {@code null}
     */
    public OffsetDateTime from() {
        return from;
    }

    /**
     * Returns the end of the time range.
     *
     * @return records before this time, or {@code null}
     */
    public OffsetDateTime to() {
        return to;
    }

    /**
     * Returns whether only exceedances are kept.
     *
     * @return {@code true} for exceedances only, or {@code null}
     */
    public Boolean exceedancesOnly() {
        return exceedancesOnly;
    }

    /**
     * Returns the page size.
     *
     * @return items per page, or {@code null} for the API's default
     */
    public Integer limit() {
        return limit;
    }

    /**
     * Describes the filters.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "MonitoringRecordSearchParams[outlet=" + outlet + ", pollutant=" + pollutant + ", from=" + from + ", to="
                + to + ", exceedancesOnly=" + exceedancesOnly + ", limit=" + limit + "]";
    }

    /** Builds {@link MonitoringRecordSearchParams}. */
    public static final class Builder {
        private String outlet;
        private String pollutant;
        private OffsetDateTime from;
        private OffsetDateTime to;
        private Boolean exceedancesOnly;
        private Integer limit;

        private Builder() {
        }

        /**
         * Keeps the records of one outlet.
         *
         * @param outlet the outlet code ({@code DA001}, {@code DW001}), or {@code null} for all
         * @return this builder
         */
        public Builder outlet(String outlet) {
            this.outlet = outlet;
            return this;
        }

        /**
         * Keeps the records of one pollutant.
         *
         * @param pollutant the HJ 212-2017 code ({@code a21026}, {@code w01018}), or {@code null} for all
         * @return this builder
         */
        public Builder pollutant(String pollutant) {
            this.pollutant = pollutant;
            return this;
        }

        /**
         * Keeps the records from a time on.
         *
         * @param from the time, or {@code null}
         * @return this builder
         */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /**
         * Keeps the records before a time.
         *
         * @param to the time, or {@code null}
         * @return this builder
         */
        public Builder to(OffsetDateTime to) {
            this.to = to;
            return this;
        }

        /**
         * Keeps only the records outside the permit's limit.
         *
         * @param exceedancesOnly {@code true} for exceedances only, or {@code null} for every record
         * @return this builder
         */
        public Builder exceedancesOnly(Boolean exceedancesOnly) {
            this.exceedancesOnly = exceedancesOnly;
            return this;
        }

        /**
         * Sets the page size, 1 to 100.
         *
         * @param limit items per page, or {@code null} for the API's default
         * @return this builder
         */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Builds the search.
         *
         * @return the immutable parameters
         */
        public MonitoringRecordSearchParams build() {
            return new MonitoringRecordSearchParams(this);
        }
    }
}
