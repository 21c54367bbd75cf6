package org.epermit.api.permit.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A deadline the ministry extended for one report period, for every permit or for some industries: the 2023 annual
 * report to 29 February 2024; the 2024 annual report to 31 January 2025 for thermal power (4411) and to 28 February
 * 2025 for the rest. An extension never brings a deadline forward: a permit whose copy already allows longer keeps it.
 *
 * @param period     the report period it extends (its type and key: ANNUAL 2024)
 * @param industries GB/T 4754 codes or prefixes (1–4 digits) of the permits' main industry class it applies to; empty
 *                   for every permit. Where several extensions name a period, the one with the longest matching prefix
 *                   applies, one for every permit last.
 * @param due        the extended deadline
 */
public record DeadlineExtension(ReportPeriod period, List<String> industries, LocalDate due) {

    public DeadlineExtension {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(due, "due");
        industries = List.copyOf(industries);
        for (String prefix : industries) {
            if (!prefix.matches("[0-9]{1,4}")) {
                throw new IllegalArgumentException("an extension's industries are GB/T 4754 codes or prefixes of 1 to 4 digits, got '" + prefix + "'");
            }
        }
        if (!due.isAfter(period.last())) {
            throw new IllegalArgumentException("the extended deadline " + due + " of " + period + " is not after the period");
        }
    }

    /**
     * How well it applies to a permit of main industry class {@code industry}: the length of the longest prefix that
     * matches (0 for an extension of every permit), or -1 when it does not apply.
     */
    int match(String industry) {
        if (industries.isEmpty()) {
            return 0;
        }
        return industries.stream().filter(industry::startsWith).mapToInt(String::length).max().orElse(-1);
    }
}
