package org.epermit.sdk.param;

import org.epermit.sdk.model.ApplicationType;
import org.epermit.sdk.model.ReportType;
import org.epermit.sdk.model.ReviewKind;

/**
 * The filters of the review queue ({@code getReviewQueue}); all optional, oldest first. Immutable; build with
 * {@link #builder()}.
 */
public final class ReviewQueueParams {

    private static final ReviewQueueParams ALL = builder().build();

    private final ReviewKind kind;
    private final String type;
    private final String category;
    private final String region;
    private final Boolean overdue;
    private final Integer limit;

    private ReviewQueueParams(Builder b) {
        this.kind = b.kind;
        this.type = b.type;
        this.category = b.category;
        this.region = b.region;
        this.overdue = b.overdue;
        this.limit = b.limit;
    }

    /**
     * No filter: everything waiting in your region.
     *
     * @return the empty filter
     */
    public static ReviewQueueParams all() {
        return ALL;
    }

    /**
     * Starts building a filter.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the kind filter.
     *
     * @return applications or execution reports, or {@code null}
     */
    public ReviewKind kind() {
        return kind;
    }

    /**
     * Returns the type filter.
     *
     * @return an application type or report type name, or {@code null}
     */
    public String type() {
        return type;
    }

    /**
     * Returns the management category filter.
     *
     * @return KEY, SIMPLIFIED or REGISTRATION, or {@code null}
     */
    public String category() {
        return category;
    }

    /**
     * Returns the region filter.
     *
     * @return a GB/T 2260 prefix within your region, or {@code null}
     */
    public String region() {
        return region;
    }

    /**
     * Returns the overdue filter.
     *
     * @return only overdue items ({@code true}), only those in time ({@code false}), or {@code null} for both
     */
    public Boolean overdue() {
        return overdue;
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
        return "ReviewQueueParams[kind=" + kind + ", type=" + type + ", category=" + category + ", region=" + region
                + ", overdue=" + overdue + ", limit=" + limit + "]";
    }

    /** Builds {@link ReviewQueueParams}. */
    public static final class Builder {
        private ReviewKind kind;
        private String type;
        private String category;
        private String region;
        private Boolean overdue;
        private Integer limit;

        private Builder() {
        }

        /**
         * Keeps applications only, or execution reports only.
         *
         * @param kind the kind, or {@code null} for both
         * @return this builder
         * @throws IllegalArgumentException for {@link ReviewKind#UNKNOWN}, which cannot be sent
         */
        public Builder kind(ReviewKind kind) {
            if (kind == ReviewKind.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a kind this SDK version does not know; it cannot be used as a filter");
            }
            this.kind = kind;
            return this;
        }

        /**
         * Keeps the applications of one type.
         *
         * @param type the application type, or {@code null} for all
         * @return this builder
         * @throws IllegalArgumentException for {@link ApplicationType#UNKNOWN}, which cannot be sent
         */
        public Builder applicationType(ApplicationType type) {
            if (type == ApplicationType.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for an application type this SDK version does not know; "
                        + "it cannot be used as a filter");
            }
            this.type = type == null ? null : type.getValue();
            return this;
        }

        /**
         * Keeps the execution reports of one type.
         *
         * @param type the report type, or {@code null} for all
         * @return this builder
         * @throws IllegalArgumentException for {@link ReportType#UNKNOWN}, which cannot be sent
         */
        public Builder reportType(ReportType type) {
            if (type == ReportType.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a report type this SDK version does not know; "
                        + "it cannot be used as a filter");
            }
            this.type = type == null ? null : type.getValue();
            return this;
        }

        /**
         * Keeps the items of one management category.
         *
         * @param category KEY, SIMPLIFIED or REGISTRATION, or {@code null} for all
         * @return this builder
         */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /**
         * Keeps one part of your region.
         *
         * @param region a GB/T 2260 prefix of 2, 4 or 6 digits within your region, or {@code null} for all of it
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Keeps only overdue items, or only those still in time.
         *
         * @param overdue {@code true}, {@code false}, or {@code null} for both
         * @return this builder
         */
        public Builder overdue(Boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        /**
         * Sets the page size (1 to 100).
         *
         * @param limit items per page, or {@code null} for the API's default
         * @return this builder
         */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Builds the filter.
         *
         * @return the filter
         */
        public ReviewQueueParams build() {
            return new ReviewQueueParams(this);
        }
    }
}
