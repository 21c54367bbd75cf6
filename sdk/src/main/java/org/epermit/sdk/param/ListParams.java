package org.epermit.sdk.param;

/**
 * The parameters of a plain listing (API clients, delegations): only the page size. Immutable; build with
 * {@link #builder()}.
 */
public final class ListParams {

    private static final ListParams DEFAULTS = builder().build();

    private final Integer limit;

    private ListParams(Builder b) {
        this.limit = b.limit;
    }

    /**
     * The API's default page size.
     *
     * @return the default parameters
     */
    public static ListParams defaults() {
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
        return "ListParams[limit=" + limit + "]";
    }

    /** Builds {@link ListParams}. */
    public static final class Builder {
        private Integer limit;

        private Builder() {
        }

        /**
         * Sets the page size: 1 to 100 today. Affects how many items each request fetches, not how many an
         * auto-paging iteration returns.
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
        public ListParams build() {
            return new ListParams(this);
        }
    }
}
