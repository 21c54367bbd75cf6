package org.epermit.api.demo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epermit.api.common.CreditCode;
import org.epermit.codes.PermitLetters;
import org.epermit.codes.PermitNumberRules;
import org.epermit.codes.Strictness;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a bureau's permit engineer checks first in the demo data, on a deterministic sample of 5,000 permits loaded into
 * a database of its own: the category follows the class, registrations are registrations, terms and statuses follow
 * the rules of their time, sites and authorities are plausible, outlets are the industry's, limits are the values of
 * the standard table they cite, monitoring is written as permits write it, and identifiers are valid in full.
 */
@QuarkusTest
class DemoDataFidelityTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final int PERMITS = 5_000;
    /** epermit.permit-lifecycle.cancel-expired-after in the test profile (the default). */
    private static final int CANCEL_WITHIN_DAYS = 60;

    private static String sampleUrl;
    private static String adminUrl;
    private static String sampleDatabase;
    private static String user;
    private static String password;

    @Inject
    DemoDataLoader loader;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> pw;

    private synchronized void sample() throws SQLException {
        if (sampleUrl != null) {
            return;
        }
        user = username;
        password = pw.orElse("");
        adminUrl = jdbcUrl;
        sampleDatabase = "demo_fidelity_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + sampleDatabase
                    + " TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'");
        }
        String url = jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + sampleDatabase + "$1");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            loader.load(c, PERMITS, 20261128, AS_OF);
        }
        sampleUrl = url;
    }

    @AfterAll
    static void dropSample() throws SQLException {
        if (sampleDatabase != null) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + sampleDatabase + " WITH (FORCE)");
            }
        }
    }

    // ---- category ----

    @Test
    void the_category_is_one_the_catalogue_gives_the_class_and_the_mix_is_the_national_one() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE NOT EXISTS (SELECT 1 FROM industry_management_category c
                WHERE c.industry_code = p.industry_code AND c.category = p.category)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit WHERE industry_code IN ('4411', '4412', '3110', '3120', '2521', '2511', '2211',
                '2212', '3216') AND category <> 'KEY'""")).as("thermal power, iron and steel, coking, refining, pulp: KEY")
                .isZero();
        assertThat(count("SELECT count(*) FROM permit WHERE industry_code IN ('4411', '3120', '2521')"))
                .as("the sample has such units").isPositive();
        long total = count("SELECT count(*) FROM permit");
        long key = count("SELECT count(*) FROM permit WHERE category = 'KEY'");
        long simplified = count("SELECT count(*) FROM permit WHERE category = 'SIMPLIFIED'");
        long registration = count("SELECT count(*) FROM permit WHERE category = 'REGISTRATION'");
        assertThat(total).isEqualTo(PERMITS);
        assertThat(registration).as("most units register").isGreaterThan(total / 2);
        assertThat(simplified).as("many are SIMPLIFIED").isGreaterThan(key).isGreaterThan(total / 6);
        assertThat(key).as("a minority is KEY").isBetween(total / 20, total / 4);
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE p.industry_code = '3011' AND p.category = 'KEY' AND NOT EXISTS (
                SELECT 1 FROM permit_outlet o WHERE o.permit_id = p.id AND o.name LIKE '%窑尾排气筒')"""))
                .as("a KEY cement plant makes clinker: it has a kiln").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id
                WHERE p.industry_code = '3011' AND p.category = 'SIMPLIFIED' AND o.name LIKE '%窑%'"""))
                .as("a grinding station has no kiln").isZero();
    }

    // ---- registrations, terms and statuses ----

    @Test
    void registrations_are_self_filed_since_2020_valid_five_years_without_authority_reports_or_quantities() throws SQLException {
        assertThat(count("SELECT count(*) FROM permit WHERE category = 'REGISTRATION'")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE category = 'REGISTRATION' AND (p.issuing_authority IS NOT NULL
                OR p.valid_from < DATE '2020-01-01' OR p.status IN ('REVOKED', 'ANNULLED')
                OR p.valid_to <> (p.valid_from + interval '5 years' - interval '1 day')::date
                OR EXISTS (SELECT 1 FROM permit_report_obligation r WHERE r.permit_id = p.id)
                OR EXISTS (SELECT 1 FROM permit_annual_quantity q WHERE q.permit_id = p.id)
                OR EXISTS (SELECT 1 FROM permit_event e WHERE e.permit_id = p.id AND (e.authority IS NOT NULL OR e.event_type = 'ISSUED'))
                OR NOT EXISTS (SELECT 1 FROM permit_event e WHERE e.permit_id = p.id AND e.version = 1 AND e.event_type = 'REGISTERED'))
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE category <> 'REGISTRATION' AND (p.issuing_authority IS NULL
                OR EXISTS (SELECT 1 FROM permit_event e WHERE e.permit_id = p.id AND e.event_type = 'REGISTERED'))""")).isZero();
    }

    @Test
    void permits_first_issued_before_2021_03_01_ran_three_years_later_ones_and_renewals_five() throws SQLException {
        // each validity period: an initial issue or a renewal, ending where the next renewal starts or at valid_to
        String periods = """
                SELECT p.category, v.reason, v.effective_from AS from_date,
                       coalesce((SELECT min(n.effective_from) - 1 FROM permit_version n
                                 WHERE n.permit_id = v.permit_id AND n.version > v.version AND n.reason = 'RENEWAL'),
                                p.valid_to) AS to_date
                FROM permit_version v JOIN permit p ON p.id = v.permit_id WHERE v.reason IN ('INITIAL', 'RENEWAL')""";
        assertThat(count("SELECT count(*) FROM (" + periods + ") x WHERE category <> 'REGISTRATION' AND reason = 'INITIAL'"
                + " AND from_date < DATE '2021-03-01' AND to_date <> (from_date + interval '3 years' - interval '1 day')::date"))
                .isZero();
        assertThat(count("SELECT count(*) FROM (" + periods + ") x WHERE (reason = 'RENEWAL' OR from_date >= DATE '2021-03-01'"
                + " OR category = 'REGISTRATION') AND to_date <> (from_date + interval '5 years' - interval '1 day')::date"))
                .isZero();
        assertThat(count("SELECT count(*) FROM (" + periods + ") x WHERE reason = 'INITIAL' AND from_date < DATE '2021-03-01'"
                + " AND category <> 'REGISTRATION'")).as("early permits are in the sample").isPositive();
    }

    @Test
    void expired_permits_are_cancelled_within_the_configured_time_and_revocations_are_rare() throws SQLException {
        long total = count("SELECT count(*) FROM permit");
        for (String status : List.of("VALID", "EXPIRED", "CANCELLED", "REVOKED", "ANNULLED")) {
            assertThat(count("SELECT count(*) FROM permit WHERE status = '" + status + "'")).as(status).isPositive();
        }
        assertThat(count("SELECT count(*) FROM permit WHERE status IN ('REVOKED', 'ANNULLED')")).isLessThan(total * 3 / 100);
        assertThat(count("SELECT count(*) FROM permit WHERE status = 'EXPIRED' AND valid_to < DATE '" + AS_OF + "' - "
                + CANCEL_WITHIN_DAYS)).as("no permit stays expired beyond the cancellation time").isZero();
        assertThat(count("SELECT count(*) FROM permit WHERE status = 'VALID' AND valid_to < DATE '" + AS_OF + "'"))
                .as("a VALID permit is within its validity").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit p JOIN permit_event c ON c.permit_id = p.id AND c.event_type = 'CANCELLED'
                JOIN permit_event x ON x.permit_id = p.id AND x.event_type = 'EXPIRED'
                WHERE c.occurred_on > x.occurred_on + %d""".formatted(CANCEL_WITHIN_DAYS))).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE status IN ('REVOKED', 'ANNULLED', 'CANCELLED') AND NOT EXISTS (
                SELECT 1 FROM permit_event e WHERE e.permit_id = p.id AND e.event_type = p.status)""")).isZero();
    }

    // ---- sites and authorities ----

    @Test
    void sites_are_in_plausible_places_and_authorities_at_prefecture_level_or_above() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM permit p JOIN region r ON r.code = p.region_code WHERE r.grouping
                UNION ALL SELECT count(*) FROM enterprise e JOIN region r ON r.code = e.region_code WHERE r.grouping""",
                true)).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit p JOIN region r ON r.code = p.region_code JOIN industry i ON i.code = p.industry_code
                WHERE r.urban_core AND NOT i.urban_core_sited""")).as("no heavy industry in central-city districts").isZero();
        assertThat(count("SELECT count(*) FROM permit WHERE region_code IN ('110101', '110102') AND industry_code <> '4430'"))
                .isZero();
        assertThat(count("""
                SELECT count(*) FROM permit p JOIN region a ON a.code = p.issuing_authority
                WHERE a.level = 3 OR a.grouping OR p.region_code NOT LIKE %s || '%%'
                   OR (a.level = 1 AND EXISTS (SELECT 1 FROM region s JOIN region c ON c.code = s.parent_code
                       WHERE s.code = p.region_code AND s.level = 3 AND NOT c.grouping))""".formatted(prefix("a.code"))))
                .isZero();
        assertThat(count("SELECT count(*) FROM permit WHERE issuing_authority IN ('110100', '120100', '310100', '500100')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM permit WHERE issuing_authority = '110000'"))
                .as("Beijing's sites are licensed by the municipality").isPositive();
    }

    @Test
    void some_sites_carry_secondary_industry_classes() throws SQLException {
        assertThat(count("SELECT count(DISTINCT permit_id) FROM permit_secondary_industry")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM permit_secondary_industry s JOIN permit p ON p.id = s.permit_id
                WHERE s.industry_code = p.industry_code OR length(s.industry_code) <> 4""")).isZero();
    }

    // ---- outlets ----

    @Test
    void outlets_are_the_industry_s_with_plausible_stacks_and_waters_of_the_site_s_province() throws SQLException {
        // every outlet is one of its industry's and category's templates, its stack within the template's range
        assertThat(count("""
                SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id WHERE NOT EXISTS (
                    SELECT 1 FROM industry_outlet_template t
                    WHERE t.industry_code = p.industry_code AND t.category = p.category AND t.medium = o.medium
                      AND t.kind = o.kind AND regexp_replace(o.name, '^[0-9]+#', '{n}#') = t.name_zh
                      AND (o.medium = 'WATER' OR o.stack_height_m BETWEEN t.stack_min_m AND t.stack_max_m))""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE p.industry_code = '4411' AND p.category = 'KEY' AND NOT (
                    EXISTS (SELECT 1 FROM permit_outlet o WHERE o.permit_id = p.id AND o.name LIKE '%#锅炉烟囱' AND o.kind = 'MAIN'
                            AND o.stack_height_m >= 150)
                    AND EXISTS (SELECT 1 FROM permit_outlet o WHERE o.permit_id = p.id AND o.medium = 'WATER'))"""))
                .as("a power plant has boiler stacks and a water outlet").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id
                WHERE (o.name LIKE '%烧结%' OR o.name LIKE '%高炉%') AND p.industry_code <> '3110'"""))
                .as("no sinter strand outside ironmaking").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id
                WHERE o.medium = 'WATER' AND NOT EXISTS (SELECT 1 FROM receiving_water w
                    WHERE w.province_code = left(p.region_code, 2) || '0000' AND w.name_zh = o.receiving_water)""")).isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet WHERE medium = 'AIR' AND (receiving_water IS NOT NULL OR stack_height_m IS NULL)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id WHERE p.category = 'REGISTRATION'"))
                .isZero();
    }

    @Test
    void heavy_metals_are_licensed_only_at_workshop_outlets_of_processes_that_have_them_and_stormwater_has_no_limits() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                WHERE op.pollutant_code IN ('w20111', 'w20115', 'w20116', 'w20117', 'w20119', 'w20120', 'w20121')
                  AND o.name NOT LIKE '%车间排放口' AND o.name <> '脱硫废水处理设施排放口'""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet o JOIN permit p ON p.id = o.permit_id
                WHERE o.name LIKE '%车间排放口' AND p.industry_code NOT IN ('3360', '1910', '3130')""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                WHERE o.name = '雨水排放口' AND (op.limit_value IS NOT NULL OR op.monitoring_mode <> 'MANUAL')""")).isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet WHERE name = '雨水排放口'")).isPositive();
        assertThat(count("SELECT count(*) FROM permit_outlet WHERE name LIKE '含铬废水车间排放口'")).isPositive();
    }

    // ---- limits ----

    @Test
    void every_limit_is_the_value_of_the_standard_table_it_cites() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant op WHERE op.limit_value IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM emission_standard_limit l
                    WHERE l.standard_code = op.standard_code AND l.table_ref = op.standard_table
                      AND l.pollutant_code = op.pollutant_code AND l.limit_value = op.limit_value
                      AND l.limit_min IS NOT DISTINCT FROM op.limit_min AND l.unit = op.limit_unit
                      AND l.averaging = op.averaging AND l.reference_oxygen_pct IS NOT DISTINCT FROM op.reference_oxygen_pct)"""))
                .isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet_pollutant WHERE (limit_value IS NULL) <> (standard_table IS NULL)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet_pollutant WHERE pollutant_code = 'w01001' AND limit_value IS NOT NULL"
                + " AND NOT (limit_min = 6 AND limit_value = 9 AND averaging = 'SAMPLE')")).as("pH 6–9 per sample").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                WHERE o.name LIKE '%锅炉烟囱' AND op.limit_value IS NOT NULL AND op.reference_oxygen_pct IS NULL"""))
                .as("boiler limits at reference oxygen").isZero();
    }

    @Test
    void special_limits_apply_only_where_they_are_in_force_and_local_standards_only_in_their_province() throws SQLException {
        String special = """
                FROM permit_outlet_pollutant op JOIN emission_standard_table t
                  ON t.standard_code = op.standard_code AND t.table_ref = op.standard_table
                JOIN permit_outlet o ON o.id = op.outlet_id JOIN permit p ON p.id = o.permit_id
                WHERE t.special""";
        assertThat(count("SELECT count(*) " + special)).as("special limits in the sample").isPositive();
        assertThat(count("SELECT count(*) " + special + " " + """
                 AND NOT EXISTS (SELECT 1 FROM special_emission_limit_region s WHERE s.medium = t.medium
                    AND p.region_code LIKE %s || '%%')""".formatted(prefix("s.region_code")))).isZero();
        String local = """
                FROM permit_outlet_pollutant op JOIN emission_standard s ON s.code = op.standard_code
                JOIN permit_outlet o ON o.id = op.outlet_id JOIN permit p ON p.id = o.permit_id
                WHERE s.kind = 'LOCAL'""";
        assertThat(count("SELECT count(*) " + local)).as("local standards in the sample").isPositive();
        assertThat(count("SELECT count(*) " + local + " AND left(p.region_code, 2) <> left(s.issued_by, 2)")).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                JOIN permit p ON p.id = o.permit_id
                WHERE p.region_code LIKE '11%' AND op.standard_code IN ('GB 18918-2002')"""))
                .as("Beijing's wastewater plants follow Beijing's standard").isZero();
    }

    // ---- monitoring ----

    @Test
    void monitoring_is_a_count_per_period_key_units_monitor_main_pollutants_automatically_and_flow_keeps_up() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_name IN ('permit_outlet_pollutant', 'industry_pollutant_profile') AND column_name = 'manual_frequency'"""))
                .as("the enum frequency is gone (V14): counts per period only").isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet_pollutant WHERE sampling_method IS NULL")).isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant WHERE monitoring_mode = 'AUTOMATIC'
                AND NOT (frequency_count >= 4 AND frequency_every = 1 AND frequency_unit = 'DAY')"""))
                .as("a monitor's outage: at least 4 samples a day").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant op JOIN permit_outlet o ON o.id = op.outlet_id
                JOIN permit p ON p.id = o.permit_id
                WHERE p.category = 'KEY' AND o.kind = 'MAIN' AND o.name NOT LIKE '%车间排放口'
                  AND op.pollutant_code IN ('a21026', 'a21002', 'a34013', 'a24088', 'w01018', 'w21003', 'a00000', 'w00000')
                  AND op.monitoring_mode <> 'AUTOMATIC'""")).isZero();
        assertThat(count("SELECT count(*) FROM permit_outlet_pollutant WHERE monitoring_mode = 'AUTOMATIC'")).isPositive();
        // samples a year: automatic counts as continuous
        String rate = """
                CASE WHEN %1$s.monitoring_mode = 'AUTOMATIC' THEN 1e9 ELSE %1$s.frequency_count::numeric / %1$s.frequency_every
                  * CASE %1$s.frequency_unit WHEN 'HOUR' THEN 8760 WHEN 'DAY' THEN 365 WHEN 'WEEK' THEN 52 WHEN 'MONTH' THEN 12
                    WHEN 'QUARTER' THEN 4 WHEN 'HALF_YEAR' THEN 2 ELSE 1 END END""";
        assertThat(count("""
                SELECT count(*) FROM permit_outlet_pollutant f JOIN permit_outlet_pollutant x ON x.outlet_id = f.outlet_id
                WHERE f.pollutant_code IN ('a00000', 'w00000') AND x.pollutant_code NOT IN ('a00000', 'w00000')
                  AND %s < %s""".formatted(rate.formatted("f"), rate.formatted("x"))))
                .as("flow at least as often as the pollutants it accompanies").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_outlet o WHERE o.name <> '雨水排放口' AND NOT EXISTS (
                SELECT 1 FROM permit_outlet_pollutant f WHERE f.outlet_id = o.id AND f.pollutant_code IN ('a00000', 'w00000'))"""))
                .as("flow is monitored at every process outlet").isZero();
    }

    // ---- obligations and quantities ----

    @Test
    void report_obligations_carry_their_deadlines_per_category() throws SQLException {
        assertThat(count("""
                SELECT count(*) FROM permit p WHERE p.category <> 'REGISTRATION' AND EXISTS (
                SELECT 1 FROM report_obligation_default d WHERE d.category = p.category AND d.mandatory AND NOT EXISTS (
                    SELECT 1 FROM permit_report_obligation r WHERE r.permit_id = p.id AND r.report_type = d.report_type))"""))
                .as("KEY: annual and quarterly; SIMPLIFIED: annual").isZero();
        assertThat(count("""
                SELECT count(*) FROM permit_report_obligation r JOIN permit p ON p.id = r.permit_id
                WHERE NOT EXISTS (SELECT 1 FROM report_obligation_default d WHERE d.category = p.category
                    AND d.report_type = r.report_type AND d.due_months_after = r.due_months_after
                    AND r.due_day IN (d.due_day, d.alternative_due_day))""")).isZero();
        assertThat(count("SELECT count(*) FROM permit_report_obligation WHERE report_type = 'ANNUAL' AND due_day = 31"))
                .as("some permits set the end of January").isPositive();
        assertThat(count("SELECT count(*) FROM permit_report_obligation WHERE report_type = 'MONTHLY'")).isPositive();
    }

    @Test
    void licensed_quantities_are_for_pollutants_the_permit_limits() throws SQLException {
        assertThat(count("SELECT count(*) FROM permit_annual_quantity")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM permit_annual_quantity q WHERE NOT EXISTS (
                SELECT 1 FROM permit_outlet o JOIN permit_outlet_pollutant op ON op.outlet_id = o.id
                WHERE o.permit_id = q.permit_id AND op.pollutant_code = q.pollutant_code AND op.limit_value IS NOT NULL)"""))
                .isZero();
    }

    // ---- identifiers ----

    @Test
    void credit_codes_and_permit_numbers_are_valid_in_full() throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String code : strings("SELECT credit_code FROM enterprise")) {
            if (!CreditCode.check(code, "creditCode", Strictness.REGISTRATION).isEmpty()) {
                problems.add(code);
            }
        }
        for (String number : strings("SELECT permit_number FROM permit")) {
            if (!PermitNumberRules.check(number, PermitLetters.NATIONAL).isEmpty()) {
                problems.add(number);
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- helpers ----

    /** SQL for a division's prefix: 110000 → 11, 131000 → 1310, 110101 → 110101. */
    private static String prefix(String column) {
        return "CASE WHEN right(%1$s, 4) = '0000' THEN left(%1$s, 2) WHEN right(%1$s, 2) = '00' THEN left(%1$s, 4) ELSE %1$s END"
                .formatted(column);
    }

    private long count(String sql) throws SQLException {
        return count(sql, false);
    }

    /** The query's single count, or with {@code sumRows} the sum of its rows' counts. */
    private long count(String sql, boolean sumRows) throws SQLException {
        sample();
        try (Connection c = DriverManager.getConnection(sampleUrl, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(1);
                if (!sumRows) {
                    break;
                }
            }
            return sum;
        }
    }

    private List<String> strings(String sql) throws SQLException {
        sample();
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(sampleUrl, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
