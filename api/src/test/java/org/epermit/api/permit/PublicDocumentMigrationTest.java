package org.epermit.api.permit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.epermit.api.contract.PublishedSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12 on a database that an earlier release filled: the documents frozen for superseded versions (V3's shape) are
 * rewritten to the published schema, keeping what they said, and the secondary industry classes written before V12 are
 * found by a search. Runs in a database of its own on the tests' server, migrated to V11, filled, then migrated on.
 */
@QuarkusTest
class PublicDocumentMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String database;
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        String testUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        database = "epermit_v12_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(testUrl, user(), password()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'");
        }
        url = testUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        String testUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(testUrl, user(), password()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void superseded_documents_are_rewritten_to_the_schema_keeping_what_they_said() throws Exception {
        flyway(lastVersionBefore12()).migrate();
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO enterprise (id, credit_code, name, region_code, industry_code, address)
                    VALUES (1, '91440300PD00000K12', '深圳测试热电有限公司', '440304', '4412', '深圳市福田区测试路1号');
                    INSERT INTO permit (id, permit_number, enterprise_id, site_serial, category, status, site_name, region_code,
                        industry_code, site_address, issuing_authority, issue_date, valid_from, valid_to, version)
                    VALUES (1, '91440300PD00000K12001P', 1, 1, 'KEY', 'VALID', '测试厂区', '440304', '4412', '深圳市福田区测试路1号',
                        '440300', DATE '2024-03-01', DATE '2020-03-01', DATE '2025-02-28', 2);
                    INSERT INTO permit_outlet (id, permit_id, code, name, medium, kind, stack_height_m)
                    VALUES (1, 1, 'DA001', '锅炉烟囱', 'AIR', 'MAIN', 80);
                    INSERT INTO permit_outlet (id, permit_id, code, name, medium, kind, receiving_water)
                    VALUES (2, 1, 'DW001', '废水总排口', 'WATER', 'MAIN', '深圳河');
                    INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, limit_value, limit_unit, standard_code,
                        monitoring_mode, manual_frequency, frequency_unit, averaging)
                    VALUES (1, 'a21026', 35, 'mg/m3', 'GB 13223-2011', 'AUTOMATIC', 'DAILY', 'DAY', 'HOURLY'),
                           (1, 'a00000', NULL, NULL, NULL, 'AUTOMATIC', 'DAILY', 'DAY', NULL),
                           (2, 'w01001', 9, NULL, 'GB 8978-1996', 'MANUAL', 'QUARTERLY', 'QUARTER', 'SAMPLE'),
                           (2, 'w01018', 100, 'mg/L', 'GB 8978-1996', 'MANUAL', 'HALF_YEARLY', 'HALF_YEAR', 'DAILY');
                    INSERT INTO permit_report_obligation (permit_id, report_type) VALUES (1, 'ANNUAL'), (1, 'QUARTERLY');
                    INSERT INTO permit_secondary_industry (permit_id, industry_code) VALUES (1, '4430');
                    INSERT INTO permit_version (permit_id, version, effective_from, effective_to, reason)
                    VALUES (1, 1, DATE '2020-03-01', DATE '2024-02-29', 'INITIAL'), (1, 2, DATE '2024-03-01', NULL, 'CHANGE');
                    -- version 1's document as the release before V12 froze it
                    UPDATE permit_version SET snapshot = permit_public_document(1)::jsonb || '{"version": 1}'
                    WHERE permit_id = 1 AND version = 1;""");
        }
        String before = single("SELECT snapshot::text FROM permit_version WHERE version = 1");
        assertThat(JSON.readTree(before).at("/outlets/0/pollutants/0/monitoring/manualFrequency").asText()).isEqualTo("DAILY");

        flyway(null).migrate();

        String after = single("SELECT snapshot::text FROM permit_version WHERE version = 1");
        assertThat(PublishedSchema.of("PublicPermit").violations(after)).as(after).isEmpty();
        JsonNode old = JSON.readTree(before);
        JsonNode doc = JSON.readTree(after);
        // what the old document said stays
        for (String kept : List.of("/permitNumber", "/version", "/status", "/validFrom", "/validTo", "/issuingAuthority",
                "/enterprise", "/site/industry", "/annualQuantities", "/outlets/0/code", "/outlets/1/receivingWater")) {
            assertThat(doc.at(kept)).as(kept).isEqualTo(old.at(kept));
        }
        assertThat(doc.at("/version").asInt()).isEqualTo(1);
        // it listed no secondary classes; the class added before V12 is the current version's
        assertThat(doc.at("/site/secondaryIndustries").isEmpty()).isTrue();
        JsonNode so2 = pollutant(doc, 0, "a21026");
        assertThat(so2.at("/limit/max").decimalValue()).isEqualByComparingTo("35");
        assertThat(so2.at("/limit/min").isNull()).isTrue();
        assertThat(so2.at("/limit/unit").asText()).isEqualTo("mg/m3");
        assertThat(so2.at("/limit/averaging").asText()).isEqualTo("HOURLY");
        assertThat(so2.at("/standard/code").asText()).isEqualTo("GB 13223-2011");
        assertThat(so2.at("/standard/kind").asText()).isEqualTo("NATIONAL");
        assertThat(so2.at("/standard/table").isNull()).isTrue();
        assertThat(so2.at("/monitoring/frequency")).isEqualTo(JSON.readTree(
                "{\"count\": 1, \"every\": 1, \"unit\": \"DAY\", \"notation\": \"1次/日\"}"));
        assertThat(so2.at("/monitoring/frequencyApplies").asText()).isEqualTo("DURING_OUTAGE");
        assertThat(so2.at("/monitoring/samplesPerEvent").asInt()).isEqualTo(3);
        assertThat(pollutant(doc, 0, "a00000").get("limit").isNull()).isTrue();
        assertThat(pollutant(doc, 0, "a00000").get("standard").isNull()).isTrue();
        JsonNode ph = pollutant(doc, 1, "w01001");
        assertThat(ph.at("/limit/averaging").asText()).isEqualTo("SAMPLE");
        assertThat(ph.at("/monitoring/frequency/notation").asText()).isEqualTo("1次/季度");
        assertThat(ph.at("/monitoring/samplingMethod").asText()).isEqualTo("GRAB");
        assertThat(pollutant(doc, 1, "w01018").at("/monitoring/frequency/notation").asText()).isEqualTo("1次/半年");
        // in the order the old document listed them
        assertThat(doc.at("/outlets/0/pollutants/0/pollutantCode")).isEqualTo(old.at("/outlets/0/pollutants/0/pollutantCode"));
        assertThat(doc.at("/reportObligations")).isEqualTo(JSON.readTree("""
                [{"type": "ANNUAL", "deadline": {"monthsAfterPeriod": 1, "day": 15}},
                 {"type": "QUARTERLY", "deadline": {"monthsAfterPeriod": 1, "day": 15}}]"""));

        // the current version renders the new shape, with the class written before V12, which a search finds
        String current = single("SELECT permit_public_document(1)::text");
        assertThat(PublishedSchema.of("PublicPermit").violations(current)).as(current).isEmpty();
        assertThat(JSON.readTree(current).at("/site/secondaryIndustries/0/code").asText()).isEqualTo("4430");
        assertThat(single("SELECT string_agg(prefix, ',' ORDER BY prefix) FROM permit_industry_prefix"))
                .isEqualTo("4,44,441,4412,443,4430");
        // the function that rewrote them is gone
        assertThat(single("SELECT count(*)::text FROM pg_proc WHERE proname = 'epermit_v12_upgraded_document'")).isEqualTo("0");
    }

    private static JsonNode pollutant(JsonNode doc, int outlet, String code) {
        for (JsonNode p : doc.at("/outlets/" + outlet + "/pollutants")) {
            if (p.get("pollutantCode").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no " + code + " at outlet " + outlet + " in " + doc);
    }

    /** V11 once it lands; until then the last migration before V12 there is. */
    private String lastVersionBefore12() {
        return java.util.Arrays.stream(flyway(null).info().all())
                .map(m -> m.getVersion())
                .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("12")) < 0)
                .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private String single(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    }
}
