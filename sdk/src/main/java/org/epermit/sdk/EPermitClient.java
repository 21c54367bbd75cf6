package org.epermit.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.epermit.sdk.internal.ApiKeyAuthenticator;
import org.epermit.sdk.internal.Authenticator;
import org.epermit.sdk.internal.ETagCache;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Json;
import org.epermit.sdk.internal.OAuth2Authenticator;
import org.epermit.sdk.internal.RetryPolicy;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.internal.service.DefaultAdminService;
import org.epermit.sdk.internal.service.DefaultDelegationService;
import org.epermit.sdk.internal.service.DefaultApplicationService;
import org.epermit.sdk.internal.service.DefaultReviewService;
import org.epermit.sdk.internal.service.DefaultStatsService;
import org.epermit.sdk.internal.service.DefaultRegistrationService;
import org.epermit.sdk.internal.service.DefaultFilingService;
import org.epermit.sdk.internal.service.DefaultMeService;
import org.epermit.sdk.internal.service.DefaultMonitoringService;
import org.epermit.sdk.internal.service.DefaultPermitService;
import org.epermit.sdk.internal.service.DefaultPublicEnterpriseService;
import org.epermit.sdk.internal.service.DefaultPublicPermitService;
import org.epermit.sdk.internal.service.DefaultReceiptService;
import org.epermit.sdk.internal.service.DefaultCalendarService;
import org.epermit.sdk.internal.service.DefaultReferenceService;
import org.epermit.sdk.service.AdminService;
import org.epermit.sdk.service.DelegationService;
import org.epermit.sdk.service.ApplicationService;
import org.epermit.sdk.service.RegistrationService;
import org.epermit.sdk.service.FilingService;
import org.epermit.sdk.service.MeService;
import org.epermit.sdk.service.MonitoringService;
import org.epermit.sdk.service.PermitService;
import org.epermit.sdk.service.PublicEnterpriseService;
import org.epermit.sdk.service.PublicPermitService;
import org.epermit.sdk.service.ReceiptService;
import org.epermit.sdk.service.ReviewService;
import org.epermit.sdk.service.StatsService;
import org.epermit.sdk.service.CalendarService;
import org.epermit.sdk.service.ReferenceService;

/**
 * The entry point of the SDK: a client for one ePermit API deployment with one set of credentials.
 *
 * <pre>{@code
 * EPermitClient client = EPermitClient.builder()
 *         .baseUrl("https://api.example.gov.cn")
 *         .credentials(Credentials.apiKey(System.getenv("EPERMIT_API_KEY")))
 *         .appInfo("my-app/1.2")
 *         .build();
 * PublicPermit permit = client.publicPermits().get("91130200699229617X001P");
 * }</pre>
 *
 * <p>A client is immutable and thread-safe, and holds connections and a cached access token: make one per deployment
 * and credentials and share it for the life of the application. There is no global state; two clients never affect
 * each other.
 *
 * <p>Operations are grouped as the API's tags: {@link #publicPermits()}, {@link #publicEnterprises()},
 * {@link #reference()}, {@link #receipts()}, {@link #calendar()}, and with credentials {@link #me()}, {@link #permits()}, {@link #delegations()},
 * {@link #filings()}, {@link #applications()}, {@link #registrations()}, {@link #review()}, {@link #stats()}, {@link #monitoring()}, {@link #admin()}. Failed calls throw the unchecked exceptions of {@link org.epermit.sdk.errors}.
 */
public final class EPermitClient {

    /** The SDK's version, as published (e.g. {@code 0.1.0}). */
    public static final String VERSION = readVersion();

    private final URI baseUrl;
    private final String userAgent;
    private final PublicPermitService publicPermits;
    private final PublicEnterpriseService publicEnterprises;
    private final ReferenceService reference;
    private final ReceiptService receipts;
    private final CalendarService calendar;
    private final MeService me;
    private final PermitService permits;
    private final DelegationService delegations;
    private final FilingService filings;
    private final ApplicationService applications;
    private final ReviewService review;
    private final StatsService stats;
    private final RegistrationService registrations;
    private final MonitoringService monitoring;
    private final AdminService admin;

