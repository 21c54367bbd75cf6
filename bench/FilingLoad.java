// The load program of bench/filings.sh: execution reports (prepared, then submitted or validated by N concurrent
// clients) and monitoring-record ingestion (JSON, CSV and HJ 212 batches by N concurrent clients), and the rows for
// the COPY baseline. A single-file Java 17 program with no dependencies (JDK HttpClient, a small JSON reader/writer):
//
//   java bench/FilingLoad.java prepare-reports --base URL --key KEY --permits FILE --count N --clients C --years 2019-2026 --out FILE
//   java bench/FilingLoad.java reports  --base URL --key KEY --bodies FILE --mode submit|validate --clients 16 --warmup S --duration S --rounds R
//   java bench/FilingLoad.java ingest   --base URL --key KEY --series FILE --state FILE --format json|csv|hj212 --clients 4 --batch 5000 --warmup S --duration S --rounds R
//   java bench/FilingLoad.java copy-rows --series FILE --rows N --permit-offset X --batch 5000 --out FILE
//
// Each measured round prints one line "RESULT key=value ..." on stdout; progress and problems go to stderr.
// See bench/README.md ("Filings").

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public class FilingLoad {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static Map<String, String> opts = new HashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            die("usage: FilingLoad prepare-reports|reports|ingest|copy-rows [--option value]... (see the header of bench/FilingLoad.java)");
        }
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) die("bad option near '" + args[i] + "'");
            opts.put(args[i].substring(2), args[i + 1]);
        }
        switch (args[0]) {
            case "prepare-reports" -> prepareReports();
            case "reports" -> reports();
            case "ingest" -> ingest();
            case "copy-rows" -> copyRows();
            default -> die("unknown command " + args[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Options, HTTP, timing
    // ------------------------------------------------------------------------------------------------------------

    static String opt(String name) {
        String v = opts.get(name);
        if (v == null) die("--" + name + " is required");
        return v;
    }

    static String opt(String name, String fallback) { return opts.getOrDefault(name, fallback); }

    static int intOpt(String name, int fallback) { return Integer.parseInt(opt(name, String.valueOf(fallback))); }

    static void die(String message) {
        System.err.println("FilingLoad: " + message);
        System.exit(2);
    }

    static void log(String message) { System.err.println("[FilingLoad " + Instant.now().toString().substring(11, 19) + "] " + message); }

    record Reply(int status, String body, long nanos) { }

    /** One client: its own HttpClient (its own connection), used by one thread at a time. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final String base = opt("base");
        final String key = opt("key");

        Reply send(String method, String path, String contentType, String body, String idempotencyKey) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("X-API-Key", key).header("Accept", "application/json");
            if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(r.statusCode(), r.body(), System.nanoTime() - start);
            } catch (IOException e) {
                return new Reply(-1, e.toString(), System.nanoTime() - start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Reply(-1, e.toString(), System.nanoTime() - start);
            }
        }
    }

    /** Latencies of one thread, appended without locking; merged after the round. */
    static final class Latencies {
        long[] values = new long[1 << 14];
        int size;

        void add(long nanos) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = nanos;
        }

        static long[] merge(List<Latencies> all) {
            int n = all.stream().mapToInt(l -> l.size).sum();
            long[] out = new long[n];
            int at = 0;
            for (Latencies l : all) { System.arraycopy(l.values, 0, out, at, l.size); at += l.size; }
            Arrays.sort(out);
            return out;
        }
    }

    static String ms(long[] sorted, double q) {
        if (sorted.length == 0) return "NaN";
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return String.format(Locale.ROOT, "%.2f", sorted[i] / 1e6);
    }

    static String statuses(Map<Integer, LongAdder> counts) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append(':').append(v.sum()));
        return s.length() == 0 ? "none" : s.toString();
    }

    /** A problem body printed once per status, so that a failing run says why. */
    static final Map<Integer, Boolean> SHOWN = new ConcurrentHashMap<>();

    static void showOnce(Reply r, String what) {
        if (SHOWN.putIfAbsent(r.status(), true) == null) {
            log(what + " answered " + r.status() + ": " + (r.body().length() > 800 ? r.body().substring(0, 800) + "…" : r.body()));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reports: preparation
    // ------------------------------------------------------------------------------------------------------------

    static void prepareReports() throws Exception {
        List<String> permits = Files.readAllLines(Path.of(opt("permits"))).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        int count = intOpt("count", 1000);
        int clients = intOpt("clients", 16);
        String[] years = opt("years", "2019-2026").split("-");
        int fromYear = Integer.parseInt(years[0]), toYear = Integer.parseInt(years[years.length - 1]);
        Path out = Path.of(opt("out"));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger prepared = new AtomicInteger();
        Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        LongAdder acknowledged = new LongAdder();
        LongAdder requests = new LongAdder();
        long start = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Thread[] threads = new Thread[clients];
            for (int t = 0; t < clients; t++) {
                threads[t] = new Thread(() -> {
                    Client c = new Client();
                    int i;
                    while (prepared.get() < count && (i = next.getAndIncrement()) < permits.size()) {
                        String pn = permits.get(i);
                        for (int y = fromYear; y <= toYear && prepared.get() < count; y++) {
                            Reply o = c.send("GET", "/v1/permits/" + pn + "/obligations?year=" + y, null, null, null);
                            requests.increment();
                            if (o.status() != 200) { showOnce(o, "obligations"); continue; }
                            for (Object item : list(obj(Json.parse(o.body())).get("reports"))) {
                                Map<String, Object> report = obj(item);
                                String status = (String) report.get("status");
                                if (!"DUE".equals(status) && !"OVERDUE".equals(status)) continue;
                                if (prepared.get() >= count) break;
                                String body = prepareOne(c, pn, (String) report.get("type"), (String) report.get("period"), refused, acknowledged, requests);
                                if (body != null && prepared.getAndIncrement() < count) {
                                    synchronized (w) {
                                        try { w.write(pn + "\t" + body + "\n"); } catch (IOException e) { throw new RuntimeException(e); }
                                    }
                                }
                            }
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = Math.min(prepared.get(), count);
        StringBuilder why = new StringBuilder();
        refused.forEach((k, v) -> why.append(why.length() == 0 ? "" : ",").append(k).append(':').append(v.sum()));
        System.out.printf(Locale.ROOT, "RESULT prepared=%d asked=%d permits_read=%d of=%d acknowledged=%d refused=%s requests=%d seconds=%.1f%n",
                n, count, Math.min(next.get(), permits.size()), permits.size(), acknowledged.sum(), why.length() == 0 ? "none" : why,
                requests.sum(), seconds);
    }

    /** The blank report filled as a careful unit fills it, made acceptable with the validation's help; null if not. */
    static String prepareOne(Client c, String pn, String type, String period, Map<String, LongAdder> refused,
                             LongAdder acknowledged, LongAdder requests) {
        Reply blank = c.send("GET", "/v1/permits/" + pn + "/execution-reports/blank?type=" + type + "&period=" + period, null, null, null);
        requests.increment();
        if (blank.status() != 200) {
            showOnce(blank, "blank report");
            refused.computeIfAbsent("blank-" + blank.status(), k -> new LongAdder()).increment();
            return null;
        }
        Map<String, Object> report = obj(Json.parse(blank.body()));
        for (Object e : list(report.get("actualEmissions"))) {
            Map<String, Object> emission = obj(e);
            Object licensed = emission.remove("licensedTonnes");
            if (emission.get("tonnes") == null) {
                BigDecimal half = licensed instanceof BigDecimal l ? l.divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP) : BigDecimal.ZERO;
                emission.put("tonnes", half);
            }
            if (emission.get("method") == null) emission.put("method", "CALCULATED");
        }
        for (Object m : list(report.get("monitoring"))) {
            Map<String, Object> requirement = obj(m);
            requirement.remove("recordedSamples");
            requirement.put("performedSamples", requirement.get("requiredSamples"));
        }
        Map<String, Object> statements = new LinkedHashMap<>();
        statements.put("ledgerKept", true);
        statements.put("disclosed", true);
        statements.put("truthful", true);
        report.put("statements", statements);
        Map<String, Object> signatory = new LinkedHashMap<>();
        signatory.put("name", "王建国");
        signatory.put("role", "法定代表人");
        report.put("signatory", signatory);
        String path = "/v1/permits/" + pn + "/execution-reports/validation";
        for (int attempt = 0; attempt < 2; attempt++) {
            String body = Json.write(report);
            Reply v = c.send("POST", path, "application/json", body, null);
            requests.increment();
            if (v.status() != 200) {
                showOnce(v, "validation");
                refused.computeIfAbsent("validation-" + v.status(), k -> new LongAdder()).increment();
                return null;
            }
            Map<String, Object> answer = obj(Json.parse(v.body()));
            if (Boolean.TRUE.equals(answer.get("acceptable"))) return body;
            List<Object> needed = list(answer.get("explanationsRequired"));
            if (attempt == 1 || needed.isEmpty()) {
                List<Object> errors = list(answer.get("errors"));
                String code = errors.isEmpty() ? "not-acceptable" : (String) obj(errors.get(0)).get("code");
                refused.computeIfAbsent(code, k -> new LongAdder()).increment();
                return null;
            }
            List<Object> acks = new ArrayList<>(list(report.get("acknowledgements")));
            for (Object f : needed) {
                Map<String, Object> finding = obj(f);
                Map<String, Object> ack = new LinkedHashMap<>();
                ack.put("code", finding.get("code"));
                ack.put("path", finding.get("path"));
                ack.put("explanation", "设备检修期间按规定补测，已记入台账。Maintenance outage; recorded in the ledger.");
                acks.add(ack);
                acknowledged.increment();
            }
            report.put("acknowledgements", acks);
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reports: the measurement
    // ------------------------------------------------------------------------------------------------------------

    static void reports() throws Exception {
        List<String[]> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt("bodies")), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) bodies.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
        if (bodies.isEmpty()) die("no prepared bodies in " + opt("bodies"));
        boolean submit = switch (opt("mode")) {
            case "submit" -> true;
            case "validate" -> false;
            default -> { die("--mode is submit or validate"); yield false; }
        };
        int clients = intOpt("clients", 16);
        int warmup = intOpt("warmup", 10), duration = intOpt("duration", 30), rounds = intOpt("rounds", 3);
        // a submission uses each body once (a second would be REPORT_EXISTS); validation stores nothing and cycles
        AtomicInteger next = new AtomicInteger(intOpt("skip", 0));
        List<Client> pool = new ArrayList<>();
        for (int i = 0; i < clients; i++) pool.add(new Client());
        for (int round = 0; round <= rounds; round++) {
            if (round == 0 && warmup == 0) continue;
            int seconds = round == 0 ? warmup : duration;
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            List<Latencies> lat = new ArrayList<>();
            Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();
            AtomicLong exhaustedAt = new AtomicLong();
            CountDownLatch done = new CountDownLatch(clients);
            long start = System.nanoTime();
            for (int t = 0; t < clients; t++) {
                Latencies l = new Latencies();
                lat.add(l);
                Client c = pool.get(t);
                new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            int i = next.getAndIncrement();
                            if (submit && i >= bodies.size()) { exhaustedAt.compareAndSet(0, System.nanoTime()); break; }
                            String[] b = bodies.get(i % bodies.size());
                            Reply r = submit
                                    ? c.send("POST", "/v1/permits/" + b[0] + "/execution-reports", "application/json", b[1], UUID.randomUUID().toString())
                                    : c.send("POST", "/v1/permits/" + b[0] + "/execution-reports/validation", "application/json", b[1], null);
                            counts.computeIfAbsent(r.status(), k -> new LongAdder()).increment();
                            if (r.status() == (submit ? 201 : 200)) l.add(r.nanos()); else showOnce(r, submit ? "submission" : "validation");
                        }
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            long end = System.nanoTime();
            double elapsed = (end - start) / 1e9;
            long[] sorted = Latencies.merge(lat);
            int ok = sorted.length;
            long all = counts.values().stream().mapToLong(LongAdder::sum).sum();
            System.out.printf(Locale.ROOT, "RESULT mode=%s phase=%s round=%d clients=%d ok=%d requests=%d seconds=%.2f rps=%.1f p50_ms=%s p95_ms=%s p99_ms=%s max_ms=%s statuses=%s exhausted=%s%n",
                    submit ? "submit" : "validate", round == 0 ? "warmup" : "measured", round, clients, ok, all, elapsed, ok / elapsed,
                    ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0), statuses(counts),
                    exhaustedAt.get() == 0 ? "no" : String.format(Locale.ROOT, "%.1fs", (exhaustedAt.get() - start) / 1e9));
            if (submit && next.get() >= bodies.size()) {
                if (round < rounds) log("all " + bodies.size() + " prepared bodies are used: the remaining rounds are skipped (prepare more: REPORTS=...)");
                break;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Monitoring records: the series of each permit and the hours already sent
    // ------------------------------------------------------------------------------------------------------------

    record Series(String outlet, String pollutant, String unit, BigDecimal value) { }

    static final class Permit {
        final String number;
        final long id;
        final int version;
        final long firstHour;                    // epoch hour of the current version's first day (China time)
        final List<Series> series = new ArrayList<>();
        final List<String> outlets = new ArrayList<>();
        long cursor;                             // records already used (hour index × series + series index)

        Permit(String number, long id, int version, LocalDate from) {
            this.number = number;
            this.id = id;
            this.version = version;
            this.firstHour = from.atStartOfDay(CHINA).toEpochSecond() / 3600;
        }

        String mn(String outlet) { return "BF" + String.format(Locale.ROOT, "%010d", id) + outlet; }
    }

    /** TSV: permit_number, permit_id, version, effective_from, outlet, pollutant, unit, limit (or empty). */
    static List<Permit> readSeries() throws IOException {
        Map<String, Permit> byNumber = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(opt("series")), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            Permit p = byNumber.computeIfAbsent(f[0], k -> new Permit(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), LocalDate.parse(f[3])));
            BigDecimal value;
            if ("w01001".equals(f[5])) {
                value = new BigDecimal("7.2");                       // pH: inside 6–9
            } else if (!f[7].isEmpty()) {
                value = new BigDecimal(f[7]).multiply(new BigDecimal("0.5")).setScale(3, RoundingMode.HALF_UP);
            } else {
                value = new BigDecimal("1250.5");                    // flow: no limit
            }
            p.series.add(new Series(f[4], f[5], f[6], value));
            if (!p.outlets.contains(f[4])) p.outlets.add(f[4]);
        }
        return new ArrayList<>(byNumber.values());
    }

    static void loadState(List<Permit> permits, Path state) throws IOException {
        if (!Files.exists(state)) return;
        Map<String, Long> cursors = new HashMap<>();
        for (String line : Files.readAllLines(state)) {
            String[] f = line.split("\t");
            if (f.length == 2) cursors.put(f[0], Long.parseLong(f[1]));
        }
        for (Permit p : permits) p.cursor = cursors.getOrDefault(p.number, 0L);
    }

    static void saveState(List<Permit> permits, Path state) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Permit p : permits) s.append(p.number).append('\t').append(p.cursor).append('\n');
        Files.writeString(state, s);
    }

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    static final DateTimeFormatter HJ_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    static String iso(long epochHour) { return ISO.format(Instant.ofEpochSecond(epochHour * 3600).atZone(CHINA)); }

    /** The last hour a record may start in: its mean must be over (the service refuses windows ending in the future). */
    static final long LAST_HOUR = Instant.now().getEpochSecond() / 3600 - 2;

    /** The next batch of one permit: {@code batch} records from its cursor (JSON, CSV), or null when it has none left. */
    static String nextBatch(Permit p, String format, int batch, int[] records) {
        int s = p.series.size();
        if (format.equals("hj212")) {
            // packets are whole hours (one per outlet and hour, all its pollutants): start at the next whole hour
            long hour = (p.cursor + s - 1) / s;
            int hours = Math.max(1, batch / s);
            if (p.firstHour + hour + hours > LAST_HOUR) return null;
            StringBuilder b = new StringBuilder(batch * 40);
            for (long h = hour; h < hour + hours; h++) {
                ZonedDateTime t = Instant.ofEpochSecond((p.firstHour + h) * 3600).atZone(CHINA);
                for (String outlet : p.outlets) {
                    StringBuilder cp = new StringBuilder("DataTime=").append(HJ_TIME.format(t)).append(';');
                    boolean first = true;
                    for (Series x : p.series) {
                        if (!x.outlet().equals(outlet)) continue;
                        if (!first) cp.append(';');
                        cp.append(x.pollutant()).append("-Avg=").append(x.value().toPlainString()).append(',')
                                .append(x.pollutant()).append("-Flag=N");
                        first = false;
                    }
                    String segment = "QN=" + HJ_TIME.format(t) + "000;ST=" + (outlet.startsWith("DA") ? "31" : "32")
                            + ";CN=2061;PW=123456;MN=" + p.mn(outlet) + ";Flag=4;CP=&&" + cp + "&&";
                    b.append("##").append(String.format(Locale.ROOT, "%04d", segment.length())).append(segment)
                            .append(crc(segment)).append("\r\n");
                }
            }
            records[0] = hours * s;
            p.cursor = (hour + hours) * s;
            return b.toString();
        }
        long from = p.cursor, to = p.cursor + batch;
        if (p.firstHour + (to - 1) / s > LAST_HOUR) return null;
        StringBuilder b = new StringBuilder(batch * 130);
        if (format.equals("csv")) b.append("outletCode,pollutantCode,kind,averaging,from,value,unit,flag\n");
        else b.append("{\"records\":[");
        for (long r = from; r < to; r++) {
            Series x = p.series.get((int) (r % s));
            String time = iso(p.firstHour + r / s);
            if (format.equals("csv")) {
                b.append(x.outlet()).append(',').append(x.pollutant()).append(",AUTOMATIC,HOURLY,").append(time).append(',')
                        .append(x.value().toPlainString()).append(',').append(x.unit()).append(",VALID\n");
            } else {
                if (r > from) b.append(',');
                b.append("{\"outletCode\":\"").append(x.outlet()).append("\",\"pollutantCode\":\"").append(x.pollutant())
                        .append("\",\"kind\":\"AUTOMATIC\",\"averaging\":\"HOURLY\",\"from\":\"").append(time)
                        .append("\",\"value\":").append(x.value().toPlainString()).append(",\"unit\":\"")
                        .append(Json.escape(x.unit())).append("\",\"flag\":\"VALID\"}");
            }
        }
        if (!format.equals("csv")) b.append("]}");
        records[0] = batch;
        p.cursor = to;
        return b.toString();
    }

    /** HJ 212-2017 appendix A (the service's Hj212Crc): shift right by 8, XOR the byte, 8 reflected steps of 0xA001. */
    static String crc(String segment) {
        int register = 0xFFFF;
        for (byte x : segment.getBytes(StandardCharsets.US_ASCII)) {
            register = (register >> 8) ^ (x & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean low = (register & 1) == 1;
                register >>= 1;
                if (low) register ^= 0xA001;
            }
        }
        return String.format(Locale.ROOT, "%04X", register & 0xFFFF);
    }

    static String contentType(String format) {
        return switch (format) {
            case "json" -> "application/json";
            case "csv" -> "text/csv";
            case "hj212" -> "text/plain";
            default -> { die("--format is json, csv or hj212"); yield null; }
        };
    }

    // ------------------------------------------------------------------------------------------------------------
    // Monitoring records: the measurement
    // ------------------------------------------------------------------------------------------------------------

    static void ingest() throws Exception {
        List<Permit> permits = readSeries();
        Path state = Path.of(opt("state"));
        loadState(permits, state);
        String format = opt("format");
        String type = contentType(format);
        int clients = intOpt("clients", 4), batch = intOpt("batch", 5000);
        int warmup = intOpt("warmup", 10), duration = intOpt("duration", 30), rounds = intOpt("rounds", 3);
        if (permits.size() < clients) die("only " + permits.size() + " permits with monitored outlets: fewer than the " + clients + " clients");
        Client probe = new Client();
        if (format.equals("hj212")) {
            // The text/plain endpoint may not exist yet: one packet of the first permit tells.
            Permit p = permits.get(0);
            registerDevices(probe, p);
            int[] n = new int[1];
            long saved = p.cursor;
            String one = nextBatch(p, format, 1, n);
            Reply r = probe.send("POST", "/v1/permits/" + p.number + "/monitoring-records", type, one, null);
            if (r.status() == 415) {
                System.out.println("RESULT format=hj212 skipped=415 reason=the_service_answers_415_to_text/plain:_HJ_212_batches_are_not_supported_by_this_build");
                p.cursor = saved;
                saveState(permits, state);
                return;
            }
            if (r.status() / 100 != 2) log("the HJ 212 probe answered " + r.status() + ": " + r.body());
            log("HJ 212: registering a device (MN) for every outlet of " + permits.size() + " permits");
            for (Permit q : permits.subList(1, permits.size())) registerDevices(probe, q);
        }
        // each client owns every clients-th permit, so no two clients send the same records
        List<List<Permit>> owned = new ArrayList<>();
        for (int t = 0; t < clients; t++) owned.add(new ArrayList<>());
        for (int i = 0; i < permits.size(); i++) owned.get(i % clients).add(permits.get(i));
        List<Client> pool = new ArrayList<>();
        for (int i = 0; i < clients; i++) pool.add(new Client());
        int[] position = new int[clients];
        try {
            for (int round = 0; round <= rounds; round++) {
                if (round == 0 && warmup == 0) continue;
                int seconds = round == 0 ? warmup : duration;
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                List<Latencies> lat = new ArrayList<>();
                Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();
                LongAdder sent = new LongAdder(), inserted = new LongAdder(), duplicates = new LongAdder(), bytes = new LongAdder();
                AtomicInteger exhausted = new AtomicInteger();
                CountDownLatch done = new CountDownLatch(clients);
                long start = System.nanoTime();
                for (int t = 0; t < clients; t++) {
                    Latencies l = new Latencies();
                    lat.add(l);
                    Client c = pool.get(t);
                    List<Permit> mine = owned.get(t);
                    int me = t;
                    new Thread(() -> {
                        try {
                            int[] n = new int[1];
                            int empty = 0;
                            while (System.nanoTime() < deadline) {
                                Permit p = mine.get(position[me]++ % mine.size());
                                String body = nextBatch(p, format, batch, n);
                                if (body == null) {
                                    if (++empty >= mine.size()) { exhausted.incrementAndGet(); break; }
                                    continue;
                                }
                                empty = 0;
                                Reply r = c.send("POST", "/v1/permits/" + p.number + "/monitoring-records", type, body,
                                        UUID.randomUUID().toString());
                                counts.computeIfAbsent(r.status(), k -> new LongAdder()).increment();
                                if (r.status() == 201 || r.status() == 200) {
                                    l.add(r.nanos());
                                    sent.add(n[0]);
                                    bytes.add(body.length());
                                    Map<String, Object> receipt = obj(Json.parse(r.body()));
                                    inserted.add(((BigDecimal) receipt.get("inserted")).longValue());
                                    duplicates.add(((BigDecimal) receipt.get("duplicates")).longValue());
                                } else {
                                    showOnce(r, format + " batch of " + p.number);
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    }).start();
                }
                done.await();
                double elapsed = (System.nanoTime() - start) / 1e9;
                long[] sorted = Latencies.merge(lat);
                System.out.printf(Locale.ROOT, "RESULT format=%s phase=%s round=%d clients=%d batch=%d batches=%d records=%d inserted=%d duplicates=%d seconds=%.2f records_per_s=%.1f batch_p50_ms=%s batch_p99_ms=%s batch_max_ms=%s mb_sent=%.1f statuses=%s exhausted_clients=%d%n",
                        format, round == 0 ? "warmup" : "measured", round, clients, batch, sorted.length, sent.sum(), inserted.sum(),
                        duplicates.sum(), elapsed, inserted.sum() / elapsed, ms(sorted, 0.5), ms(sorted, 0.99), ms(sorted, 1.0),
                        bytes.sum() / 1e6, statuses(counts), exhausted.get());
                if (exhausted.get() > 0) log(exhausted.get() + " client(s) ran out of hours to send: load more permits");
            }
        } finally {
            saveState(permits, state);
        }
    }

    static void registerDevices(Client c, Permit p) {
        for (String outlet : p.outlets) {
            String body = "{\"mn\":\"" + p.mn(outlet) + "\",\"outletCode\":\"" + outlet + "\"}";
            Reply r = c.send("POST", "/v1/permits/" + p.number + "/monitoring-devices", "application/json", body, null);
            if (r.status() / 100 != 2 && r.status() != 409) showOnce(r, "device registration");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The COPY baseline's rows: the same generator, other permit ids (the keys cannot meet the API's rows)
    // ------------------------------------------------------------------------------------------------------------

    static void copyRows() throws Exception {
        List<Permit> permits = readSeries();
        long rows = Long.parseLong(opt("rows"));
        long offset = Long.parseLong(opt("permit-offset"));
        int batch = intOpt("batch", 5000);
        String batchId = UUID.randomUUID().toString();
        String receivedAt = Instant.now().atOffset(ZoneOffset.UTC).toString();
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(opt("out")), StandardCharsets.UTF_8)) {
            int i = 0, empty = 0;
            while (written < rows && empty < permits.size()) {
                Permit p = permits.get(i++ % permits.size());
                int s = p.series.size();
                long n = Math.min(batch, rows - written);
                if (p.firstHour + (p.cursor + n - 1) / s > LAST_HOUR) { empty++; continue; }
                empty = 0;
                for (long r = p.cursor; r < p.cursor + n; r++) {
                    Series x = p.series.get((int) (r % s));
                    long hour = p.firstHour + r / s;
                    w.write((offset + p.id) + "," + p.version + "," + x.outlet() + "," + x.pollutant() + ",AUTOMATIC,HOURLY,"
                            + iso(hour) + "," + iso(hour + 1) + "," + x.value().toPlainString() + "," + x.unit() + ",VALID,false,,,"
                            + receivedAt + "," + batchId + ",JSON,\n");
                }
                p.cursor += n;
                written += n;
            }
        }
        System.out.println("RESULT rows=" + written);
    }

    // ------------------------------------------------------------------------------------------------------------
    // JSON: objects as LinkedHashMap, arrays as ArrayList, numbers as BigDecimal
    // ------------------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) { return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>(); }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) { return o instanceof List<?> l ? (List<Object>) l : List.of(); }

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) { this.s = s; }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) throw new IllegalArgumentException("trailing characters at " + j.i);
            return v;
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') { i++; return m; }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') { i++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') { i++; return l; }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') { i++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"' -> { return string(); }
                case 't' -> { i += 4; return Boolean.TRUE; }
                case 'f' -> { i += 5; return Boolean.FALSE; }
                case 'n' -> { i += 4; return null; }
                default -> {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
                    return new BigDecimal(s.substring(start, i));
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    default -> b.append(e);
                }
            }
        }

        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(v, b);
            return b.toString();
        }

        private static void write(Object v, StringBuilder b) {
            if (v == null) b.append("null");
            else if (v instanceof String str) b.append('"').append(escape(str)).append('"');
            else if (v instanceof BigDecimal d) b.append(d.toPlainString());
            else if (v instanceof Boolean || v instanceof Number) b.append(v);
            else if (v instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) b.append(',');
                    first = false;
                    b.append('"').append(escape((String) e.getKey())).append("\":");
                    write(e.getValue(), b);
                }
                b.append('}');
            } else if (v instanceof List<?> l) {
                b.append('[');
                for (int k = 0; k < l.size(); k++) { if (k > 0) b.append(','); write(l.get(k), b); }
                b.append(']');
            } else throw new IllegalArgumentException("cannot write " + v.getClass());
        }

        static String escape(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> { if (c < 0x20) b.append(String.format("\\u%04x", (int) c)); else b.append(c); }
                }
            }
            return b.toString();
        }
    }
}
