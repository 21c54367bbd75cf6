package org.epermit.api.demo;

import org.epermit.api.demo.DemoPermitFacts.Outlet;
import org.epermit.api.demo.DemoPermitFacts.Pollutant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Self-monitoring data for the first {@code permits} KEY permits held throughout the last 30 days before the as-of
 * date that monitor something automatically: a registered device (HJ 212 MN) per outlet with automatic monitoring,
 * and its hourly means of every automatically monitored pollutant over those 30 days, as one IMPORTED batch per permit.
 * A few hours are above an hourly limit (every such series has at least one) and a few carry a flag other than VALID
 * (maintenance, calibration, a fault); those are compared with no limit, as the service compares them.
 */
final class DemoMonitoring {

    static final int DAYS = 30;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");
    private static final List<String> FLAGS = List.of("MAINTENANCE", "CALIBRATION", "FAULT", "STOPPED", "COMMUNICATION_FAULT");
    private static final int EXCEEDANCE_PER_MILLE = 4;
    private static final int FLAGGED_PER_MILLE = 15;

    private final long seed;
    private final LocalDate asOf;
    private final int permits;
    private final Map<String, String> pollutantUnits;
    private int monitored;
    private long records;

    DemoMonitoring(long seed, LocalDate asOf, int permits, Map<String, String> pollutantUnits) {
        this.seed = seed;
        this.asOf = asOf;
        this.permits = permits;
        this.pollutantUnits = pollutantUnits;
    }

    /** The first day of the monitoring data. */
    LocalDate firstDay() {
        return asOf.minusDays(DAYS);
    }

    /** Whether {@code permit} gets monitoring data (decided in permit order, so the first ones that qualify do). */
    boolean takes(DemoPermitFacts permit) {
        return monitored < permits && permit.key() && permit.status().equals("VALID")
                && permit.holdingFirst().isBefore(firstDay()) && !permit.holdingLast().isBefore(asOf)
                && permit.outlets().stream().flatMap(o -> o.pollutants().stream()).anyMatch(Pollutant::automatic);
    }

    void emit(DemoPermitFacts permit, DemoBatch batch) {
        monitored++;
        SplittableRandom rnd = new SplittableRandom(seed * 0x94D049BB133111EBL + permit.permitId());
        UUID batchId = UUID.nameUUIDFromBytes(("epermit-demo-monitoring-" + permit.permitId()).getBytes(StandardCharsets.UTF_8));
        ZonedDateTime start = firstDay().atStartOfDay(DemoReports.CHINA);
        String receivedAt = TIMESTAMP.format(asOf.atStartOfDay(DemoReports.CHINA));
        int hours = DAYS * 24;
        long count = 0;
        long exceedances = 0;
        for (Outlet outlet : permit.outlets()) {
            List<Pollutant> automatic = outlet.pollutants().stream().filter(Pollutant::automatic).toList();
            if (automatic.isEmpty()) {
                continue;
            }
            String mn = "DEMO" + String.format("%010d", permit.permitId()) + outlet.code();
            batch.devices.row().add(mn).add(permit.permitId()).add(outlet.code())
                    .add(TIMESTAMP.format(start.minusDays(30 + rnd.nextInt(300)))).add(DemoReports.IMPORTER);
            for (Pollutant p : automatic) {
                BigDecimal max = p.limit() == null ? null : p.limit().value();
                BigDecimal min = p.limit() == null ? null : p.limit().min();
                // an hourly limit is compared with hourly means; a daily or per-sample one is not (BatchValidation.applies)
                boolean hourlyLimit = p.limit() != null && "HOURLY".equals(p.limit().averaging()) && (max != null || min != null);
                String unit = p.limit() != null && p.limit().unit() != null ? p.limit().unit()
                        : pollutantUnits.getOrDefault(p.code(), "");
                double base = max != null ? max.doubleValue() * rnd.nextDouble(0.25, 0.6)
                        : min != null ? min.doubleValue() * 1.2 : typical(unit, rnd);
                int forced = hourlyLimit && max != null ? rnd.nextInt(hours) : -1;
                for (int h = 0; h < hours; h++) {
                    ZonedDateTime from = start.plusHours(h);
                    String flag = rnd.nextInt(1000) < FLAGGED_PER_MILLE && h != forced ? FLAGS.get(rnd.nextInt(FLAGS.size())) : "VALID";
                    double value = Math.max(0, base * (1 + rnd.nextDouble(-0.25, 0.25)));
                    if (flag.equals("VALID") && max != null && hourlyLimit && (h == forced || rnd.nextInt(1000) < EXCEEDANCE_PER_MILLE)) {
                        value = max.doubleValue() * rnd.nextDouble(1.05, 1.5);
                    }
                    BigDecimal v = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
                    boolean compared = flag.equals("VALID") && hourlyLimit;
                    boolean exceedance = compared && (max != null && v.compareTo(max) > 0 || min != null && v.compareTo(min) < 0);
                    batch.monitoringRecords.row().add(permit.permitId()).add(permit.versionOn(from.toLocalDate()))
                            .add(outlet.code()).add(p.code()).add("AUTOMATIC").add("HOURLY").add(TIMESTAMP.format(from))
                            .add(TIMESTAMP.format(from.plusHours(1))).add(v.toPlainString()).add(unit).add(flag).add(exceedance)
                            .add(compared && min != null ? min.toPlainString() : null)
                            .add(compared && max != null ? max.toPlainString() : null)
                            .add(receivedAt).add(batchId).add("IMPORTED").add(mn);
                    count++;
                    if (exceedance) {
                        exceedances++;
                    }
                }
            }
        }
        batch.monitoringBatches.row().add(batchId).add(permit.permitId()).add("IMPORTED").add(receivedAt).add(DemoReports.IMPORTER)
                .add(count).add(count).add(0).add(exceedances);
        records += count;
    }

    /** A plausible level for a parameter without a limit (flue-gas or water flow, temperature, oxygen). */
    private static double typical(String unit, SplittableRandom rnd) {
        return switch (unit) {
            case "m3/h" -> rnd.nextDouble(50_000, 600_000);
            case "L/s" -> rnd.nextDouble(5, 200);
            case "m3/d" -> rnd.nextDouble(500, 20_000);
            default -> rnd.nextDouble(5, 100);
        };
    }

    int permits() {
        return monitored;
    }

    long records() {
        return records;
    }
}