    private EPermitClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.userAgent = "epermit-java/" + VERSION + (b.appInfo == null ? "" : " (" + b.appInfo + ")");
        HttpClient http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        ObjectMapper json = Json.newMapper();
        Authenticator authenticator;
        if (b.credentials instanceof Credentials.ApiKey key) {
            authenticator = new ApiKeyAuthenticator(key.key());
        } else if (b.credentials instanceof Credentials.ClientCredentials cc) {
            authenticator = new OAuth2Authenticator(cc, http, json, b.clock, userAgent);
        } else {
            authenticator = Authenticator.NONE;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        if (b.acceptLanguage != null) {
            headers.put("Accept-Language", b.acceptLanguage);
        }
        RetryPolicy retry = new RetryPolicy(b.maxRetries, b.initialRetryDelay, b.maxRetryDelay, b.maxRetryAfter,
                RetryPolicy.defaults(0).random());
        Transport transport = new Transport(http, json, authenticator, new Transport.Settings(baseUrl, headers,
                b.timeout, b.attemptTimeout, retry, b.clock, b.sleeper, Transport.Settings.randomKeys()),
                b.conditionalGets == 0 ? ETagCache.DISABLED : new ETagCache(b.conditionalGets));
        LocalChecks checks = new LocalChecks(LocalChecks.languageOf(b.acceptLanguage));
        this.publicPermits = new DefaultPublicPermitService(transport, checks);
        this.publicEnterprises = new DefaultPublicEnterpriseService(transport, checks);
        this.reference = new DefaultReferenceService(transport);
        this.receipts = new DefaultReceiptService(transport);
        this.calendar = new DefaultCalendarService(transport);
        this.me = new DefaultMeService(transport);
        this.permits = new DefaultPermitService(transport, checks);
        this.delegations = new DefaultDelegationService(transport);
        this.filings = new DefaultFilingService(transport, checks);
        this.applications = new DefaultApplicationService(transport, checks);
        this.review = new DefaultReviewService(transport);
        this.stats = new DefaultStatsService(transport);
        this.registrations = new DefaultRegistrationService(transport, checks);
        this.monitoring = new DefaultMonitoringService(transport, checks);
        this.admin = new DefaultAdminService(transport);
    }

    /**
     * Starts configuring a client.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Permit disclosures (tag "Public permits"): search, a permit's public view, its history and versions.
     *
     * @return the service
     */
    public PublicPermitService publicPermits() {
        return publicPermits;
    }

    /**
     * Enterprises' public information (tag "Public enterprises").
     *
     * @return the service
     */
    public PublicEnterpriseService publicEnterprises() {
        return publicEnterprises;
    }

    /**
     * Reference data (tag "Reference data"): pollutants, industries, regions.
     *
     * @return the service
     */
    public ReferenceService reference() {
        return reference;
    }

    /**
     * The keys signed receipts (回执) are verified with (tag "Receipts"); verify receipts with
     * {@link org.epermit.sdk.receipt.ReceiptVerifier#fromService(EPermitClient)}.
     *
     * @return the service
     */
    public ReceiptService receipts() {
        return receipts;
    }

    /**
     * The calling client (tag "Me"): who the API takes these credentials for.
     *
     * @return the service
     */
    public MeService me() {
        return me;
    }

    /**
     * Full permit data for authorised callers (tag "Permits", scope {@code permits:read}).
     *
     * @return the service
     */
    public PermitService permits() {
        return permits;
    }

    /**
     * Delegations from enterprises to vendors (tag "Delegations").
     *
     * @return the service
     */
    public DelegationService delegations() {
        return delegations;
    }

