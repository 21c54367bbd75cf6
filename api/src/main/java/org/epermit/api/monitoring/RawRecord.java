package org.epermit.api.monitoring;

/**
 * A monitoring record as it arrived, before any check: every field as text (a JSON number as its decimal form, an HJ
 * 212 value as written), null when absent. What every source (JSON, CSV, HJ 212 packets) hands to
 * {@link MonitoringIntake#receive}.
 *
 * @param deviceMn the HJ 212 device number the record came from, or null
 */
public record RawRecord(String outletCode, String pollutantCode, String kind, String averaging, String from, String to,
                        String value, String unit, String flag, String deviceMn) {
}
