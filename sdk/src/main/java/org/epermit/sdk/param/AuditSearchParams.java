package org.epermit.sdk.param;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The filters of an audit log search ({@code listAuditEntries}); all optional, results newest first. Immutable; build
 * with {@link #builder()}.
 */
public final class AuditSearchParams {

    private static final AuditSearchParams ALL = builder().build();

    private final UUID client;
    private final OffsetDateTime from;
    private final OffsetDateTime to;
    private final String path;
    private final Integer status;
    private final String correlationId;
    private final String resourceType;
    private final String resourceId;
    private final Integer limit;

    private AuditSearchParams(Builder b) {
        this.client = b.client;
        this.from = b.from;
        this.to = b.to;
        this.path = b.path;
        this.status = b.status;
        this.correlationId = b.correlationId;
        this.resourceType = b.resourceType;
        this.resourceId = b.resourceId;
        this.limit = b.limit;
    }

    /**
     * No filter: the whole audit log.
     *
     * @return the empty search
     */
    public static AuditSearchParams all() {
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
     * Returns the client filter.
     *
     * @return the calling client's id, or {@code null}
     */
    public UUID client() {
        return client;
    }

    /**
     * Returns the start of the time range.
     *
     * @return entries at or after this time, or {@code null}
     */
    public OffsetDateTime from() {
        return from;
    }

    /**
     * Returns the end of the time range.
     *
     * @return entries before this time, or {@code null}
     */
    public OffsetDateTime to() {
        return to;
    }

    /**
     * Returns the route filter.
     *
     * @return the route template, e.g. {@code /v1/permits/{permitNumber}}, or {@code null}
     */
    public String path() {
        return path;
    }

    /**
     * Returns the HTTP status filter.
     *
     * @return the status, or {@code null}
     */
    public Integer status() {
        return status;
    }

    /**
     * Returns the correlation id filter.
     *
     * @return the caller's own request id (sent in {@code X-Correlation-Id} or {@code X-Request-Id}), or {@code null}
     */
    public String correlationId() {
        return correlationId;
    }

    /**
     * Returns the resource type filter.
     *
     * @return {@code client}, {@code api_key} or {@code delegation}, or {@code null}
     */
    public String resourceType() {
        return resourceType;
    }

    /**
     * Returns the resource id filter.
     *
     * @return the id of the resource writes acted on, or {@code null}
     */
    public String resourceId() {
        return resourceId;
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
        return "AuditSearchParams[client=" + client + ", from=" + from + ", to=" + to + ", path=" + path + ", status="
                + status + ", correlationId=" + correlationId + ", resourceType=" + resourceType + ", resourceId="
                + resourceId + ", limit=" + limit + "]";
    }

    /** Builds {@link AuditSearchParams}. */
    public static final class Builder {
        private UUID client;
        private OffsetDateTime from;
        private OffsetDateTime to;
        private String path;
        private Integer status;
        private String correlationId;
        private String resourceType;
        private String resourceId;
        private Integer limit;

        private Builder() {
        }

        /**
         * Keeps the entries of one calling client.
         *
         * @param client the client's id, or {@code null} for all
         * @return this builder
         */
        public Builder client(UUID client) {
            this.client = client;
            return this;
        }

        /**
         * Keeps the entries at or after a time.
         *
         * @param from the time, or {@code null}
         * @return this builder
         */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /**
         * Keeps the entries before a time.
         *
         * @param to the time, or {@code null}
         * @return this builder
         */
        public Builder to(OffsetDateTime to) {
            this.to = to;
            return this;
        }

        /**
         * Keeps the entries of one route template, e.g. {@code /v1/permits/{permitNumber}}.
         *
         * @param path the route template, or {@code null}
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Keeps the entries with one HTTP status.
         *
         * @param status the status, or {@code null}
         * @return this builder
         */
        public Builder status(Integer status) {
            this.status = status;
            return this;
        }

        /**
         * Keeps the entries of the requests a caller sent with its own id ({@code X-Correlation-Id}).
         *
         * @param correlationId the caller's id, or {@code null}
         * @return this builder
         */
        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /**
         * Keeps the writes that acted on one type of resource.
         *
         * @param resourceType {@code client}, {@code api_key} or {@code delegation}, or {@code null}
         * @return this builder
         */
        public Builder resourceType(String resourceType) {
            this.resourceType = resourceType;
            return this;
        }

        /**
         * Keeps the writes that acted on one resource, e.g. a delegation's id.
         *
         * @param resourceId the resource's id, or {@code null}
         * @return this builder
         */
        public Builder resourceId(String resourceId) {
            this.resourceId = resourceId;
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
        public AuditSearchParams build() {
            return new AuditSearchParams(this);
        }
    }
}
