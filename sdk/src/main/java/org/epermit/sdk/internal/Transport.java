package org.epermit.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.Sleeper;
import org.epermit.sdk.errors.CallTimeoutException;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.errors.ServerException;
import org.epermit.sdk.errors.UnexpectedResponseException;

/**
 * The SDK's way to the API. Sends one call's request until it succeeds or must fail: adds the client's headers and credentials, retries
 * connection failures and 429/502/503/504 answers with backoff (or after {@code Retry-After}), keeps one
 * {@code Idempotency-Key} across all attempts of a POST, bounds every attempt and the whole call in time, makes GETs
 * conditional when the client keeps responses ({@link ETagCache}), and turns the final failure into a typed exception.
 * The services describe each operation as an {@link ApiRequest} and {@link #call} turns it into HTTP and the answer
 * into a model. One instance serves a whole client; it is immutable and thread-safe.
 */
public final class Transport {

    /** The header carrying the idempotency key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final String PROBLEM = "application/problem+json";
    private static final String ACCEPT = "application/json, " + PROBLEM;

    private final HttpClient http;
    private final ObjectMapper json;
    private final String baseUrl;
    private final Settings settings;
    private final Authenticator authenticator;
    private final ErrorMapper errors;
    private final ETagCache etags;

    /**
     * Everything the transport needs besides the HTTP client and the credentials.
     *
     * @param baseUrl         the API's base URL, which the operations' paths are appended to
     * @param headers         headers sent on every request (User-Agent, Accept-Language), before the call's own
     * @param timeout         default total time of a call
     * @param attemptTimeout  default time of one attempt
     * @param retry           the retry policy (its {@code maxRetries} is the default of a call)
     * @param clock           the time source for deadlines and {@code Retry-After} dates
     * @param sleeper         waits between attempts
     * @param idempotencyKeys makes a new key for a POST that has none
     */
    public record Settings(URI baseUrl, Map<String, String> headers, Duration timeout, Duration attemptTimeout, RetryPolicy retry,
                           Clock clock, Sleeper sleeper, Supplier<String> idempotencyKeys) {

        /**
         * Checks the values and copies the headers.
         *
         * @param baseUrl the base URL
         * @param headers the default headers
         * @param timeout the default call timeout
         * @param attemptTimeout the default attempt timeout
         * @param retry the retry policy
         * @param clock the clock
         * @param sleeper the sleeper
         * @param idempotencyKeys the key maker
         */
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(attemptTimeout, "attemptTimeout");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        }