    /**
     * Execution reports (tag "Execution reports", scope {@code filings:write}): obligations, blank reports, validation,
     * submission, corrections and reads.
     *
     * @return the service
     */
    public FilingService filings() {
        return filings;
    }

    /**
     * Permit applications (tag "Applications", scope {@code applications:write}): requirements, filing, reads, your
     * own listing and withdrawal.
     *
     * @return the service
     */
    public ApplicationService applications() {
        return applications;
    }

    /**
     * The regulator's review desk (tag "Review", role regulator, scope {@code reviews:write}): the queue with statutory
     * deadlines, acceptance and decisions on applications, reviews of execution reports.
     *
     * @return the service
     */
    public ReviewService review() {
        return review;
    }

    /**
     * Statistics of permits and emissions by region, industry and category (tag "Statistics"): open to everyone down to
     * cities and industry groups, counties and industry classes with scope {@code stats:read}.
     *
     * @return the service
     */
    public StatsService stats() {
        return stats;
    }

    /**
     * Self-service registration (tag "Registrations", scope {@code applications:write}): registering a site,
     * renewing its receipt, registering a change.
     *
     * @return the service
     */
    public RegistrationService registrations() {
        return registrations;
    }

    /**
     * Self-monitoring data (tag "Monitoring data", scope {@code filings:write}): record batches, listings and
     * monitoring devices; {@link org.epermit.sdk.monitoring.MonitoringUploader} splits large uploads.
     *
     * @return the service
     */
    public MonitoringService monitoring() {
        return monitoring;
    }

    /**
     * The working-day calendar statutory deadlines are counted in (tag "Calendar"): anyone reads a year, administrators
     * (scope {@code admin}) set one.
     *
     * @return the service
     */
    public CalendarService calendar() {
        return calendar;
    }

    /**
     * The client registry, API keys and audit log (tag "Admin", scope {@code admin}).
     *
     * @return the service
     */
    public AdminService admin() {
        return admin;
    }

    /**
     * Returns the API's base URL this client calls.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the {@code User-Agent} the client sends: {@code epermit-java/<version> (<app>)}.
     *
     * @return the user agent
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Describes the client (never its credentials).
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "EPermitClient[" + baseUrl + ", " + userAgent + "]";
    }

    private static String readVersion() {
        try (InputStream in = EPermitClient.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Configures an {@link EPermitClient}. Only {@link #baseUrl} is required. Not thread-safe; the client it builds
     * is.
     */
    public static final class Builder {
        private URI baseUrl;
        private Credentials credentials = Credentials.none();
        private Duration timeout = Duration.ofSeconds(60);
        private Duration attemptTimeout = Duration.ofSeconds(20);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxRetries = 2;
        private Duration initialRetryDelay = Duration.ofMillis(500);
        private Duration maxRetryDelay = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private String appInfo;
        private String acceptLanguage;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private int conditionalGets;

        private Builder() {
        }

