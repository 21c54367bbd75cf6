package org.epermit.api.permit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epermit.api.contract.PublishedSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public document as the database renders it ({@code permit_public_document}) is exactly the published
 * {@code PublicPermit} schema, for every kind of permit: KEY, SIMPLIFIED and REGISTRATION (no issuing authority), limits
 * that are ranges or at reference oxygen, special and local standard tables, automatic monitoring with its outage
 * frequency, secondary industry classes and report deadlines. The permits are written in a transaction that is rolled
 * back, so the demo data other tests read stays as it is.
 */
@QuarkusTest
class PublicPermitDocumentTest {

    private static final PublishedSchema SCHEMA = PublishedSchema.of("PublicPermit");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A field the record does not declare, or a value outside an enumeration, fails. */
    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Inject
    AgroalDataSource dataSource;

    private Connection tx;
    private long enterpriseId;

    @BeforeEach
    void begin() throws SQLException {
        tx = dataSource.getConnection();
        tx.setAutoCommit(false);
        // a local standard (地方标准) and two tables: one of national special limits, one of the local standard
        update("""
                INSERT INTO emission_standard (code, name_zh, name_en, medium, kind, issued_by)
                VALUES ('DB44/ 9901-2026', '测试用地方大气污染物排放标准', 'Local emission standard used by tests', 'AIR', 'LOCAL', '440000')""");
        update("""
                INSERT INTO emission_standard_table (standard_code, table_ref, medium, special, title_zh, title_en)
                VALUES ('GB 13223-2011', '表2', 'AIR', true, '大气污染物特别排放限值', 'Special emission limits of air pollutants'),
                       ('DB44/ 9901-2026', '表1', 'AIR', false, '排放限值', 'Emission limits'),
                       ('GB 8978-1996', '表4', 'WATER', false, '第二类污染物最高允许排放浓度', 'Class II pollutants')
                ON CONFLICT (standard_code, table_ref) DO UPDATE SET special = EXCLUDED.special""");
        enterpriseId = id("""
                INSERT INTO enterprise (credit_code, name, region_code, industry_code, address)
                VALUES ('91440300PD00000K12', '深圳测试热电有限公司', '440304', '4412', '深圳市福田区测试路1号') RETURNING id""");
    }

    @AfterEach
    void rollBack() throws SQLException {
        tx.rollback();
        tx.close();
    }