        /**
         * The default way to make idempotency keys: random UUIDs.
         *
         * @return a supplier of new keys
         */
        public static Supplier<String> randomKeys() {
            return () -> UUID.randomUUID().toString();
        }
    }

    /**
     * Creates the transport.
     *
     * @param http          the HTTP client (shared, thread-safe)
     * @param json          writes request bodies, reads responses and problem documents ({@link Json#newMapper()})
     * @param authenticator puts credentials on requests
     * @param settings      base URL, headers, timeouts, retries, clock and sleeper
     */
    public Transport(HttpClient http, ObjectMapper json, Authenticator authenticator, Settings settings) {
        this(http, json, authenticator, settings, ETagCache.DISABLED);
    }

    /**
     * Creates the transport with conditional GETs.
     *
     * @param http          the HTTP client (shared, thread-safe)
     * @param json          writes request bodies, reads responses and problem documents ({@link Json#newMapper()})
     * @param authenticator puts credentials on requests
     * @param settings      base URL, headers, timeouts, retries, clock and sleeper
     * @param etags         responses kept for conditional GETs, or {@link ETagCache#DISABLED}
     */
    public Transport(HttpClient http, ObjectMapper json, Authenticator authenticator, Settings settings,
                     ETagCache etags) {
        this.http = Objects.requireNonNull(http, "http");
        this.json = Objects.requireNonNull(json, "json");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.baseUrl = settings.baseUrl().toString().replaceAll("/+$", ""); // the operations' paths start with '/'
        this.errors = new ErrorMapper(json);
        this.etags = Objects.requireNonNull(etags, "etags");
    }

    /**
     * Calls an operation and reads its answer into a model.
     *
     * @param request the operation's request
     * @param type    the model of its success body
     * @param options the call's options
     * @param <T>     the model
     * @return the answer
     * @throws EPermitException the typed failure, or {@link UnexpectedResponseException} ({@code UNREADABLE_RESPONSE})
     *                          for a success whose body is not the model
     */
    public <T> T call(ApiRequest request, Class<T> type, RequestOptions options) {
        Exchange exchange = send(toHttp(request), options);
        HttpResponse<byte[]> response = exchange.response();
        byte[] body = response.body();
        try {
            if (body == null || body.length == 0) {
                throw new IOException("the body is empty");
            }
            // From the bytes: Jackson reads them in the encoding JSON is sent in (UTF-8), never the platform's charset.
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UnexpectedResponseException(new ErrorDetails(response.statusCode(), "UNREADABLE_RESPONSE", null,
                    null, "The answer to " + request + " could not be read as " + type.getSimpleName() + ": "
                            + e.getMessage(), response.headers().firstValue(ErrorMapper.REQUEST_ID_HEADER).orElse(null),
                    List.of(), exchange.attempts()), e);
        }
    }

    /**
     * Calls an operation for a representation other than JSON (the CSV of a statistics table): the successful
     * answer's body as it came. Failures are problems, mapped as for {@link #call}.
     *
     * @param request the operation's request
     * @param accept  the media type asked for
     * @param options the call's options
     * @return the body's bytes
     * @throws EPermitException the typed failure
     */
    public byte[] bytes(ApiRequest request, String accept, RequestOptions options) {
        return send(toHttp(request), options.toBuilder().header("Accept", accept).build()).response().body();
    }

    /**
     * Calls an operation whose success has no body (a DELETE answered with 204).
     *
     * @param request the operation's request
     * @param options the call's options
     * @throws EPermitException the typed failure
     */
    public void run(ApiRequest request, RequestOptions options) {
        send(toHttp(request), options);
    }

    /**
     * Calls an operation whose success is a stream (an export) and returns the response as soon as its headers have
     * arrived, the body unread: the caller reads it at its own pace and must close it. Failures before that are
     * retried as {@link #call} retries them (connection failures, 429 but not QUOTA_EXCEEDED, 502/503/504, after
     * {@code Retry-After} or with backoff); the attempt timeout bounds the wait for the headers, not the download.
     *
     * @param request the operation's request
     * @param options the call's options
     * @return the successful response, its body an open stream
     * @throws EPermitException the typed failure of the last attempt
     */
    public HttpResponse<java.io.InputStream> open(ApiRequest request, RequestOptions options) {
        HttpRequest plain = toHttp(request);
        Duration perAttempt = options.attemptTimeout().orElse(settings.attemptTimeout());
        int maxRetries = options.maxRetries().orElse(settings.retry().maxRetries());
        URI uri = withQuery(plain.uri(), options.queryParameters());
        EPermitException last;
        int attempts = 0;
        while (true) {
            attempts++;
            Duration retryAfter = null;
            try {
                Authenticator.Authorization authorization = authenticator.authorize(perAttempt);
                HttpRequest attempt = prepare(plain, uri, perAttempt, authorization, null, options, null);
                java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>> future =
                        http.sendAsync(attempt, HttpResponse.BodyHandlers.ofInputStream());
                HttpResponse<java.io.InputStream> response;
                try {
                    response = future.get(Math.max(1, perAttempt.toNanos()), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    future.cancel(true);
                    throw new IOException("no response headers within " + Attempt.describe(perAttempt), e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                if (response.statusCode() / 100 == 2) {
                    return response;
                }
                byte[] body;
                try (java.io.InputStream in = response.body()) {
                    body = in.readAllBytes();
                }
                HttpResponse<byte[]> failed = Buffered.of(response, body);
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        settings.clock().instant()).orElse(null);
                last = errors.fromResponse(failed, attempts, retryAfter);
                if (!RetryPolicy.retryable(response.statusCode(), last.getCode())) {
                    throw last;
                }
            } catch (IOException e) {
                last = new ConnectionException(new ErrorDetails(0, ConnectionException.CODE, null, null,
                        "No response from " + plain.method() + " " + uri + ": " + e.getMessage(), null, List.of(),
                        attempts), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(attempts, e);
            }
            if (attempts > maxRetries) {
                throw last;
            }
            Duration delay = retryAfter != null ? settings.retry().honour(retryAfter) : settings.retry().backoff(attempts);
            try {
                settings.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(attempts, e);
            }
        }
    }

    /**
     * Reads a JSON value with the client's mapper (UTF-8 bytes, unknown members tolerated as everywhere).
     *
     * @param bytes the JSON text
     * @param type  the model
     * @param <T>   the model
     * @return the value
     * @throws IOException when the bytes are not that model
     */
    public <T> T read(byte[] bytes, Class<T> type) throws IOException {
        return json.readValue(bytes, type);
    }

    /** A response whose body was read into memory, for the error mapper. */
    private record Buffered(HttpResponse<?> response, byte[] body) implements HttpResponse<byte[]> {
        static Buffered of(HttpResponse<?> response, byte[] body) {
            return new Buffered(response, body);
        }

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }

    private HttpRequest toHttp(ApiRequest request) {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.text() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(request.text()); // bytes: every retry sends the same body
        } else if (request.body() != null) {
            try {
                body = HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request.body()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the body of " + request + ": " + e.getMessage(), e);
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + request.target()))
                .method(request.method(), body);
        if (request.contentType() != null) {
            b.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            b.header("Accept", request.accept() + ", " + PROBLEM);
        }
        return b.build();
    }

    /**
     * Executes a call: sends the request, retrying as the policy allows, and returns the first successful (2xx)
     * response with its whole body.
     *
     * @param request the request (method, absolute URI, body, its own headers)
     * @param options the call's options
     * @return the successful response
     * @throws EPermitException the typed failure of the last attempt, or {@link CallTimeoutException}
     */
    public HttpResponse<byte[]> execute(HttpRequest request, RequestOptions options) {
        return send(request, options).response();
    }

    /** A successful response and the attempts it took. */
    private record Exchange(HttpResponse<byte[]> response, int attempts) {
    }

    private Exchange send(HttpRequest request, RequestOptions options) {
        Clock clock = settings.clock();
        Duration total = options.timeout().orElse(settings.timeout());
        Duration perAttempt = options.attemptTimeout().orElse(settings.attemptTimeout());
        int maxRetries = options.maxRetries().orElse(settings.retry().maxRetries());
        Instant deadline = clock.instant().plus(total);
        String idempotencyKey = options.idempotencyKey()
                .orElseGet(() -> "POST".equals(request.method()) ? settings.idempotencyKeys().get() : null);
        URI uri = withQuery(request.uri(), options.queryParameters());
        // A caller who sends its own If-None-Match handles the 304 itself: the cache stays out of the way.
        String cacheKey = etags.enabled() && "GET".equals(request.method()) && header(request, options, "If-None-Match") == null
                ? ETagCache.key(uri, header(request, options, "Accept-Language"), header(request, options, "Accept")) : null;
        ETagCache.Stored stored = cacheKey == null ? null : etags.get(cacheKey).orElse(null);

        EPermitException last = null;
        int attempts = 0;
        int retries = 0;
        boolean reauthenticated = false;
        while (true) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw timedOut(total, attempts, last);
            }
            Duration budget = remaining.compareTo(perAttempt) < 0 ? remaining : perAttempt;
            attempts++;
            Duration retryAfter = null;
            try {
                Authenticator.Authorization authorization = authenticator.authorize(budget);
                HttpRequest attempt = prepare(request, uri, budget, authorization, idempotencyKey, options, stored);
                HttpResponse<byte[]> response = Attempt.send(http, attempt, budget);
                int status = response.statusCode();
                if (status == 304 && stored != null) {
                    return new Exchange(stored.response(), attempts); // not modified: the body this client already has
                }
                if (status / 100 == 2) {
                    if (cacheKey != null) {
                        etags.update(cacheKey, response);
                    }
                    return new Exchange(response, attempts);
                }
                retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        clock.instant()).orElse(null);
                last = errors.fromResponse(response, attempts, retryAfter);
                if (status == 401 && authorization.renewable() && !reauthenticated) {
                    // A cached token the API no longer takes (revoked, or a clock skew): get a new one, once.
                    authenticator.invalidate(authorization);
                    reauthenticated = true;
                    continue;
                }
                if (!RetryPolicy.retryable(status, last.getCode())) {
                    throw last;
                }
            } catch (Attempt.Failed e) {
                boolean cutByDeadline = budget.equals(remaining);
                last = new ConnectionException(new ErrorDetails(0, ConnectionException.CODE, null, null,
                        "No response from " + request.method() + " " + uri + ": " + e.getMessage(), null, List.of(),
                        attempts), e.getCause());
                if (e.timedOut() && cutByDeadline) {
                    throw timedOut(total, attempts, last);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(attempts, e);
            } catch (EPermitException e) {
                if (e == last || !retryable(e)) {
                    throw e;
                }
                last = e; // the token endpoint failed in a way worth retrying
                retryAfter = e instanceof RateLimitedException r ? r.getRetryAfter().orElse(null) : null;
            }

            if (retries >= maxRetries) {
                throw last;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw timedOut(total, attempts, last);
            }
            Duration delay = retryAfter != null ? settings.retry().honour(retryAfter)
                    : settings.retry().backoff(retries + 1);
            if (!clock.instant().plus(delay).isBefore(deadline)) {
                throw last; // waiting would overrun the call's timeout: the last failure says more than a timeout
            }
            retries++;
            try {
                settings.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(attempts, e);
            }
        }
    }

    private HttpRequest prepare(HttpRequest request, URI uri, Duration budget,
                                Authenticator.Authorization authorization, String idempotencyKey,
                                RequestOptions options, ETagCache.Stored stored) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request, (name, value) -> true).uri(uri).timeout(budget);
        if (stored != null) {
            b.setHeader("If-None-Match", stored.etag());
        }
        // Every answer is JSON or a problem, so every request says so, a 204 DELETE included (the contract documents
        // only a problem for it, and older services answered a bare application/problem+json with 406); a request
        // for another representation (ApiRequest.accept) has said so already.
        b.setHeader("Accept", request.headers().firstValue("Accept").orElse(ACCEPT));
        settings.headers().forEach(b::setHeader);
        authorization.applyTo(b);
        if (idempotencyKey != null) {
            b.setHeader(IDEMPOTENCY_KEY, idempotencyKey);
        }
        options.headers().forEach(b::setHeader);
        return b.build();
    }

    /** The value a request will carry for a header: the call's own, else the client's, else the request's. */
    private String header(HttpRequest request, RequestOptions options, String name) {
        for (Map<String, String> headers : List.of(options.headers(), settings.headers())) {
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
        }
        return request.headers().firstValue(name).orElse(null);
    }

    private static boolean retryable(EPermitException e) {
        if (e instanceof CallTimeoutException || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return e instanceof ConnectionException || e instanceof RateLimitedException
                || e instanceof ServerException && RetryPolicy.RETRYABLE_STATUSES.contains(e.getStatusCode());
    }

    private static CallTimeoutException timedOut(Duration total, int attempts, EPermitException last) {
        return new CallTimeoutException(new ErrorDetails(0, CallTimeoutException.CODE, null, null,
                "The call did not complete within its timeout of " + Attempt.describe(total)
                        + (last == null ? "" : "; last failure: " + firstLine(last.getMessage())),
                last == null ? null : last.getRequestId(), List.of(), attempts), last);
    }

    private static ConnectionException interrupted(int attempts, InterruptedException e) {
        return new ConnectionException(new ErrorDetails(0, ConnectionException.CODE, null, null,
                "Interrupted while calling the API.", null, List.of(), attempts), e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Appends query parameters to a URI, URL-encoded.
     *
     * @param uri        the URI
     * @param parameters the parameters to append, in order
     * @return the URI with the parameters
     */
    static URI withQuery(URI uri, List<Map.Entry<String, String>> parameters) {
        if (parameters.isEmpty()) {
            return uri;
        }
        StringBuilder s = new StringBuilder(uri.toString());
        boolean first = uri.getRawQuery() == null;
        for (Map.Entry<String, String> p : parameters) {
            s.append(first ? '?' : '&').append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            first = false;
        }
        return URI.create(s.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