        /**
         * Sets the API's base URL, e.g. {@code https://api.example.gov.cn} (paths such as {@code /v1/public/permits}
         * are appended to it).
         *
         * @param baseUrl an absolute http or https URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /**
         * Sets the API's base URL.
         *
         * @param baseUrl an absolute http or https URL
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("the base URL must be an absolute http or https URL, got " + baseUrl);
            }
            if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("the base URL must have no query or fragment, got " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets the credentials: {@link Credentials#apiKey}, {@link Credentials#clientCredentials}, or
         * {@link Credentials#none()} (the default, enough for the public operations).
         *
         * @param credentials the credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Sets the total time a call may take, all attempts and the waits between them included (default 60 s).
         * A call that runs out of it throws {@link org.epermit.sdk.errors.CallTimeoutException}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets the time one HTTP attempt may take, from connecting to the last byte of the response (default 20 s).
         * An attempt that runs out of it is retried like a connection failure.
         *
         * @param attemptTimeout a positive duration
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
            return this;
        }

        /**
         * Sets the time to establish a connection (default 10 s). Ignored with {@link #httpClient}.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how many times a call is retried after a connection failure, an attempt timeout, or a 429, 502, 503 or
         * 504 answer (default 2; 0 disables retries). Other failures are never retried.
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
         * Sets the backoff between retries: the n-th retry waits a random time between 0 and
         * {@code min(max, initial × 2^(n-1))} (defaults 0.5 s and 8 s).
         *
         * @param initial the cap of the first retry's wait
         * @param max     the largest cap
         * @return this builder
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("need 0 <= initial <= max, got " + initial + " and " + max);
            }
            this.initialRetryDelay = initial;
            this.maxRetryDelay = max;
            return this;
        }

        /**
         * Sets the longest {@code Retry-After} the client waits for (default 60 s); a longer one is shortened to it.
         * A wait that would overrun the call's timeout is not made: the call fails with the last error instead.
         *
         * @param maxRetryAfter 0 or more
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative");
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Names the calling application in the {@code User-Agent}: {@code epermit-java/<version> (<appInfo>)}, so that
         * the API's operators can tell your traffic apart when helping you.
         *
         * @param appInfo e.g. {@code acme-monitoring/2.3}; printable ASCII, no parentheses
         * @return this builder
         */
        public Builder appInfo(String appInfo) {
            Objects.requireNonNull(appInfo, "appInfo");
            if (appInfo.isBlank() || !appInfo.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '(' && c != ')')) {
                throw new IllegalArgumentException("appInfo must be printable ASCII without parentheses, got '" + appInfo + "'");
            }
            this.appInfo = appInfo.strip();
            return this;
        }

        /**
         * Sets the {@code Accept-Language} of every request: {@code zh} gives Chinese error titles and messages,
         * {@code en} (the API's default) English. Identifiers the client refuses before sending (a mistyped permit
         * number or credit code) are reported in the same language.
         *
         * @param acceptLanguage a language range, e.g. {@code zh}
         * @return this builder
         */
        public Builder acceptLanguage(String acceptLanguage) {
            this.acceptLanguage = Objects.requireNonNull(acceptLanguage, "acceptLanguage");
            return this;
        }

        /**
         * Uses an HTTP client you configured (proxy, TLS, executor) instead of the client's own. Its redirect policy
         * should stay {@code NEVER}.
         *
         * @param httpClient the client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sets the clock for deadlines, token expiry and {@code Retry-After} dates (default: the system UTC clock). For
         * tests, together with {@link #sleeper}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes repeated reads conditional: the client keeps the last response to each of up to {@code maxResponses}
         * GETs that came with an {@code ETag} (the public reads: permit searches, permits, their history and versions,
         * enterprises, reference data), sends that ETag in {@code If-None-Match} the next time, and on {@code 304 Not Modified}
         * returns the kept response, so an unchanged body is not sent again. The least recently used responses are
         * dropped first. Off by default (0). A call that sets its own {@code If-None-Match} header is sent as it
         * is, and a 304 to it throws {@link org.epermit.sdk.errors.UnexpectedResponseException}.
         *
         * @param maxResponses how many responses to keep, 0 for none
         * @return this builder
         */
        public Builder conditionalGets(int maxResponses) {
            if (maxResponses < 0) {
                throw new IllegalArgumentException("maxResponses must be 0 or more, got " + maxResponses);
            }
            this.conditionalGets = maxResponses;
            return this;
        }

        /**
         * Sets how the client waits between retries (default: sleeping the calling thread). For tests: a sleeper that
         * records the waits and advances a test {@link #clock}.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the immutable, thread-safe client
         * @throws IllegalStateException if no base URL was set
         */
        public EPermitClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("set the API's base URL: EPermitClient.builder().baseUrl(\"https://…\")");
            }
            return new EPermitClient(this);
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
