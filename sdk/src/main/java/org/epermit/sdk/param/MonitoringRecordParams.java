package org.epermit.sdk.param;

import java.time.OffsetDateTime;

/**
 * The filters and page size of a monitoring-record listing. Immutable; build with {@link #builder()}.
 */
public final class MonitoringRecordParams {

    private static final MonitoringRecordParams DEFAULTS = builder().build();

    private final String outlet;
    private final String pollutant;
    private final OffsetDateTime from;
    private final OffsetDateTime to;
    private final Boolean exceedancesOnly;
    private final Integer limit;

    private MonitoringRecordParams(Builder b) {
        this.outlet = b.outlet;
        this.pollutant = b.pollutant;
        this.from = b.from;
        this.to = b.to;
        this.exceedancesOnly = b.exceedancesOnly;
        this.limit = b.limit;
    }

    /**
     * No filter, the API's default page size.
     *
     * @return the default parameters
     */
    public static MonitoringRecordParams defaults() {
        return DEFAULTS;
    }

    /**
     * Starts building parameters.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the outlet filter.
     *
     * @return the outlet code, or {@code null}
     */
    public String outlet() {
        return outlet;
    }

    /**
     * Returns the pollutant filter.
     *
     * @return the HJ 212 pollutant code, or {@code null}
     */
    public String pollutant() {
        return pollutant;
    }

    /**
     * Returns the earliest window start.
     *
     * @return the time, or {@code null}
     */
    public OffsetDateTime from() {
        return from;
    }

    /**
     * Returns the time before which windows start.
     *
     * @return the time, or {@code null}
     */
    public OffsetDateTime to() {
        return to;
    }

    /**
     * Returns whether only exceedances are listed.
     *
     * @return {@code true} for exceedances only, or {@code null} for all
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
     * Describes the parameters.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "MonitoringRecordParams[outlet=" + outlet + ", pollutant=" + pollutant + ", from=" + from + ", to=" + to
                + ", exceedancesOnly=" + exceedancesOnly + ", limit=" + limit + "]";
    }

    /** Builds {@link MonitoringRecordParams}. */
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
         * Only the records of one outlet.
         *
         * @param outlet the outlet code, such as {@code DA001}
         * @return this builder
         */
        public Builder outlet(String outlet) {
            this.outlet = outlet;
            return this;
        }

        /**
         * Only the records of one pollutant.
         *
         * @param pollutant the HJ 212-2017 code, such as {@code a21026}
         * @return this builder
         */
        public Builder pollutant(String pollutant) {
            this.pollutant = pollutant;
            return this;
        }

        /**
         * Only records whose window starts at or after this time.
         *
         * @param from the time
         * @return this builder
         */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /**
         * Only records whose window starts before this time.
         *
         * @param to the time
         * @return this builder
         */
        public Builder to(OffsetDateTime to) {
            this.to = to;
            return this;
        }

        /**
         * Only the records marked as exceedances.
         *
         * @param exceedancesOnly {@code true} for exceedances only
         * @return this builder
         */
        public Builder exceedancesOnly(Boolean exceedancesOnly) {
            this.exceedancesOnly = exceedancesOnly;
            return this;
        }

        /**
         * Sets the page size: 1 to 100 today.
         *
         * @param limit items per page, or {@code null} for the API's default
         * @return this builder
         */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the immutable parameters
         */
        public MonitoringRecordParams build() {
            return new MonitoringRecordParams(this);
        }
    }
}
