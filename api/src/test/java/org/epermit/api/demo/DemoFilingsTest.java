package org.epermit.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.filing.Finding;
import org.epermit.api.filing.MonitoringEvidenceQueries;
import org.epermit.api.filing.PeriodTerms;
import org.epermit.api.filing.ReportCheck;
import org.epermit.api.filing.ReportContent;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.permit.PermitLifecycleConfig;
import org.epermit.api.permit.reporting.ReportSchedule;
import org.epermit.api.permit.reporting.ReportType;
import org.epermit.api.permit.terms.PermitVersionQueries;
import org.epermit.api.permit.terms.PermitVersions;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's execution reports and monitoring data: what the service shows of them, and that it would accept them. */
@QuarkusTest
@TestProfile(DemoFilingsProfile.class)
class DemoFilingsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool pool;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClientRegistry registry;
    @Inject
    ReportCheck check;
    @Inject
    PermitVersionQueries versions;
    @Inject
    MonitoringEvidenceQueries evidence;
    @Inject
    ObjectMapper json;
    @Inject
    ReportSchedule schedule;
    @Inject
    PermitLifecycleConfig lifecycle;

    private String admin() {
        return TestClients.admin(registry).apiKey();
    }

    @Test
    void the_obligations_show_each_generated_report_on_time_or_late_and_each_period_left_out_overdue() {
        String key = admin();
        Set<String> seen = new HashSet<>();
        List<Row> permits = Db.rows(pool, """
                SELECT p.id, p.permit_number FROM permit p
                WHERE EXISTS (SELECT 1 FROM execution_report r WHERE r.permit_id = p.id AND extract(year FROM r.covers_to) = 2025)
                ORDER BY p.id LIMIT 40""");
        assertThat(permits).hasSize(40);
        for (Row p : permits) {
            Map<String, Integer> lateness = new HashMap<>();
            for (Row r : Db.rows(pool, "SELECT report_type || ' ' || period AS k, days_late FROM execution_report WHERE permit_id = $1 "
                    + "AND extract(year FROM covers_to) = 2025", p.getLong("id"))) {
                lateness.put(r.getString("k"), r.getInteger("days_late"));
            }
            Response obligations = given().header("X-API-Key", key).queryParam("year", 2025)
                    .get("/v1/permits/{n}/obligations", p.getString("permit_number"));
            assertThat(obligations.statusCode()).as(obligations.asString()).isEqualTo(200);
            List<Map<String, Object>> reports = obligations.jsonPath().getList("reports");
            Set<String> shown = new HashSet<>();
            for (Map<String, Object> o : reports) {
                String k = o.get("type") + " " + o.get("period");
                String status = (String) o.get("status");
                seen.add(status);
                if (lateness.containsKey(k)) {
                    shown.add(k);
                    assertThat(status).as(p.getString("permit_number") + " " + k)
                            .isEqualTo(lateness.get(k) > 0 ? "SUBMITTED_LATE" : "SUBMITTED_ON_TIME");
                } else if (o.get("dueDate") != null && LocalDate.parse((String) o.get("dueDate")).isBefore(AS_OF)) {
                    assertThat(status).as(p.getString("permit_number") + " " + k).isEqualTo("OVERDUE");
                }
            }
            // every generated report is one the service says the permit owed
            assertThat(shown).as(p.getString("permit_number")).isEqualTo(lateness.keySet());
        }
        assertThat(seen).contains("SUBMITTED_ON_TIME", "SUBMITTED_LATE", "OVERDUE");
    }

    /** Each generated report is one the service's rules accept as filed, with the findings stored beside it. */
    @Test
    void every_generated_report_passes_the_filing_rules_with_the_findings_it_carries() throws Exception {
        List<Row> rows = Db.rows(pool, """
                SELECT r.permit_id, r.report_type, r.period, v.content::text AS content, v.findings::text AS findings, v.submitted_at,
                       v.source, v.receipt
                FROM execution_report r JOIN execution_report_version v ON v.report_id = r.id
                ORDER BY r.id""");
        assertThat(rows.size()).isGreaterThan(500);
        Map<Long, PermitVersions> permits = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (Row r : rows) {
            assertThat(r.getString("source")).isEqualTo("IMPORTED");
            assertThat(r.getString("receipt")).isNull();
            long permitId = r.getLong("permit_id");
            PermitVersions permit = permits.computeIfAbsent(permitId, id -> versions.load(id).await().indefinitely().orElseThrow());
            LocalDate filedOn = r.getOffsetDateTime("submitted_at").atZoneSameInstant(CHINA).toLocalDate();
            ReportType type = ReportType.valueOf(r.getString("report_type"));
            String what = permit.permitNumber() + " " + type + " " + r.getString("period");
            ReportCheck.Resolution resolution = check.resolve(permit, type, r.getString("period"), filedOn);
            assertThat(resolution.errors()).as(what).isEmpty();
            PeriodTerms terms = resolution.terms().orElseThrow();
            ReportContent content = json.readValue(r.getString("content"), ReportContent.class);
            ReportCheck.Checked checked = check.check(terms, content, evidence.of(permitId, terms).await().indefinitely(), filedOn, false);
            assertThat(checked.errors()).as(what).isEmpty();
            List<Finding> stored = List.of(json.readValue(r.getString("findings"), Finding[].class));
            assertThat(stored).as(what).isEqualTo(checked.findings());
            stored.forEach(f -> codes.add(f.code().name()));
        }
        assertThat(codes).contains("LATE", "EMISSIONS_ABOVE_LICENSED", "EXCEEDANCES_DECLARED", "MONITORING_BELOW_REQUIRED");
    }

    @Test
    void the_compliance_view_the_report_and_the_public_listing_show_the_imported_reports() {
        Row late = Db.rows(pool, """
                SELECT p.permit_number, r.id FROM execution_report r JOIN permit p ON p.id = r.permit_id
                WHERE r.days_late > 0 AND extract(year FROM r.covers_to) = 2025 ORDER BY r.id LIMIT 1""").get(0);
        String number = late.getString("permit_number");
        long filed = Db.count(pool, "SELECT count(*) FROM execution_report r JOIN permit p ON p.id = r.permit_id "
                + "WHERE p.permit_number = $1 AND extract(year FROM r.covers_to) = 2025", number);
        long lateCount = Db.count(pool, "SELECT count(*) FROM execution_report r JOIN permit p ON p.id = r.permit_id "
                + "WHERE p.permit_number = $1 AND extract(year FROM r.covers_to) = 2025 AND r.days_late > 0", number);
        String key = admin();

        Response compliance = given().header("X-API-Key", key).queryParam("year", 2025).get("/v1/permits/{n}/compliance", number);
        assertThat(compliance.statusCode()).as(compliance.asString()).isEqualTo(200);
        assertThat(compliance.jsonPath().getInt("reports.submitted")).isEqualTo((int) filed);
        assertThat(compliance.jsonPath().getInt("reports.late")).isEqualTo((int) lateCount);

        Response report = given().header("X-API-Key", key).get("/v1/execution-reports/{id}", late.getLong("id"));
        assertThat(report.statusCode()).as(report.asString()).isEqualTo(200);
        assertThat(report.jsonPath().getBoolean("late")).isTrue();
        assertThat(report.jsonPath().getString("versions[0].source")).isEqualTo("IMPORTED");
        assertThat(report.jsonPath().getMap("versions[0]")).containsEntry("receipt", null);

        Response listing = given().queryParam("year", 2025).get("/v1/public/permits/{n}/execution-reports", number);
        assertThat(listing.statusCode()).as(listing.asString()).isEqualTo(200);
        assertThat(listing.jsonPath().getList("items")).hasSize((int) filed);
        assertThat(listing.jsonPath().getList("items.source")).containsOnly("IMPORTED");
        assertThat(listing.jsonPath().getList("items.onTime")).contains(false);
    }

    @Test
    void an_imported_version_alone_may_lack_a_receipt() {
        long reportId = Db.count(pool, "SELECT min(id) FROM execution_report");
        assertThatThrownBy(() -> Db.count(pool, """
                INSERT INTO execution_report_version (report_id, number, content, content_sha256, findings, permit_versions,
                    submitted_at, submitted_by, after_deadline, receipt, source)
                SELECT report_id, 99, content, content_sha256, findings, permit_versions, submitted_at, submitted_by,
                       after_deadline, NULL, 'API'
                FROM execution_report_version WHERE report_id = $1 RETURNING 1""", reportId))
                .hasMessageContaining("execution_report_version_receipt_unless_imported");
    }

    @Test
    void twenty_key_permits_have_devices_and_thirty_days_of_hourly_records_with_exceedances_and_flags() {
        assertThat(Db.count(pool, "SELECT count(DISTINCT permit_id) FROM monitoring_device")).isEqualTo(DemoFilingsProfile.MONITORED_PERMITS);
        assertThat(Db.count(pool, """
                SELECT count(*) FROM monitoring_device d JOIN permit p ON p.id = d.permit_id
                WHERE p.category <> 'KEY' OR p.status <> 'VALID'""")).isZero();
        assertThat(Db.count(pool, "SELECT count(*) FROM monitoring_record WHERE flag <> 'VALID'")).isPositive();
        Row permit = Db.rows(pool, """
                SELECT p.permit_number, p.id FROM permit p
                WHERE EXISTS (SELECT 1 FROM monitoring_record m WHERE m.permit_id = p.id AND m.exceedance)
                ORDER BY p.id LIMIT 1""").get(0);
        long hours = Db.count(pool, "SELECT count(DISTINCT measured_from) FROM monitoring_record WHERE permit_id = $1", permit.getLong("id"));
        assertThat(hours).isEqualTo(30 * 24);

        Response page = given().header("X-API-Key", admin()).queryParam("exceedancesOnly", true)
                .queryParam("from", AS_OF.minusDays(30).atStartOfDay(CHINA).toOffsetDateTime().toString())
                .queryParam("to", AS_OF.atStartOfDay(CHINA).toOffsetDateTime().toString())
                .get("/v1/permits/{n}/monitoring-records", permit.getString("permit_number"));
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        List<Map<String, Object>> items = page.jsonPath().getList("items");
        assertThat(items).isNotEmpty().allSatisfy(r -> {
            assertThat(r).containsEntry("exceedance", true).containsEntry("flag", "VALID");
            assertThat(new java.math.BigDecimal(r.get("value").toString()))
                    .isGreaterThan(new java.math.BigDecimal(r.get("limitMax").toString()));
        });
    }

    @Test
    void the_same_seed_gives_the_same_reports_and_records() throws Exception {
        byte[] a = generate(42);
        assertThat(a).isEqualTo(generate(42));
        assertThat(a).isNotEqualTo(generate(43));
        assertThat(new String(a, java.nio.charset.StandardCharsets.UTF_8)).contains("IMPORTED");
    }

    private byte[] generate(long seed) throws SQLException, java.io.IOException {
        DemoReferenceData reference;
        try (Connection c = dataSource.getConnection()) {
            reference = DemoReferenceData.read(c);
        }
        DemoReports reports = new DemoReports(schedule, json, seed, AS_OF, 2);
        DemoMonitoring monitoring = new DemoMonitoring(seed, AS_OF, 2, Map.of("a00000", "m3/h"));
        DemoGenerator generator = new DemoGenerator(reference, Vocabulary.load(), seed, AS_OF, lifecycle.cancelExpiredAfter(),
                'P', 'W', reports, monitoring);
        DemoBatch batch = new DemoBatch();
        for (int i = 0; i < 200; i++) {
            generator.emitEnterprise(i, 3, batch);
        }
        assertThat(reports.reports()).isPositive();
        assertThat(monitoring.permits()).isEqualTo(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CopyBuffer b : List.of(batch.reports, batch.reportVersions, batch.reportEmissions, batch.devices,
                batch.monitoringBatches, batch.monitoringRecords)) {
            out.write(b.drain());
        }
        return out.toByteArray();
    }
}
