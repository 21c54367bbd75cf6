// The measuring program of bench/stats.sh: each statistics call through the API beside the plain GROUP BY over the
// base tables that computes the same answer, in the same run. For each case it checks that both give the same
// figures, then times the API (sequential requests after a warm-up: p50 and p95 of the whole HTTP exchange) and the
// plain statements (JDBC, the same connection, median of a few runs), and prints a Markdown table with the ratio.
// Every call is warmed up once before any is measured, and again just before its own measurement.
// A single-file Java 17 program; the PostgreSQL JDBC driver and Jackson come from the service's own lib folder:
//
//   java -cp 'api/target/quarkus-app/lib/main/*' bench/StatsBench.java --base URL --key KEY --jdbc URL \
//        [--warmup N] [--requests N] [--plain-runs N]
//
// See bench/README.md ("Statistics").

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

public class StatsBench {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One statistics call and the plain statements that answer the same question from the base tables. */
    record Case(String name, String path, String query, boolean needsKey, List<String> plain, String kind) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = opt.get("base");
        String key = opt.get("key");
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "50"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "300"));
        int plainRuns = Integer.parseInt(opt.getOrDefault("plain-runs", "5"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), "postgres", "")) {
            int year = latestYear(db);
            String province = topProvince(db);
            List<Case> cases = cases(year, province, today);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            System.out.printf(Locale.ROOT, "Year of the emission cases: %d; province of the filtered cases: %s; today (China): %s%n%n",
                    year, province, today);
            System.out.println("| call | groups | agree | API p50 | API p95 | plain GROUP BY (median) | ratio at p50 | ratio at p95 |");
            System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
            // The service has just started: warm every call first (JIT, caches), so that the first call measured is not
            // the one that pays for the warm-up of the code paths all calls share.
            for (Case c : cases) {
                for (int i = 0; i < warmup; i++) {
                    get(http, base, c, key);
                }
            }
            boolean allAgree = true;
            for (Case c : cases) {
                JsonNode answer = JSON.readTree(get(http, base, c, key));
                Map<String, List<BigDecimal>> api = c.kind.equals("permits") ? permitGroups(answer) : emissionGroups(answer);
                Map<String, List<BigDecimal>> plain = new TreeMap<>();
                for (String sql : c.plain) {
                    plain.putAll(rows(db, sql));
                }
                boolean agree = agree(api, plain);
                allAgree &= agree;
                if (!agree) {
                    System.err.println("DISAGREE " + c.name + "\n  api:   " + api + "\n  plain: " + plain);
                }
                for (int i = 0; i < warmup; i++) {
                    get(http, base, c, key);
                }
                long[] took = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    get(http, base, c, key);
                    took[i] = System.nanoTime() - t;
                }
                Arrays.sort(took);
                double p50 = took[requests / 2] / 1e6;
                double p95 = took[(int) Math.ceil(requests * 0.95) - 1] / 1e6;
                double[] plainTimes = new double[plainRuns];
                for (int i = 0; i < plainRuns; i++) {
                    long t = System.nanoTime();
                    for (String sql : c.plain) {
                        rows(db, sql);
                    }
                    plainTimes[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(plainTimes);
                double plainMedian = plainTimes[plainRuns / 2];
                System.out.printf(Locale.ROOT, "| `%s?%s`%s | %d | %s | %.2f ms | %.2f ms | %.1f ms | %.0f× | %.0f× |%n",
                        c.path, c.query, c.needsKey ? " (stats:read)" : "", api.size(), agree ? "yes" : "**NO**", p50, p95,
                        plainMedian, plainMedian / p50, plainMedian / p95);
            }
            System.out.println();
            System.out.println(allAgree ? "RESULT agree=all" : "RESULT agree=NOT-ALL");
            if (!allAgree) {
                System.exit(2);
            }
        }
    }

    static List<Case> cases(int year, String province, LocalDate today) {
        String window = "p.status = 'VALID' AND p.valid_to BETWEEN DATE '" + today + "' AND DATE '" + today.plusDays(90) + "'";
        List<Case> cases = new ArrayList<>();
        cases.add(permits("province", "groupBy=province", false, "p.province_code", "true", window));
        cases.add(permits("city", "groupBy=city", false, "p.city_code", "true", window));
        cases.add(permits("industry divisions", "groupBy=industry", false, "left(p.industry_code, 2)", "true", window));
        cases.add(permits("status", "groupBy=status", false, "p.status", "true", window));
        cases.add(permits("categories of a province", "groupBy=category&region=" + province, false, "p.category",
                "p.province_code = '" + province + "'", window));
        cases.add(permits("counties", "groupBy=county", true, "p.region_code", "true", window));
        cases.add(permits("industry classes of a province", "groupBy=industry&industryLevel=class&region=" + province, true,
                "p.industry_code", "p.province_code = '" + province + "'", window));
        cases.add(emissions("by province", "year=" + year + "&groupBy=province", false, "p.province_code", year, "true"));
        cases.add(emissions("SO2 by industry division", "year=" + year + "&groupBy=industry&pollutant=a21026", false,
                "left(p.industry_code, 2)", year, "e.pollutant_code = 'a21026'"));
        cases.add(emissions("cities of a province", "year=" + year + "&groupBy=city&region=" + province, false, "p.city_code",
                year, "p.province_code = '" + province + "'"));
        cases.add(emissions("KEY permits by county", "year=" + year + "&groupBy=county&category=KEY", true, "p.region_code",
                year, "p.category = 'KEY'"));
        return cases;
    }

    static Case permits(String name, String query, boolean needsKey, String key, String where, String window) {
        return new Case(name, "/v1/stats/permits", query, needsKey, List.of(
                "SELECT " + key + ", count(*) FROM permit p WHERE " + where + " GROUP BY 1",
                // the renewal pipeline of the selection, as one more 'group'
                "SELECT '~pipeline', count(*) FILTER (WHERE p.valid_to <= DATE '" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)
                        + "'), count(*) FILTER (WHERE p.valid_to <= DATE '" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60)
                        + "'), count(*) FROM permit p WHERE " + where + " AND " + window), "permits");
    }

    static Case emissions(String name, String query, boolean needsKey, String key, int year, String where) {
        return new Case(name, "/v1/stats/emissions", query, needsKey, List.of(
                "SELECT " + key + " || '/' || e.pollutant_code, count(*), count(e.actual_t), "
                        + "count(*) FILTER (WHERE e.actual_t > e.licensed_t), sum(e.licensed_t), coalesce(sum(e.actual_t), 0) "
                        + "FROM execution_report r JOIN permit p ON p.id = r.permit_id JOIN execution_report_emission e ON e.report_id = r.id "
                        + "WHERE r.report_type = 'ANNUAL' AND r.status = 'ACCEPTED' AND r.period = '" + year + "' AND " + where
                        + " GROUP BY 1"), "emissions");
    }

    static Map<String, List<BigDecimal>> permitGroups(JsonNode answer) {
        Map<String, List<BigDecimal>> groups = new TreeMap<>();
        for (JsonNode g : answer.path("groups")) {
            groups.put(g.get("key").asText(), List.of(g.get("permits").decimalValue()));
        }
        JsonNode pipeline = answer.path("renewalPipeline");
        groups.put("~pipeline", List.of(pipeline.get("within30Days").decimalValue(), pipeline.get("within60Days").decimalValue(),
                pipeline.get("within90Days").decimalValue()));
        return groups;
    }

    static Map<String, List<BigDecimal>> emissionGroups(JsonNode answer) {
        Map<String, List<BigDecimal>> groups = new TreeMap<>();
        for (JsonNode g : answer.path("rows")) {
            groups.put(g.get("key").asText() + "/" + g.get("pollutantCode").asText(), List.of(g.get("permits").decimalValue(),
                    g.get("permitsReporting").decimalValue(), g.get("permitsExceeded").decimalValue(),
                    g.get("licensedTonnes").decimalValue(), g.get("actualTonnes").isNull() ? BigDecimal.ZERO : g.get("actualTonnes").decimalValue()));
        }
        return groups;
    }

    static boolean agree(Map<String, List<BigDecimal>> a, Map<String, List<BigDecimal>> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String k : a.keySet()) {
            List<BigDecimal> x = a.get(k);
            List<BigDecimal> y = b.get(k);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (x.get(i).compareTo(y.get(i)) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    static Map<String, List<BigDecimal>> rows(Connection db, String sql) throws Exception {
        Map<String, List<BigDecimal>> rows = new TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<BigDecimal> values = new ArrayList<>();
                for (int i = 2; i <= n; i++) {
                    values.add(rs.getBigDecimal(i));
                }
                rows.put(rs.getString(1), values);
            }
        }
        return rows;
    }

    static int latestYear(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT max(year) FROM stats_emission WHERE region_level = 0 AND industry_level = 0 AND permits > 0")) {
            rs.next();
            return rs.getInt(1) == 0 ? 2025 : rs.getInt(1);
        }
    }

    static String topProvince(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT region_code FROM stats_permit_count WHERE region_level = 2 AND industry_level = 0
                GROUP BY 1 ORDER BY sum(permits) DESC, 1 LIMIT 1""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String get(HttpClient http, String base, Case c, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.path + "?" + c.query))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (c.needsKey) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(c.path + "?" + c.query + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