    @Test
    void a_key_permit_with_every_kind_of_content_is_exactly_the_schema() throws Exception {
        long permit = permit("001", "KEY", "440300");
        update("INSERT INTO permit_secondary_industry (permit_id, industry_code) VALUES (?, '4620'), (?, '4430')", permit, permit);
        long stack = outlet(permit, "DA001", "锅炉烟囱", "AIR", "MAIN");
        // automatic SO2 at 6 % reference oxygen, special limits; the manual frequency applies during outages
        update("""
                INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, limit_value, limit_unit, standard_code,
                    standard_table, averaging, reference_oxygen_pct, rate_limit_kg_h, monitoring_mode, frequency_count,
                    frequency_every, frequency_unit, sampling_method, samples_per_event)
                VALUES (?, 'a21026', 35, 'mg/m3', 'GB 13223-2011', '表2', 'HOURLY', 6, 12.5, 'AUTOMATIC', 4, 1, 'DAY', NULL, 1),
                       (?, 'a00000', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'AUTOMATIC', 1, 1, 'DAY', NULL, 1)""", stack, stack);
        long workshop = outlet(permit, "DA002", "涂装废气排放口", "AIR", "GENERAL");
        update("""
                INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, limit_value, limit_unit, standard_code,
                    standard_table, averaging, monitoring_mode, frequency_count, frequency_every, frequency_unit,
                    sampling_method, samples_per_event)
                VALUES (?, 'a24088', 80, 'mg/m3', 'DB44/ 9901-2026', '表1', 'HOURLY', 'MANUAL', 1, 2, 'HOUR', 'NON_CONTINUOUS', 3)""", workshop);
        long water = outlet(permit, "DW001", "废水总排口", "WATER", "MAIN");
        // pH 6–9, dimensionless, checked per sample; COD as a composite sample of 4
        update("""
                INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, limit_min, limit_value, limit_unit, standard_code,
                    standard_table, averaging, monitoring_mode, frequency_count, frequency_every, frequency_unit,
                    sampling_method, samples_per_event)
                VALUES (?, 'w01001', 6, 9, NULL, 'GB 8978-1996', '表4', 'SAMPLE', 'MANUAL', 1, 1, 'MONTH', 'GRAB', 1),
                       (?, 'w01018', NULL, 100, 'mg/L', 'GB 8978-1996', NULL, 'DAILY', 'MANUAL', 1, 1, 'QUARTER', 'COMPOSITE', 4)""",
                water, water);
        update("INSERT INTO permit_annual_quantity (permit_id, pollutant_code, year, quantity_t) VALUES (?, 'a21026', 2026, 125.5)", permit);
        update("""
                INSERT INTO permit_report_obligation (permit_id, report_type, due_months_after, due_day)
                VALUES (?, 'MONTHLY', 1, 15), (?, 'ANNUAL', 1, 31), (?, 'QUARTERLY', 1, 15)""", permit, permit, permit);

        JsonNode doc = exactlyTheSchema(permit);

        assertThat(doc.at("/category").asText()).isEqualTo("KEY");
        assertThat(doc.at("/issuingAuthority/code").asText()).isEqualTo("440300");
        assertThat(doc.at("/site/industry/code").asText()).isEqualTo("4412");
        assertThat(codes(doc.at("/site/secondaryIndustries"), "code")).containsExactly("4430", "4620");
        assertThat(doc.at("/site/secondaryIndustries/0/name").asText()).isEqualTo("热力生产和供应");

        JsonNode so2 = pollutant(doc, "DA001", "a21026");
        assertThat(so2.at("/limit/min").isNull()).isTrue();
        assertThat(so2.at("/limit/max").decimalValue()).isEqualByComparingTo("35");
        assertThat(so2.at("/limit/unit").asText()).isEqualTo("mg/m3");
        assertThat(so2.at("/limit/averaging").asText()).isEqualTo("HOURLY");
        assertThat(so2.at("/limit/referenceOxygenPercent").decimalValue()).isEqualByComparingTo("6");
        assertThat(so2.at("/standard/code").asText()).isEqualTo("GB 13223-2011");
        assertThat(so2.at("/standard/name").asText()).isEqualTo("火电厂大气污染物排放标准");
        assertThat(so2.at("/standard/kind").asText()).isEqualTo("NATIONAL");
        assertThat(so2.at("/standard/table").asText()).isEqualTo("表2");
        assertThat(so2.at("/standard/special").asBoolean()).isTrue();
        assertThat(so2.at("/rateLimitKgPerHour").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(so2.at("/monitoring/mode").asText()).isEqualTo("AUTOMATIC");
        assertThat(so2.at("/monitoring/frequencyApplies").asText()).isEqualTo("DURING_OUTAGE");
        assertThat(so2.at("/monitoring/frequency/notation").asText()).isEqualTo("4次/日");
        assertThat(so2.at("/monitoring/samplingMethod").isNull()).isTrue();

        JsonNode flow = pollutant(doc, "DA001", "a00000");
        assertThat(flow.get("limit").isNull()).isTrue();
        assertThat(flow.get("standard").isNull()).isTrue();

        JsonNode vocs = pollutant(doc, "DA002", "a24088");
        assertThat(vocs.at("/standard/kind").asText()).isEqualTo("LOCAL");
        assertThat(vocs.at("/standard/special").asBoolean()).isFalse();
        assertThat(vocs.at("/monitoring/frequencyApplies").asText()).isEqualTo("ALWAYS");
        assertThat(vocs.at("/monitoring/frequency")).isEqualTo(JSON.readTree(
                "{\"count\": 1, \"every\": 2, \"unit\": \"HOUR\", \"notation\": \"1次/2小时\"}"));
        assertThat(vocs.at("/monitoring/samplingMethod").asText()).isEqualTo("NON_CONTINUOUS");
        assertThat(vocs.at("/monitoring/samplesPerEvent").asInt()).isEqualTo(3);

        JsonNode ph = pollutant(doc, "DW001", "w01001");
        assertThat(ph.at("/limit/min").decimalValue()).isEqualByComparingTo("6");
        assertThat(ph.at("/limit/max").decimalValue()).isEqualByComparingTo("9");
        assertThat(ph.at("/limit/unit").isNull()).isTrue();
        assertThat(ph.at("/limit/averaging").asText()).isEqualTo("SAMPLE");
        assertThat(ph.at("/monitoring/frequency/notation").asText()).isEqualTo("1次/月");
        JsonNode cod = pollutant(doc, "DW001", "w01018");
        assertThat(cod.at("/standard/table").isNull()).isTrue();
        assertThat(cod.at("/monitoring/frequency/notation").asText()).isEqualTo("1次/季度");
        assertThat(cod.at("/monitoring/samplingMethod").asText()).isEqualTo("COMPOSITE");

        // in HJ 944's order, each with the deadline the copy sets
        assertThat(codes(doc.at("/reportObligations"), "type")).containsExactly("ANNUAL", "QUARTERLY", "MONTHLY");
        assertThat(doc.at("/reportObligations/0/deadline")).isEqualTo(JSON.readTree("{\"monthsAfterPeriod\": 1, \"day\": 31}"));
    }

    @Test
    void a_simplified_permit_is_exactly_the_schema() throws Exception {
        long permit = permit("002", "SIMPLIFIED", "440300");
        long outlet = outlet(permit, "DW001", "污水排放口", "WATER", "GENERAL");
        update("""
                INSERT INTO permit_outlet_pollutant (outlet_id, pollutant_code, limit_value, limit_unit, standard_code,
                    averaging, monitoring_mode, frequency_count, frequency_every, frequency_unit, sampling_method, samples_per_event)
                VALUES (?, 'w21003', 15, 'mg/L', 'GB 8978-1996', 'DAILY', 'MANUAL', 1, 1, 'HALF_YEAR', 'GRAB', 1)""", outlet);
        update("INSERT INTO permit_report_obligation (permit_id, report_type) VALUES (?, 'ANNUAL')", permit);

        JsonNode doc = exactlyTheSchema(permit);

        assertThat(doc.at("/category").asText()).isEqualTo("SIMPLIFIED");
        assertThat(doc.at("/site/secondaryIndustries").isEmpty()).isTrue();
        assertThat(pollutant(doc, "DW001", "w21003").at("/monitoring/frequency/notation").asText()).isEqualTo("1次/半年");
        assertThat(doc.at("/annualQuantities").isEmpty()).isTrue();
        assertThat(doc.at("/reportObligations/0/deadline/day").asInt()).isEqualTo(15);
    }

    /** A registration receipt is self-filed: no authority decided it, and the document still renders. */
    @Test
    void a_registration_receipt_has_no_issuing_authority_and_is_exactly_the_schema() throws Exception {
        long permit = permit("003", "REGISTRATION", null);

        JsonNode doc = exactlyTheSchema(permit);

        assertThat(doc.at("/category").asText()).isEqualTo("REGISTRATION");
        assertThat(doc.get("issuingAuthority").isNull()).isTrue();
        assertThat(doc.at("/outlets").isEmpty()).isTrue();
        assertThat(doc.at("/reportObligations").isEmpty()).isTrue();
    }

    /** The frequency notation for each unit, as permits write it (the one formatter in SQL). */
    @Test
    void the_notation_is_a_count_per_period() throws SQLException {
        List<String> notations = new ArrayList<>();
        for (String[] f : new String[][]{{"1", "2", "HOUR"}, {"4", "1", "DAY"}, {"1", "1", "WEEK"}, {"2", "1", "MONTH"},
                {"1", "1", "QUARTER"}, {"1", "1", "HALF_YEAR"}, {"1", "1", "YEAR"}, {"1", "3", "DAY"}}) {
            try (PreparedStatement st = tx.prepareStatement("SELECT epermit_frequency_notation(?, ?, ?)")) {
                st.setInt(1, Integer.parseInt(f[0]));
                st.setInt(2, Integer.parseInt(f[1]));
                st.setString(3, f[2]);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    notations.add(rs.getString(1));
                }
            }
        }
        assertThat(notations).containsExactly("1次/2小时", "4次/日", "1次/周", "2次/月", "1次/季度", "1次/半年", "1次/年", "1次/3日");
    }

