package org.epermit.sdk.param;

import java.time.LocalDate;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitStatus;

/**
 * The filters of a public permit search ({@code searchPublicPermits}). All are optional and combine with AND; results
 * are ordered by permit number. Immutable; build with {@link #builder()}.
 *
 * <p>The SDK does not check the values' ranges and formats itself (the API does, and names every failing parameter in
 * a {@link org.epermit.sdk.errors.ValidationException}), so that limits the API may relax never need an SDK update.
 */
public final class PermitSearchParams {

    private static final PermitSearchParams ALL = builder().build();

    private final String q;
    private final String region;
    private final String industry;
    private final PermitCategory category;
    private final PermitStatus status;
    private final LocalDate expiringBefore;
    private final Boolean dueForRenewal;
    private final Integer limit;

    private PermitSearchParams(Builder b) {
        this.q = b.q;
        this.region = b.region;
        this.industry = b.industry;
        this.category = b.category;
        this.status = b.status;
        this.expiringBefore = b.expiringBefore;
        this.dueForRenewal = b.dueForRenewal;
        this.limit = b.limit;
    }

    /**
     * No filter: every public permit.
     *
     * @return the empty search
     */
    public static PermitSearchParams all() {
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
     * Returns a builder that starts from these filters.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().q(q).region(region).industry(industry).category(category).status(status)
                .expiringBefore(expiringBefore).dueForRenewal(dueForRenewal).limit(limit);
    }

    /**
     * Returns the text searched for.
     *
     * @return enterprise name substring or permit number / credit code prefix, or {@code null}
     */
    public String q() {
        return q;
    }

    /**
     * Returns the region code prefix.
     *
     * @return the GB/T 2260 prefix, or {@code null}
     */
    public String region() {
        return region;
    }

    /**
     * Returns the industry code prefix.
     *
     * @return the GB/T 4754 prefix, or {@code null}
     */
    public String industry() {
        return industry;
    }

    /**
     * Returns the management category.
     *
     * @return the category, or {@code null}
     */
    public PermitCategory category() {
        return category;
    }

    /**
     * Returns the permit status.
     *
     * @return the status, or {@code null}
     */
    public PermitStatus status() {
        return status;
    }

    /**
     * Returns the expiry bound.
     *
     * @return only permits whose validity ends before this date, or {@code null}
     */
    public LocalDate expiringBefore() {
        return expiringBefore;
    }

    /**
     * Returns the due-for-renewal filter.
     *
     * @return {@code true} for only permits due for renewal, {@code false} for only the others, {@code null} for both
     */
    public Boolean dueForRenewal() {
        return dueForRenewal;
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
        return "PermitSearchParams[q=" + q + ", region=" + region + ", industry=" + industry + ", category=" + category
                + ", status=" + status + ", expiringBefore=" + expiringBefore + ", dueForRenewal=" + dueForRenewal
                + ", limit=" + limit + "]";
    }

    /** Builds {@link PermitSearchParams}. Not thread-safe; what it builds is. */
    public static final class Builder {
        private String q;
        private String region;
        private String industry;
        private PermitCategory category;
        private PermitStatus status;
        private LocalDate expiringBefore;
        private Boolean dueForRenewal;
        private Integer limit;

        private Builder() {
        }

        /**
         * Searches enterprise names (any substring, e.g. {@code 热电}), or permit numbers and credit codes by prefix.
         *
         * @param q the text, or {@code null} for none
         * @return this builder
         */
        public Builder q(String q) {
            this.q = q;
            return this;
        }

        /**
         * Filters by the site's GB/T 2260 region: province (2 digits), city (4) or county (6), e.g. {@code 4403}.
         *
         * @param region the region code prefix, or {@code null} for none
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Filters by GB/T 4754-2017 industry code prefix, 1 to 4 digits, e.g. {@code 44}.
         *
         * @param industry the industry code prefix, or {@code null} for none
         * @return this builder
         */
        public Builder industry(String industry) {
            this.industry = industry;
            return this;
        }

        /**
         * Filters by management category.
         *
         * @param category the category, or {@code null} for any
         * @return this builder
         */
        public Builder category(PermitCategory category) {
            this.category = known(category, PermitCategory.UNKNOWN, "category");
            return this;
        }

        /**
         * Filters by permit status.
         *
         * @param status the status, or {@code null} for any
         * @return this builder
         */
        public Builder status(PermitStatus status) {
            this.status = known(status, PermitStatus.UNKNOWN, "status");
            return this;
        }

        /**
         * Keeps only permits whose validity ends before this date.
         *
         * @param expiringBefore the date, or {@code null} for none
         * @return this builder
         */
        public Builder expiringBefore(LocalDate expiringBefore) {
            this.expiringBefore = expiringBefore;
            return this;
        }

        /**
         * Keeps only the permits due for renewal ({@code true}): VALID, and their validity ends within the service's
         * renewal lead from today (90 days; 20 for registration receipts), the {@code dueForRenewal} of each result.
         * {@code false} keeps only the others.
         *
         * @param dueForRenewal the filter, or {@code null} for none
         * @return this builder
         */
        public Builder dueForRenewal(Boolean dueForRenewal) {
            this.dueForRenewal = dueForRenewal;
            return this;
        }

        /**
         * Sets the page size: 1 to 100 today (the API's default is 20). Affects how many items each request fetches,
         * not how many an auto-paging iteration returns.
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
        public PermitSearchParams build() {
            return new PermitSearchParams(this);
        }

        private static <E extends Enum<E>> E known(E value, E unknown, String name) {
            if (value != null && value == unknown) {
                throw new IllegalArgumentException(name + " " + value.name() + " stands for values this SDK version does not "
                        + "know; it cannot be sent");
            }
            return value;
        }
    }
}
