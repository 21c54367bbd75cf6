package org.epermit.api.monitoring;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import org.epermit.api.testing.Db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Demo permits with the limits a monitoring test needs, each test taking its own ({@code nth}). */
final class MonitoringTestData {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private MonitoringTestData() {
    }

    /**
     * A permit held for months and for months more, with one version, an enterprise with a real credit code, and an
     * outlet pollutant whose limit matches {@code limitCondition} (SQL on {@code op}, the outlet pollutant's JSON).
     */
    record Target(String permitNumber, long permitId, String creditCode, String region, LocalDate validFrom,
                  String outlet, String pollutant, BigDecimal min, BigDecimal max, String unit, List<String> outlets,
                  List<String> pollutantsAtOutlet) {
    }

    static Target permit(Pool pool, String outletPrefix, String limitCondition, int nth) {
        List<Row> rows = Db.rows(pool, """
                SELECT DISTINCT ON (p.permit_number) p.permit_number, p.id, e.credit_code, p.region_code, p.valid_from,
                       o ->> 'code' AS outlet, op ->> 'pollutantCode' AS pollutant, op -> 'limit' ->> 'min' AS min,
                       op -> 'limit' ->> 'max' AS max, op -> 'limit' ->> 'unit' AS unit,
                       (SELECT string_agg(x ->> 'code', ',') FROM jsonb_array_elements(d.body::jsonb -> 'outlets') x) AS outlets,
                       (SELECT string_agg(y ->> 'pollutantCode', ',') FROM jsonb_array_elements(o -> 'pollutants') y) AS pollutants
                FROM permit p
                JOIN enterprise e ON e.id = p.enterprise_id
                JOIN permit_document d ON d.permit_id = p.id
                CROSS JOIN LATERAL jsonb_array_elements(d.body::jsonb -> 'outlets') o
                CROSS JOIN LATERAL jsonb_array_elements(o -> 'pollutants') op
                WHERE p.status = 'VALID' AND p.version = 1 AND NOT e.pseudo_credit_code
                  AND p.valid_from < current_date - 400 AND p.valid_to > current_date + 30
                  AND NOT EXISTS (SELECT 1 FROM permit_event ev WHERE ev.permit_id = p.id AND ev.occurred_on < p.valid_from)
                  AND o ->> 'code' LIKE '%s%%' AND %s
                ORDER BY p.permit_number, o ->> 'code', op ->> 'pollutantCode'
                OFFSET $1 LIMIT 1""".formatted(outletPrefix, limitCondition), nth);
        Row r = rows.get(0);
        return new Target(r.getString("permit_number"), r.getLong("id"), r.getString("credit_code"),
                r.getString("region_code"), r.getLocalDate("valid_from"), r.getString("outlet"), r.getString("pollutant"),
                Optional.ofNullable(r.getString("min")).map(BigDecimal::new).orElse(null),
                Optional.ofNullable(r.getString("max")).map(BigDecimal::new).orElse(null), r.getString("unit"),
                List.of(r.getString("outlets").split(",")), List.of(r.getString("pollutants").split(",")));
    }

    /** An air permit whose outlet pollutant has an hourly upper limit. */
    static Target hourlyAir(Pool pool, int nth) {
        // even ids for the air tests, odd for the water ones: a permit with both kinds of outlet serves only one test
        return permit(pool, "DA", "p.id % 2 = 0 AND op -> 'limit' ->> 'averaging' = 'HOURLY' AND op -> 'limit' ->> 'max' IS NOT NULL "
                + "AND op -> 'limit' ->> 'min' IS NULL", nth);
    }

    /** A water permit whose outlet limits pH to a range, per sample. */
    static Target ph(Pool pool, int nth) {
        return permit(pool, "DW", "p.id % 2 = 1 AND op ->> 'pollutantCode' = 'w01001' AND op -> 'limit' ->> 'min' IS NOT NULL", nth);
    }

    /** The start of the clock hour {@code daysAgo} days ago at {@code hour} o'clock, China time. */
    static OffsetDateTime hour(int daysAgo, int hour) {
        return LocalDate.now(CHINA).minusDays(daysAgo).atTime(hour, 0).atZone(CHINA).toOffsetDateTime();
    }

    /** A time as the API writes it (ISO-8601 with seconds, China time). */
    static String text(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZoneSameInstant(CHINA).toOffsetDateTime());
    }

    static String json(String outlet, String pollutant, String kind, String averaging, OffsetDateTime from, Object value,
                       String unit, String flag) {
        return """
                {"outletCode": "%s", "pollutantCode": "%s", "kind": "%s", "averaging": "%s", "from": "%s", "value": %s, "unit": "%s"%s}"""
                .formatted(outlet, pollutant, kind, averaging, from, value, unit, flag == null ? "" : ", \"flag\": \"" + flag + "\"");
    }

    static String batch(String... records) {
        return "{\"records\": [" + String.join(",\n", records) + "]}";
    }

    static long stored(Pool pool, long permitId) {
        return Db.count(pool, "SELECT count(*) FROM monitoring_record WHERE permit_id = $1", permitId);
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
