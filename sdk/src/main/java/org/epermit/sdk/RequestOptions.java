package org.epermit.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Settings for one call that override the client's: timeouts, retries, the idempotency key, extra headers and extra
 * query parameters. Immutable; build with {@link #builder()}, pass as the last argument of any operation.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *         .timeout(Duration.ofSeconds(5))
 *         .header("Accept-Language", "zh")
 *         .build();
 * PublicPermit permit = client.publicPermits().get("91130200699229617X001P", options);
 * }</pre>
 */
public final class RequestOptions {

    private static final RequestOptions NONE = new Builder().build();

    private final Duration timeout;
    private final Duration attemptTimeout;
    private final Integer maxRetries;
    private final String idempotencyKey;
    private final Map<String, String> headers;
    private final List<Map.Entry<String, String>> queryParameters;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.attemptTimeout = b.attemptTimeout;
        this.maxRetries = b.maxRetries;
        this.idempotencyKey = b.idempotencyKey;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.queryParameters = List.copyOf(b.queryParameters);
    }

    /**
     * No overrides: the client's settings apply.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * Starts building options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from these options.
     *
     * @return a new builder with these settings
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.attemptTimeout = attemptTimeout;
        b.maxRetries = maxRetries;
        b.idempotencyKey = idempotencyKey;
        b.headers.putAll(headers);
        b.queryParameters.addAll(queryParameters);
        return b;
    }

    /**
     * Returns the total time this call may take, all attempts and waits included.
     *
     * @return the timeout, if overridden
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Returns the time one HTTP attempt of this call may take.
     *
     * @return the per-attempt timeout, if overridden
     */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(attemptTimeout);
    }

    /**
     * Returns how many times this call may be retried.
     *
     * @return the retry count, if overridden
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * Returns the {@code Idempotency-Key} to send.
     *
     * @return the key, if given
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Returns the extra headers, in the order given.
     *
     * @return an unmodifiable map of header name to value
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * Returns the extra query parameters, in the order given.
     *
     * @return an unmodifiable list of name-value pairs
     */
    public List<Map.Entry<String, String>> queryParameters() {
        return queryParameters;
    }

    /**
     * Describes the options (header values are not shown: they may hold secrets).
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "RequestOptions[timeout=" + timeout + ", attemptTimeout=" + attemptTimeout + ", maxRetries=" + maxRetries
                + ", idempotencyKey=" + idempotencyKey + ", headers=" + headers.keySet() + ", queryParameters="
                + queryParameters + "]";
    }

    /** Builds {@link RequestOptions}. Not thread-safe; the options it builds are. */
    public static final class Builder {
        private Duration timeout;
        private Duration attemptTimeout;
        private Integer maxRetries;
        private String idempotencyKey;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Map.Entry<String, String>> queryParameters = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the total time this call may take, all attempts and the waits between them included.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets the time one HTTP attempt of this call may take (connecting, sending and reading the whole response).
         *
         * @param attemptTimeout a positive duration
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
            return this;
        }

        /**
         * Sets how many times this call may be retried after a retryable failure (0 for no retry).
         *
         * @param maxRetries 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the {@code Idempotency-Key} of this call. Without one, the SDK makes a random key for every POST; give
         * your own to make a call safe to repeat across restarts of your application (e.g. derived from your own
         * record's id). The key is reused for every retry of the call.
         *
         * @param idempotencyKey 1 to 255 printable ASCII characters
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            if (idempotencyKey.isEmpty() || idempotencyKey.length() > 255
                    || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("an idempotency key is 1 to 255 printable ASCII characters without spaces");
            }
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Adds a header to send with this call, replacing one of the same name set earlier on this builder. It is set
         * after the client's own headers, so it can override e.g. {@code Accept-Language}.
         *
         * @param name  the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a query parameter to the call's URL, after the ones the operation sets. A way to send a parameter this
         * SDK version does not know yet; the API rejects unknown and repeated parameters.
         *
         * @param name  the parameter name
         * @param value the parameter value (URL-encoded by the SDK)
         * @return this builder
         */
        public Builder queryParameter(String name, String value) {
            queryParameters.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
