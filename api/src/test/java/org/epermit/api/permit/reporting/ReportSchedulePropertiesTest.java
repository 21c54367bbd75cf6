package org.epermit.api.permit.reporting;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.epermit.api.permit.reporting.ReportScheduleTest.SCHEDULE;
import static org.quicktheories.QuickTheory.qt;

/** Properties of {@link ReportSchedule} over generated holdings and obligations. */
class ReportSchedulePropertiesTest {

    private static final LocalDate EARLIEST = LocalDate.of(2024, 1, 1);

    static Gen<LocalDate> days() {
        return Generate.range(0, 3 * 366).map(EARLIEST::plusDays);
    }

    static Gen<Set<ReportType>> typeSets() {
        return Generate.range(1, 15).map(bits -> {
            Set<ReportType> types = EnumSet.noneOf(ReportType.class);
            for (ReportType t : ReportType.values()) {
                if ((bits & (1 << t.ordinal())) != 0) {
                    types.add(t);
                }
            }
            return types;
        });
    }

    private static List<OwedReport> owed(int fromYear, int toYear, Set<ReportType> types, Holding holding) {
        List<OwedReport> all = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            all.addAll(SCHEDULE.owed(year, types.stream().map(SCHEDULE::nationalDefault).toList(), holding, "3011"));
        }
        return all;
    }

    @Test
    void with_one_report_type_the_reports_cover_every_day_held_once_in_order() {
        qt().withExamples(1_000).forAll(days(), Generate.enumValues(ReportType.class)).checkAssert((first, type) -> {
            List<OwedReport> reports = owed(first.getYear(), 2028, EnumSet.of(type), Holding.from(first));
            assertThat(reports).isNotEmpty();
            assertThat(reports.get(0).covers().first()).isEqualTo(first);
            for (int i = 0; i + 1 < reports.size(); i++) {
                assertThat(reports.get(i + 1).covers().first()).isEqualTo(reports.get(i).covers().last().plusDays(1));
            }
            assertThat(reports.get(reports.size() - 1).covers().last()).isEqualTo(LocalDate.of(2028, 12, 31));
        });
    }

    @Test
    void no_two_reports_end_on_one_day_and_each_covers_its_period_as_held() {
        qt().withExamples(1_000).forAll(days(), days(), typeSets()).checkAssert((a, b, types) -> {
            LocalDate first = a.isBefore(b) ? a : b;
            LocalDate last = a.isBefore(b) ? b : a;
            Holding holding = Holding.between(first, last);
            List<OwedReport> reports = owed(2024, 2027, types, holding);
            Set<LocalDate> ends = new HashSet<>();
            for (OwedReport r : reports) {
                assertThat(ends.add(r.period().last())).as("%s ends where another report ends", r.period()).isTrue();
                assertThat(types).contains(r.type());
                assertThat(r.covers().first()).isAfterOrEqualTo(first);
                assertThat(r.covers().last()).isEqualTo(last.isBefore(r.period().last()) ? last : r.period().last());
                assertThat(r.type().heldLongEnough(max(first, r.period().first()), r.covers().last())).isTrue();
                assertThat(r.due()).isAfter(r.period().last());
                r.standsInFor().forEach(s -> {
                    assertThat(s.last()).isEqualTo(r.period().last());
                    assertThat(s.type().months()).isLessThan(r.type().months());
                });
            }
        });
    }

    @Test
    void every_day_held_is_covered_by_a_report_unless_it_lies_in_a_fold_the_holding_ended_in() {
        qt().withExamples(500).forAll(days(), days(), typeSets()).checkAssert((a, b, types) -> {
            LocalDate first = a.isBefore(b) ? a : b;
            LocalDate last = a.isBefore(b) ? b : a;
            List<OwedReport> reports = owed(2024, 2027, types, Holding.between(first, last));
            ReportType longest = types.stream().min(Comparator.naturalOrder()).orElseThrow();
            // days of the holding's last period of the longest type may lie in a fold no later report takes up
            LocalDate lastFull = ReportPeriod.holding(longest, last).first().minusDays(1);
            for (LocalDate day = first; !day.isAfter(lastFull.minusMonths(longest.months())); day = day.plusDays(1)) {
                LocalDate d = day;
                Optional<OwedReport> covering = reports.stream()
                        .filter(r -> !d.isBefore(r.covers().first()) && !d.isAfter(r.covers().last())).findAny();
                assertThat(covering).as("%s, held %s to %s, %s", d, first, last, types).isPresent();
            }
        });
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
