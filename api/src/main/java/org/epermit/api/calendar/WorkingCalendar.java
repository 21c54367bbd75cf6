package org.epermit.api.calendar;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SQL of calendar_year and calendar_exception (V19): the working-day calendar as data. */
@ApplicationScoped
public class WorkingCalendar {

    static final String AGGREGATE = "calendar_year";

    private final Pool pool;

    public WorkingCalendar(Pool pool) {
        this.pool = pool;
    }

    /**
     * The whole calendar, read afresh: a few hundred rows, and reading them per use means a year an administrator sets
     * counts on every instance at once, with no cache to invalidate.
     */
    public Uni<WorkingDays> load() {
        return pool.query("SELECT year FROM calendar_year").execute().flatMap(years -> {
            Set<Integer> covered = new HashSet<>();
            years.forEach(r -> covered.add(r.getInteger("year")));
            return pool.query("SELECT day, kind FROM calendar_exception").execute().map(rows -> {
                Map<LocalDate, DayKind> exceptions = new HashMap<>();
                rows.forEach(r -> exceptions.put(r.getLocalDate("day"), DayKind.valueOf(r.getString("kind"))));
                return new WorkingDays(covered, exceptions);
            });
        });
    }

    /** The year as the API shows it; a year not covered is shown with no days. */
    public Uni<CalendarView.Year> year(int year) {
        return year(pool, year);
    }

    private static Uni<CalendarView.Year> year(SqlClient sql, int year) {
        return sql.preparedQuery("SELECT source FROM calendar_year WHERE year = $1").execute(Tuple.of(year))
                .flatMap(found -> {
                    if (found.rowCount() == 0) {
                        return Uni.createFrom().item(new CalendarView.Year(year, false, null, List.of()));
                    }
                    String source = found.iterator().next().getString("source");
                    return sql.preparedQuery("""
                                    SELECT day, kind, name_zh, name_en FROM calendar_exception WHERE year = $1 ORDER BY day""")
                            .execute(Tuple.of(year)).map(rows -> {
                                List<CalendarView.Day> days = new ArrayList<>();
                                rows.forEach(r -> days.add(day(r)));
                                return new CalendarView.Year(year, true, source, days);
                            });
                });
    }

    /** The year after a {@link #replace}, and its version (the sequence of its event), and whether it was new. */
    record Replaced(CalendarView.Year year, long version, boolean created) {
    }

    /** Sets {@code year}'s exceptions to exactly {@code change}'s (validated by {@link CalendarValidation}) through {@code tx}. */
    Uni<Replaced> replace(SqlClient tx, int year, CalendarView.Change change) {
        return tx.preparedQuery("""
                        INSERT INTO calendar_year (year, source, updated_at) VALUES ($1, $2, now())
                        ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, updated_at = now(),
                            version = calendar_year.version + 1
                        RETURNING version""")
                .execute(Tuple.of(year, change.source()))
                .flatMap(upserted -> {
                    long version = upserted.iterator().next().getInteger("version");
                    return tx.preparedQuery("DELETE FROM calendar_exception WHERE year = $1").execute(Tuple.of(year))
                            .flatMap(deleted -> insert(tx, year, change.days()))
                            .flatMap(inserted -> year(tx, year))
                            .map(written -> new Replaced(written, version, version == 1));
                });
    }

    private static Uni<Void> insert(SqlClient tx, int year, List<CalendarView.Day> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (CalendarView.Day d : days) {
            batch.add(Tuple.of(d.date(), year, d.kind().name(), d.nameZh(), d.nameEn()));  // one Tuple a row: they are mutable
        }
        return tx.preparedQuery("""
                        INSERT INTO calendar_exception (day, year, kind, name_zh, name_en) VALUES ($1, $2, $3, $4, $5)""")
                .executeBatch(batch).replaceWithVoid();
    }

    private static CalendarView.Day day(Row r) {
        return new CalendarView.Day(r.getLocalDate("day"), DayKind.valueOf(r.getString("kind")),
                r.getString("name_zh"), r.getString("name_en"));
    }
}
