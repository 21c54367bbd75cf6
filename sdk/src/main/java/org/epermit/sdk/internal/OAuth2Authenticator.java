package org.epermit.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.errors.AuthenticationException;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.UnexpectedResponseException;

/**
 * OAuth2 client credentials (RFC 6749 §4.4) with a cached token: one token per client, fetched on first use, reused
 * until {@link #MAX_REFRESH_MARGIN} (or half its lifetime) before it expires, then fetched again. Thread-safe: concurrent callers that find the
 * token stale wait for one fetch instead of each making their own.
 */
public final class OAuth2Authenticator implements Authenticator {

    /** Lifetime assumed when the token endpoint does not say ({@code expires_in} is only recommended). */
    static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    /** Refresh this long before expiry, or at half the lifetime for short-lived tokens. */
    static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(30);

    private final Credentials.ClientCredentials credentials;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final String userAgent;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token token;

    /**
     * Creates the authenticator.
     *
     * @param credentials the token endpoint, client id, secret and scopes
     * @param http        the HTTP client to reach the token endpoint with
     * @param json        reads the token response
     * @param clock       tells when a token is due for refresh
     * @param userAgent   the SDK's user agent
     */
    public OAuth2Authenticator(Credentials.ClientCredentials credentials, HttpClient http, ObjectMapper json,
                               Clock clock, String userAgent) {
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.userAgent = userAgent;
    }

    @Override
    public Authorization authorize(Duration timeout) {
        Token current = token;
        if (current != null && current.fresh(clock.instant())) {
            return current.authorization(true);
        }
        lock.lock();
        try {
            current = token;
            if (current != null && current.fresh(clock.instant())) {
                return current.authorization(true); // another thread fetched it while this one waited
            }
            current = fetch(timeout);
            token = current;
            return current.authorization(false);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void invalidate(Authorization refused) {
        lock.lock();
        try {
            Token current = token;
            if (current != null && current.authorization(true).value().equals(refused.value())) {
                token = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private Token fetch(Duration timeout) {
        Instant requestedAt = clock.instant();
        String form = "grant_type=client_credentials" + (credentials.scopes().isEmpty() ? ""
                : "&scope=" + encode(String.join(" ", credentials.scopes())));
        String basic = Base64.getEncoder().encodeToString(
                (encode(credentials.clientId()) + ":" + encode(credentials.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenUrl())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = Attempt.send(http, request, timeout);
        } catch (Attempt.Failed e) {
            throw new ConnectionException(ErrorDetails.local(0, ConnectionException.CODE,
                    "The token endpoint " + credentials.tokenUrl() + " could not be reached: " + e.getMessage(),
                    List.of()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(ErrorDetails.local(0, ConnectionException.CODE,
                    "Interrupted while fetching an access token.", List.of()), e);
        }
        JsonNode body = readJson(response.body());
        int status = response.statusCode();
        if (status == 200 && body != null && body.path("access_token").isTextual()) {
            String type = body.path("token_type").asText("Bearer");
            if (!type.equalsIgnoreCase("Bearer")) {
                throw unexpected("the token endpoint issued a '" + type + "' token; the API takes Bearer tokens");
            }
            long seconds = body.path("expires_in").asLong(0);
            Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
            Duration margin = lifetime.dividedBy(2).compareTo(MAX_REFRESH_MARGIN) < 0 ? lifetime.dividedBy(2)
                    : MAX_REFRESH_MARGIN;
            return new Token(body.get("access_token").asText(), requestedAt.plus(lifetime).minus(margin));
        }
        if (status == 200) {
            throw unexpected("the token endpoint answered 200 without an access_token");
        }
        String error = body == null ? null : body.path("error").asText(null);
        String description = body == null ? null : body.path("error_description").asText(null);
        String detail = "The token endpoint " + credentials.tokenUrl() + " refused client '" + credentials.clientId()
                + "' (HTTP " + status + (error == null ? "" : ", " + error)
                + (description == null ? "" : ": " + description) + ").";
        if (status == 400 || status == 401 || status == 403) {
            String code = error == null ? "TOKEN_REQUEST_FAILED" : error.toUpperCase(Locale.ROOT);
            throw new AuthenticationException(new ErrorDetails(status, code, null, null, detail, null, List.of(), 1));
        }
        // 429 and 5xx: the same types the API's own answers get, so the transport retries them the same way
        EPermitException e = ErrorMapper.toException(new ErrorDetails(status, "TOKEN_ENDPOINT_" + status, null, null,
                detail, null, List.of(), 1), RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                clock.instant()).orElse(null));
        throw e;
    }

    private JsonNode readJson(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private UnexpectedResponseException unexpected(String detail) {
        return new UnexpectedResponseException(ErrorDetails.local(0, "TOKEN_RESPONSE_INVALID",
                "Could not use the token from " + credentials.tokenUrl() + ": " + detail + ".", List.of()), null);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Token(String value, Instant refreshAt) {
        boolean fresh(Instant now) {
            return now.isBefore(refreshAt);
        }

        Authorization authorization(boolean cached) {
            return new Authorization("Authorization", "Bearer " + value, cached);
        }
    }
}
