package org.epermit.sdk.param;

import org.epermit.sdk.model.ApplicationStatus;
import org.epermit.sdk.model.ApplicationType;

/**
 * The filters of your own applications' listing ({@code listApplications}); all optional, newest first. Immutable;
 * build with {@link #builder()}.
 */
public final class ApplicationSearchParams {

    private static final ApplicationSearchParams ALL = builder().build();

    private final ApplicationType type;
    private final ApplicationStatus status;
    private final String permitNumber;
    private final Integer limit;

    private ApplicationSearchParams(Builder b) {
        this.type = b.type;
        this.status = b.status;
        this.permitNumber = b.permitNumber;
        this.limit = b.limit;
    }

    /**
     * No filter: all your applications.
     *
     * @return the empty search
     */
    public static ApplicationSearchParams all() {
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
     * Returns the type filter.
     *
     * @return the type, or {@code null}
     */
    public ApplicationType type() {
        return type;
    }

    /**
     * Returns the status filter.
     *
     * @return the status, or {@code null}
     */
    public ApplicationStatus status() {
        return status;
    }

    /**
     * Returns the permit filter.
     *
     * @return the permit number, or {@code null}
     */
    public String permitNumber() {
        return permitNumber;
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
        return "ApplicationSearchParams[type=" + type + ", status=" + status + ", permitNumber=" + permitNumber
                + ", limit=" + limit + "]";
    }

    /** Builds {@link ApplicationSearchParams}. */
    public static final class Builder {
        private ApplicationType type;
        private ApplicationStatus status;
        private String permitNumber;
        private Integer limit;

        private Builder() {
        }

        /**
         * Keeps the applications of one type.
         *
         * @param type the type, or {@code null} for all
         * @return this builder
         * @throws IllegalArgumentException for {@link ApplicationType#UNKNOWN}, which cannot be sent
         */
        public Builder type(ApplicationType type) {
            if (type == ApplicationType.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for an application type this SDK version does not "
                        + "know; it cannot be used as a filter");
            }
            this.type = type;
            return this;
        }

        /**
         * Keeps the applications in one status.
         *
         * @param status the status, or {@code null} for all
         * @return this builder
         * @throws IllegalArgumentException for {@link ApplicationStatus#UNKNOWN}, which cannot be sent
         */
        public Builder status(ApplicationStatus status) {
            if (status == ApplicationStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a status this SDK version does not know; "
                        + "it cannot be used as a filter");
            }
            this.status = status;
            return this;
        }

        /**
         * Keeps the applications on one permit.
         *
         * @param permitNumber the permit number, or {@code null} for all
         * @return this builder
         */
        public Builder permitNumber(String permitNumber) {
            this.permitNumber = permitNumber;
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
         * Builds the search.
         *
         * @return the search
         */
        public ApplicationSearchParams build() {
            return new ApplicationSearchParams(this);
        }
    }
}
