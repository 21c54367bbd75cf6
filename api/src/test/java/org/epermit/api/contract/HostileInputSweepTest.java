package org.epermit.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epermit.api.contract.ContractOperations.Operation;
import org.epermit.api.contract.ContractOperations.Parameter;
import org.epermit.api.contract.ContractOperations.Property;
import org.epermit.api.contract.HostileValues.Body;
import org.epermit.api.contract.HostileValues.HeaderVariant;
import org.epermit.api.contract.HostileValues.PropertyValue;
import org.epermit.api.contract.HostileValues.Value;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.gateway.TestTokens;
import org.epermit.api.gateway.audit.AuditRecorder;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.client.ClientRequests.CreatedClient;
import org.epermit.api.client.ClientRequests.NewClient;
import org.epermit.api.testing.RawRequests;
import org.epermit.api.testing.RawRequests.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input pass CI can afford: every operation of the committed contract, with hostile values in each path
 * parameter, each query parameter it declares, the headers a caller controls and (for operations with a body) the
 * body, sent as anonymous and as each demo role, with an API key or a bearer token. Every answer must be under 500;
 * every 4xx a problem ({@code application/problem+json} with {@code code}, {@code status} and {@code requestId});
 * every answer must carry X-Request-Id; what the contract rules out must be refused; and every request the audit
 * rule covers ({@link #mustBeAudited}) must have its audit row.
 *
 * <p>Bounded (about 3,000 requests) and deterministic: a fixed seed picks which callers send each variant (the caller
 * that gets furthest with the operation, and one other) and which operations each header variant goes to. All
 * failures are collected and reported at once, grouped, with the full list in {@code target/hostile-input-sweep.txt}.
 * Raw sockets ({@link RawRequests}) send what ordinary clients would refuse to: bad percent-escapes, raw control
 * characters and UTF-8 in headers, bodies that are not what their Content-Type says.
 */
@QuarkusTest
class HostileInputSweepTest {

    private static final long SEED = 20_261_201L;
    /** How many (operation, caller) pairs each header variant is sent to. */
    private static final int HEADER_SPREAD = 4;
    /**
     * Query variants are many (every declared parameter times every value): each goes to the caller that gets
     * furthest, and to a second caller this often.
     */
    private static final double QUERY_SECOND_CALLER = 0.34;
    private static final Path REPORT = Path.of("target/hostile-input-sweep.txt");
    /** How much of the report goes into the failure message. */
    private static final int MAX_MESSAGE = 40_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE =
            Pattern.compile("\\tat |\\b(java|javax|jakarta|io|org|com)\\.[a-z0-9_.]+\\.[A-Z][A-Za-z0-9]*(Exception|Error)\\b");

    @Inject
    ClientRegistry registry;

    @Inject
    AuditRecorder recorder;

    @Inject
    Pool pool;

    /** A caller: anonymous when it has no key. */
    record Caller(String name, String apiKey, String token) {

        boolean anonymous() {
            return apiKey == null;
        }
    }

    record Probe(Operation op, String variant, Caller caller, boolean bearer, String target, List<Header> headers,
                 byte[] body, boolean mustBeRefused) {
    }

    /** A probe and what came back: the answer, or why none came. */
    record Outcome(Probe probe, RawRequests.Response response, String error) {
    }

    record Failure(String check, Probe probe, int status, String detail) {
    }

    private final Random random = new Random(SEED);
    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private int sequence;

    private RawRequests http;
    private List<Operation> operations;
    private List<Caller> callers;
    /** Values the demo data makes valid, by parameter or property name, so that one hostile value is all that is wrong. */
    private final Map<String, Object> known = new HashMap<>();
    private final Map<Operation, ObjectNode> validBodies = new HashMap<>();
    private String victim;
    private String doomed;
    private String delegation;
    /** How many requests the audit rule covers, and how many of their rows were found. */
    private int mustBeAudited;
    private int audited;

    @Test
    void every_operation_answers_hostile_input_with_a_problem_never_a_5xx_and_loses_no_audit_row() throws Exception {
        operations = ContractOperations.read();
        assertThat(operations).as("operations in %s", ContractOperations.PUBLISHED).isNotEmpty();
        http = new RawRequests("localhost", RestAssured.port, 15_000);
        prepareCallersAndData();

        List<Outcome> outcomes = new ArrayList<>();
        Map<Operation, Caller> deepest = baselines(outcomes);
        List<Probe> probes = new ArrayList<>();
        for (Operation op : operations) {
            parameterProbes(op, deepest, probes);
            bodyProbes(op, deepest, probes);
        }
        headerProbes(probes);

        long started = System.nanoTime();
        for (Probe probe : probes) {
            outcomes.add(send(probe));
        }
        long sweepMillis = (System.nanoTime() - started) / 1_000_000;

        List<Failure> failures = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            failures.addAll(check(outcome));
        }
        failures.addAll(lostAuditRows(outcomes));
        report(outcomes.size(), sweepMillis, failures);
    }

    // ---- the callers, the data and the plan ----

    private void prepareCallersAndData() throws IOException {
        JsonPath permit = given().queryParam("limit", 1).get("/v1/public/permits").then().statusCode(200).extract().jsonPath();
        String creditCode = permit.getString("items[0].creditCode");
        // the regulator of the site's city (a registration receipt has no issuing authority)
        String region = permit.getString("items[0].region.code").substring(0, 4);
        CreatedClient vendor = client("vendor", List.of("permits:read", "filings:write"), null, null, "standard");
        CreatedClient enterprise = client("enterprise", List.of("permits:read", "filings:write"), null, creditCode, "free");
        callers = List.of(
                caller(client("admin", List.of("admin", "permits:read"), null, null, "partner"), "admin"),
                caller(client("regulator", List.of("permits:read", "stats:read"), region, null, "standard"), "regulator"),
                caller(vendor, "vendor"),
                caller(enterprise, "enterprise"),
                new Caller("anonymous", null, null));
        victim = TestClients.vendor(registry).client().id().toString();
        doomed = TestClients.vendor(registry).client().id().toString();
        String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        String validTo = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.SECONDS).toString();
        delegation = given().header("X-API-Key", enterprise.apiKey()).contentType("application/json")
                .body(Map.of("vendorClientId", vendor.client().id().toString(), "scopes", List.of("permits:read"),
                        "validTo", validTo))
                .post("/v1/delegations").then().statusCode(201).extract().jsonPath().getString("id");

        known.put("permitNumber", permit.getString("items[0].permitNumber"));
        known.put("creditCode", creditCode);
        known.put("enterpriseCreditCode", creditCode);
        known.put("version", "1");
        known.put("keyId", new UUID(random.nextLong(), random.nextLong()).toString());
        known.put("vendorClientId", vendor.client().id().toString());
        known.put("roles", List.of("vendor"));
        known.put("scopes", List.of("permits:read"));
        known.put("regionCode", region);
        known.put("validFrom", now);
        known.put("validTo", validTo);
        for (Operation op : operations) {
            if (op.hasBody()) {
                validBodies.put(op, validBody(op));
            }
        }
    }

    /** A valid value for a path parameter: a DELETE gets a client of its own to remove. */
    private String validPathValue(Operation op, Parameter p) {
        if (p.name().equals("id")) {
            return op.template().startsWith("/v1/delegations") ? delegation
                    : op.method().equals("DELETE") && !op.template().contains("{keyId}") ? doomed : victim;
        }
        return String.valueOf(known.getOrDefault(p.name(), example(p.schema()).orElse("1")));
    }

    /**
     * Sends every operation's valid request as every caller, and picks the caller that gets furthest with each: the
     * first (in order admin, regulator, vendor, enterprise, anonymous) whose request succeeds; failing that, the first
     * that is neither refused as unauthenticated nor forbidden.
     */
    private Map<Operation, Caller> baselines(List<Outcome> outcomes) throws IOException {
        Map<Operation, Caller> deepest = new LinkedHashMap<>();
        Map<Operation, Caller> allowed = new LinkedHashMap<>();
        for (Operation op : operations) {
            for (Caller caller : callers) {
                Outcome outcome = send(new Probe(op, "baseline", caller, random.nextBoolean(), target(op, null, null),
                        json(op), validBodyBytes(op), false));
                outcomes.add(outcome);
                int status = outcome.response() == null ? 0 : outcome.response().status();
                if (status / 100 == 2) {
                    deepest.putIfAbsent(op, caller);
                }
                if (status != 401 && status != 403) {
                    allowed.putIfAbsent(op, caller);
                }
            }
            deepest.putIfAbsent(op, allowed.getOrDefault(op, callers.get(0)));
        }
        return deepest;
    }

    /** Each hostile value in each path and query parameter, and query strings of odd shapes. */
    private void parameterProbes(Operation op, Map<Operation, Caller> deepest, List<Probe> probes) throws IOException {
        for (Parameter p : op.parameters("path")) {
            for (Value v : HostileValues.PARAMETER) {
                boolean refuse = HostileValues.decode(v.wire(), false).map(d -> !HostileValues.accepts(p.schema(), d)).orElse(true);
                add(probes, op, deepest, 1.0, "path " + p.name() + " = " + v.name(), target(op, p, v.wire()), json(op),
                        validBodyBytes(op), refuse);
            }
        }
        List<Parameter> query = op.parameters("query");
        for (Parameter p : query) {
            for (Value v : HostileValues.PARAMETER) {
                boolean refuse = HostileValues.decode(v.wire(), true).map(d -> !HostileValues.accepts(p.schema(), d)).orElse(true);
                add(probes, op, deepest, QUERY_SECOND_CALLER, "query " + p.name() + " = " + v.name(),
                        target(op, null, null) + "?" + p.name() + "=" + v.wire(), json(op), validBodyBytes(op), refuse);
            }
        }
        if (!query.isEmpty()) {
            String first = query.get(0).name();
            for (String[] shape : new String[][] {
                    {"repeated parameter", first + "=1&" + first + "=2"}, {"parameter without value", first},
                    {"unknown parameter", "zzUnknown=1"}, {"empty name", "=1"}, {"separators only", "&&&"},
                    {"10k query", first + "=1&zz=" + HostileValues.LONG}}) {
                add(probes, op, deepest, 1.0, "query " + shape[0], target(op, null, null) + "?" + shape[1], json(op),
                        validBodyBytes(op), false);
            }
        }
    }

    /** Whole hostile bodies, and each hostile value in each property of the body's schema. */
    private void bodyProbes(Operation op, Map<Operation, Caller> deepest, List<Probe> probes) throws IOException {
        if (!op.hasBody()) {
            return;
        }
        ObjectNode valid = validBodies.get(op);
        for (Body b : HostileValues.bodies(JSON.writeValueAsString(valid), withSlot(valid, firstStringProperty(valid)))) {
            List<Header> contentType = b.contentType() == null ? List.of() : List.of(new Header("Content-Type", b.contentType()));
            add(probes, op, deepest, 1.0, "body " + b.name(), target(op, null, null), contentType, b.bytes(), b.mustBeRefused());
        }
        for (Property property : op.bodyProperties()) {
            String template = withSlot(valid, property.name());
            for (PropertyValue v : HostileValues.propertyValues(property)) {
                add(probes, op, deepest, 1.0, "body " + property.name() + " = " + v.name(), target(op, null, null), json(op),
                        template.replace(HostileValues.SLOT, v.json()).getBytes(StandardCharsets.UTF_8), v.mustBeRefused());
            }
        }
    }

    /** Each header variant, on a few operations and callers the seed picks. */
    private void headerProbes(List<Probe> probes) {
        for (HeaderVariant h : HostileValues.HEADERS) {
            for (int i = 0; i < HEADER_SPREAD; i++) {
                Operation op = operations.get(random.nextInt(operations.size()));
                Caller caller = callers.get(random.nextInt(callers.size()));
                boolean ownCredentials = h.headers().stream()
                        .anyMatch(x -> x.value().contains(HostileValues.KEY) || x.value().contains(HostileValues.TOKEN));
                if (ownCredentials && caller.anonymous()) {
                    caller = callers.get(0);
                }
                List<Header> headers = new ArrayList<>();
                for (Header x : h.headers()) {
                    headers.add(new Header(x.name(), x.value().replace(HostileValues.KEY, String.valueOf(caller.apiKey()))
                            .replace(HostileValues.TOKEN, String.valueOf(caller.token()))
                            .replace(HostileValues.UNIQUE, run + "-" + probes.size())));
                }
                if (headers.stream().noneMatch(x -> x.name().equalsIgnoreCase("Content-Type"))) {
                    headers.addAll(json(op));
                }
                probes.add(new Probe(op, "header " + h.name(), caller, random.nextBoolean(), target(op, null, null), headers,
                        validBodyBytes(op), false));
            }
        }
    }

    /**
     * Adds the variant as the caller that gets furthest with the operation and, with probability {@code second}, as
     * one other caller; the seed picks which, and whether each uses its API key or its bearer token.
     */
    private void add(List<Probe> probes, Operation op, Map<Operation, Caller> deepest, double second, String variant,
                     String target, List<Header> headers, byte[] body, boolean refuse) {
        Caller first = deepest.get(op);
        probes.add(new Probe(op, variant, first, random.nextBoolean(), target, headers, body, refuse));
        List<Caller> others = callers.stream().filter(c -> c != first).toList();
        Caller other = others.get(random.nextInt(others.size()));
        boolean bearer = random.nextBoolean();
        if (random.nextDouble() < second) {
            probes.add(new Probe(op, variant, other, bearer, target, headers, body, refuse));
        }
    }

    // ---- the checks ----

    private static List<Failure> check(Outcome outcome) {
        Probe probe = outcome.probe();
        List<Failure> failures = new ArrayList<>();
        if (outcome.response() == null) {
            failures.add(new Failure("no HTTP answer", probe, 0, outcome.error()));
            return failures;
        }
        RawRequests.Response r = outcome.response();
        int status = r.status();
        String body = r.bodyText();
        Optional<String> requestId = r.header("X-Request-Id");
        if (status >= 500) {
            failures.add(new Failure("5xx", probe, status, excerpt(body)));
        }
        if (requestId.isEmpty()) {
            failures.add(new Failure("no X-Request-Id header", probe, status, excerpt(body)));
        }
        if (status >= 400) {
            String contentType = r.header("Content-Type").orElse("(none)");
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                failures.add(new Failure("error that is not a problem (Content-Type " + contentType + ")", probe, status, excerpt(body)));
            } else {
                JsonNode problem = parse(body);
                if (problem == null || !problem.path("code").isTextual() || problem.path("code").asText().isBlank()
                        || problem.path("status").asInt(-1) != status || !problem.path("requestId").isTextual()) {
                    failures.add(new Failure("problem without code, matching status or requestId", probe, status, excerpt(body)));
                } else if (requestId.isPresent() && !problem.get("requestId").asText().equals(requestId.get())) {
                    failures.add(new Failure("problem requestId differs from X-Request-Id", probe, status, excerpt(body)));
                }
            }
        }
        if (STACK_TRACE.matcher(body).find()) {
            failures.add(new Failure("exception or stack trace in the body", probe, status, excerpt(body)));
        }
        if (probe.mustBeRefused() && status < 400) {
            failures.add(new Failure("input the contract rules out was accepted", probe, status, excerpt(body)));
        }
        return failures;
    }

    /**
     * The audit rule: every write and every request that presented credentials (an X-API-Key, or an Authorization
     * bearer token, valid or not; header values as the server reads them, without surrounding whitespace) leaves an
     * audit row, except requests refused before routing (429, 413, or a 404 or 405 of a path no operation has),
     * which count in metrics only.
     */
    /**
     * The audit rule (gateway/audit/AuditRule; docs/authentication.md, "What gets a row") as a caller sees it: a row for
     * every request that its own valid credential authenticated and that reached an operation, and for every credential
     * presented and refused (401). What is refused before authentication or before any operation (the rate limiter, the
     * body-size limit, the HTTP codec, CORS, no operation for the path, method or media types) is counted, not recorded.
     */
    static boolean mustBeAudited(Probe probe, List<Header> sent, int status, boolean routed, String code) {
        boolean credentials = sent.stream().anyMatch(h -> h.name().equalsIgnoreCase("X-API-Key")
                || (h.name().equalsIgnoreCase("Authorization") && h.value().strip().regionMatches(true, 0, "Bearer ", 0, 7)));
        boolean refusedBeforeAuthentication = status == 429 || status == 413 || status == 414 || status == 431
                || status == 505 || "CROSS_ORIGIN_REFUSED".equals(code) || (status == 400 && unreadableHead(probe));
        if (refusedBeforeAuthentication) {
            return false;
        }
        if (credentials && status == 401) {
            return true;
        }
        boolean ownValidCredential = !probe.caller().anonymous() && probe.headers().stream()
                .noneMatch(h -> h.name().equalsIgnoreCase("X-API-Key") || h.name().equalsIgnoreCase("Authorization"));
        boolean reachedOperation = routed && status != 405 && status != 406 && status != 415
                && !(status == 404 && "RESOURCE_NOT_FOUND".equals(code));
        return ownValidCredential && reachedOperation;
    }

    /**
     * A request head the HTTP codec refuses before any route: a target with a bad percent-escape or a raw control or
     * non-ASCII byte, a header value with a raw control character (CR, LF, NUL…).
     */
    static boolean unreadableHead(Probe probe) {
        String target = probe.target();
        return Pattern.compile("%(?![0-9A-Fa-f]{2})").matcher(target).find() || target.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)
                || probe.headers().stream().anyMatch(h -> h.value().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f));
    }

    private List<Failure> lostAuditRows(List<Outcome> outcomes) throws InterruptedException {
        Set<String> templates = operations.stream().map(Operation::toString).collect(Collectors.toSet());
        Map<String, Outcome> expected = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.response() == null || o.response().header("X-Request-Id").isEmpty()) {
                continue;  // reported already; nothing to match a row by
            }
            if (mustBeAudited(o.probe(), sent(o.probe()), o.response().status(), routed(o.probe(), templates), code(o.response()))) {
                expected.put(o.response().header("X-Request-Id").get(), o);
            }
        }
        // A row is queued when its response has been written, which the client may see a moment earlier: flush and look
        // again until every row is there or three rounds in a row find nothing new.
        Map<String, Integer> found = new HashMap<>();
        for (int idle = 0; found.size() < expected.size() && idle < 3; ) {
            int before = found.size();
            recorder.flush().await().indefinitely();
            String[] ids = expected.keySet().stream().filter(id -> !found.containsKey(id)).toArray(String[]::new);
            for (Row row : pool.preparedQuery("SELECT request_id, status FROM audit_log WHERE request_id = ANY($1)")
                    .execute(Tuple.of(ids)).await().indefinitely()) {
                found.put(row.getString(0), row.getInteger(1));
            }
            idle = found.size() == before ? idle + 1 : 0;
            if (found.size() < expected.size()) {
                Thread.sleep(200);
            }
        }
        mustBeAudited = expected.size();
        audited = found.size();
        List<Failure> failures = new ArrayList<>();
        expected.forEach((id, o) -> {
            Integer status = found.get(id);
            if (status == null) {
                failures.add(new Failure("audit row lost", o.probe(), o.response().status(), "request " + id));
            } else if (status != o.response().status()) {
                failures.add(new Failure("audit row with another status (" + status + ")", o.probe(), o.response().status(), "request " + id));
            }
        });
        return failures;
    }

    /**
     * Whether the request's path is one some operation has, for its method, after the dot segments a server removes;
     * an encoded slash counts as a slash.
     */
    private static boolean routed(Probe probe, Set<String> templates) {
        String path = probe.target().split("\\?", 2)[0].replaceAll("(?i)%2F", "/");
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            if (s.equals("..") || s.equalsIgnoreCase("%2E%2E")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!s.equals(".") && !s.isEmpty()) {
                segments.add(s);
            }
        }
        String method = probe.op().method();
        return templates.stream().filter(t -> t.startsWith(method + " ")).anyMatch(t -> {
            String[] parts = t.substring(method.length() + 2).split("/");
            if (parts.length != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].startsWith("{") && !parts[i].equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Fails with every failure: first the classes (check, variant, status) with the operations they hit, then each
     * (check, operation, variant, status) with its callers and first answer. The same text goes to {@link #REPORT}.
     */
    private void report(int requests, long sweepMillis, List<Failure> failures) throws IOException {
        Map<String, List<Failure>> classes = new TreeMap<>();
        Map<String, List<Failure>> groups = new TreeMap<>();
        for (Failure f : failures) {
            classes.computeIfAbsent(f.check() + " | " + f.probe().variant().replaceFirst("^(path|query|body) \\S+ = ", "$1 * = ") + " | " + f.status(), k -> new ArrayList<>()).add(f);
            groups.computeIfAbsent(f.check() + " | " + f.probe().op() + " | " + f.probe().variant() + " | " + f.status(),
                    k -> new ArrayList<>()).add(f);
        }
        StringBuilder out = new StringBuilder();
        out.append(requests).append(" requests (").append(sweepMillis).append(" ms for the hostile ones), ")
                .append(failures.size()).append(" failures in ").append(classes.size()).append(" classes; ")
                .append(audited).append(" of the ").append(mustBeAudited).append(" audit rows the rule asks for found\n");
        out.append("\ncheck | variant | status: operations\n");
        classes.forEach((key, list) -> {
            List<String> ops = list.stream().map(f -> f.probe().op().toString()).distinct().sorted().toList();
            out.append(key).append(": ").append(ops.size() <= 3 ? String.join(", ", ops) : ops.size() + " operations")
                    .append('\n');
        });
        out.append("\ncheck | operation | variant | status: callers — first answer\n");
        groups.forEach((key, list) -> out.append(key).append(": ")
                .append(list.stream().map(f -> f.probe().caller().name() + (f.probe().bearer() && !f.probe().caller().anonymous() ? " (token)" : ""))
                        .distinct().collect(Collectors.joining(", ")))
                .append(" — ").append(list.get(0).detail()).append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, out);
        String shown = out.length() <= MAX_MESSAGE ? out.toString() : out.substring(0, MAX_MESSAGE) + "\n… (the rest in " + REPORT + ")";
        assertThat(failures).as("hostile-input sweep (all of it in %s):%n%s", REPORT, shown).isEmpty();
    }

    // ---- building and sending requests ----

    private Outcome send(Probe probe) {
        String requestId = "sweep-" + run + "-" + (++sequence);
        List<Header> headers = new ArrayList<>();
        if (probe.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("X-Request-Id"))) {
            headers.add(new Header("X-Request-Id", requestId));
        }
        headers.addAll(sent(probe));
        try {
            return new Outcome(probe, http.send(probe.op().method(), probe.target(), headers, probe.body()), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(probe, null, e.toString());
        }
    }

    /** The probe's headers, with the caller's credentials unless the probe brings its own. */
    private static List<Header> sent(Probe probe) {
        List<Header> headers = new ArrayList<>();
        boolean ownCredentials = probe.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("X-API-Key")
                || h.name().equalsIgnoreCase("Authorization"));
        if (!ownCredentials && !probe.caller().anonymous()) {
            headers.add(probe.bearer() ? new Header("Authorization", "Bearer " + probe.caller().token())
                    : new Header("X-API-Key", probe.caller().apiKey()));
        }
        headers.addAll(probe.headers());
        return headers;
    }

    /** The operation's path with valid values, or {@code wire} as it is for the {@code hostile} parameter. */
    private String target(Operation op, Parameter hostile, String wire) {
        String path = op.template();
        for (Parameter p : op.parameters("path")) {
            String value = p == hostile ? wire : URLEncoder.encode(validPathValue(op, p), StandardCharsets.UTF_8);
            path = path.replace("{" + p.name() + "}", value);
        }
        return path;
    }

    private static List<Header> json(Operation op) {
        return op.hasBody() ? List.of(new Header("Content-Type", "application/json")) : List.of();
    }

    private byte[] validBodyBytes(Operation op) {
        return op.hasBody() ? validBodies.get(op).toString().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** A body the operation accepts: its required properties (or its first one), from the known values or examples. */
    private ObjectNode validBody(Operation op) {
        ObjectNode body = JSON.createObjectNode();
        List<Property> properties = op.bodyProperties().stream().filter(Property::required).toList();
        if (properties.isEmpty() && !op.bodyProperties().isEmpty()) {
            properties = List.of(op.bodyProperties().get(0));
        }
        for (Property p : properties) {
            Object value = known.containsKey(p.name()) ? known.get(p.name())
                    : example(p.schema()).map(e -> (Object) e).orElse("Hostile input sweep " + p.name());
            body.set(p.name(), JSON.valueToTree(value));
        }
        return body;
    }

    /** The body as JSON with {@link HostileValues#SLOT} as the value of {@code property}. */
    private static String withSlot(ObjectNode body, String property) throws IOException {
        ObjectNode slotted = body.deepCopy();
        slotted.set(property, new TextNode("@@slot@@"));
        return JSON.writeValueAsString(slotted);
    }

    private static String firstStringProperty(ObjectNode body) {
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (e.getValue().isTextual()) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no string property in " + body);
    }

    private static Optional<String> example(JsonNode schema) {
        JsonNode examples = schema.path("examples");
        if (examples.isArray() && !examples.isEmpty() && examples.get(0).isValueNode()) {
            return Optional.of(examples.get(0).asText());
        }
        return schema.path("example").isValueNode() ? Optional.of(schema.get("example").asText()) : Optional.empty();
    }

    private CreatedClient client(String role, List<String> scopes, String region, String creditCode, String plan) {
        return registry.create(new NewClient("Sweep " + role + " " + UUID.randomUUID(), "ePermit hostile-input sweep", null,
                List.of(role), scopes, region, creditCode, plan, "kc-sweep-" + role + "-" + run)).await().indefinitely();
    }

    /** The role's caller: its API key, and a bearer token of its Keycloak client with the same scopes and role. */
    private static Caller caller(CreatedClient client, String role) {
        String token = TestTokens.of(client.client().oidcClientId()).scope(String.join(" ", client.client().scopes()))
                .realmRoles(role).sign();
        return new Caller(role, client.apiKey(), token);
    }

    /** The problem's code, or null when the answer is not a problem. */
    private static String code(RawRequests.Response response) {
        JsonNode problem = parse(response.bodyText());
        return problem == null || !problem.hasNonNull("code") ? null : problem.get("code").asText();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
