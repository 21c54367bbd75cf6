package org.epermit.sdk.param;

import org.epermit.sdk.model.ReportType;

/**
 * The filters of an execution-report listing: a permit's reports ({@code listPermitExecutionReports}) and their public
 * summaries ({@code listPublicExecutionReports}); all optional, results in period order. Immutable; build with
 * {@link #builder()}.
 */
public final class ExecutionReportSearchParams {

    private static final ExecutionReportSearchParams ALL = builder().build();

    private final ReportType type;
    private final Integer year;
    private final String status;
    private final Integer limit;

    private ExecutionReportSearchParams(Builder b) {
        this.type = b.type;
        this.year = b.year;
        this.status = b.status;
        this.limit = b.limit;
    }

    /**
     * No filter: every report of the permit.
     *
     * @return the empty search
     */
    public static ExecutionReportSearchParams all() {
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
     * Returns the report type filter.
     *
     * @return the type, or {@code null}
     */
    public ReportType type() {
        return type;
    }

    /**
     * Returns the year filter.
     *
     * @return the year the reports' periods end in, or {@code null}
     */
    public Integer year() {
        return year;
    }

    /**
     * Returns the status filter.
     *
     * @return {@code SUBMITTED}, {@code ACCEPTED} or {@code RETURNED}, or {@code null}
     */
    public String status() {
        return status;
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
        return "ExecutionReportSearchParams[type=" + type + ", year=" + year + ", status=" + status + ", limit=" + limit
                + "]";
    }

    /** Builds {@link ExecutionReportSearchParams}. */
    public static final class Builder {
        private ReportType type;
        private Integer year;
        private String status;
        private Integer limit;

        private Builder() {
        }

        /**
         * Keeps the reports of one type.
         *
         * @param type {@code ANNUAL}, {@code SEMIANNUAL}, {@code QUARTERLY} or {@code MONTHLY}, or {@code null} for all
         * @return this builder
         * @throws IllegalArgumentException for {@link ReportType#UNKNOWN}, which cannot be sent
         */
        public Builder type(ReportType type) {
            if (type == ReportType.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a report type this SDK version does not know; "
                        + "it cannot be used as a filter");
            }
            this.type = type;
            return this;
        }

        /**
         * Keeps the reports whose period ends in a year (2000 to 2100).
         *
         * @param year the year, or {@code null} for all
         * @return this builder
         */
        public Builder year(Integer year) {
            this.year = year;
            return this;
        }

        /**
         * Keeps the reports in one review status.
         *
         * @param status {@code SUBMITTED} (not reviewed yet), {@code ACCEPTED} or {@code RETURNED}, or {@code null}
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the page size, 1 to 100. Affects how many items each request fetches, not how many an auto-paging
         * iteration returns.
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
        public ExecutionReportSearchParams build() {
            return new ExecutionReportSearchParams(this);
        }
    }
}