    /** Every document the demo data holds, current and superseded, is exactly the schema too. */
    @Test
    void every_demo_document_current_or_superseded_is_exactly_the_schema() throws Exception {
        List<String> broken = new ArrayList<>();
        int documents = 0;
        try (PreparedStatement st = tx.prepareStatement("""
                SELECT permit_number, 'current', permit_public_document(id)::text FROM permit
                UNION ALL
                SELECT p.permit_number, 'version ' || v.version, v.snapshot::text
                FROM permit_version v JOIN permit p ON p.id = v.permit_id WHERE v.snapshot IS NOT NULL""");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                documents++;
                List<String> violations = SCHEMA.violations(rs.getString(3));
                if (!violations.isEmpty() && broken.size() < 20) {
                    broken.add(rs.getString(1) + " " + rs.getString(2) + ": " + violations);
                }
            }
        }
        assertThat(documents).isGreaterThan(1_000);
        assertThat(broken).isEmpty();
    }

    /** Rendered, then checked against the published schema and read into the contract's record. */
    private JsonNode exactlyTheSchema(long permitId) throws Exception {
        String json = string("SELECT permit_public_document(?)::text", permitId);
        assertThat(SCHEMA.violations(json)).as(json).isEmpty();
        STRICT.readValue(json, PublicPermit.class);
        return JSON.readTree(json);
    }

    private long permit(String serial, String category, String authority) throws SQLException {
        String number = "91440300PD00000K12" + serial + (category.equals("REGISTRATION") ? "W" : "P");
        long id = id("""
                INSERT INTO permit (permit_number, enterprise_id, site_serial, category, status, site_name, region_code,
                    industry_code, site_address, issuing_authority, issue_date, valid_from, valid_to)
                VALUES (?, ?, ?, ?, 'VALID', '测试厂区', '440304', '4412', '深圳市福田区测试路1号', ?,
                    DATE '2025-03-01', DATE '2025-03-01', DATE '2030-02-28') RETURNING id""",
                number, enterpriseId, Integer.parseInt(serial), category, authority);
        update("INSERT INTO permit_version (permit_id, version, effective_from, reason) VALUES (?, 1, DATE '2025-03-01', 'INITIAL')", id);
        return id;
    }

    private long outlet(long permit, String code, String name, String medium, String kind) throws SQLException {
        return id("""
                INSERT INTO permit_outlet (permit_id, code, name, medium, kind, stack_height_m, receiving_water)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", permit, code, name, medium, kind,
                medium.equals("AIR") ? 60 : null, medium.equals("AIR") ? null : "深圳河");
    }

    private static JsonNode pollutant(JsonNode doc, String outlet, String pollutant) {
        for (JsonNode o : doc.get("outlets")) {
            if (o.get("code").asText().equals(outlet)) {
                for (JsonNode p : o.get("pollutants")) {
                    if (p.get("pollutantCode").asText().equals(pollutant)) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no " + pollutant + " at " + outlet + " in " + doc);
    }

    private static List<String> codes(JsonNode array, String field) {
        List<String> codes = new ArrayList<>();
        array.forEach(n -> codes.add(n.get(field).asText()));
        return codes;
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement st = prepare(sql, args)) {
            st.executeUpdate();
        }
    }

    private long id(String sql, Object... args) throws SQLException {
        try (PreparedStatement st = prepare(sql, args); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String string(String sql, Object... args) throws SQLException {
        try (PreparedStatement st = prepare(sql, args); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement st = tx.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }
}
