package org.epermit.api.calendar;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.PermissionException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.CalendarDay;
import org.epermit.sdk.model.CalendarDayKind;
import org.epermit.sdk.model.CalendarYear;
import org.epermit.sdk.model.CalendarYearChange;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** client.calendar() against the running service: anyone reads a year, an administrator sets one. */
@QuarkusTest
class CalendarSdkEndToEndTest {

    private static final int YEAR = 2098;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ClientRegistry registry;

    @Inject
    Pool pool;

    private EPermitClient client(String apiKey) {
        EPermitClient.Builder b = EPermitClient.builder().baseUrl(base.toString()).maxRetries(0);
        return (apiKey == null ? b : b.credentials(Credentials.apiKey(apiKey))).build();
    }

    private static CalendarDay day(LocalDate date, CalendarDayKind kind) {
        return new CalendarDay().date(date).kind(kind).nameZh("春节").nameEn("Spring Festival");
    }

    @Test
    void anyone_reads_a_year_and_an_administrator_sets_one() {
        CalendarYear y2025 = client(null).calendar().get(2025);
        assertThat(y2025.getCovered()).isTrue();
        assertThat(y2025.getDays()).filteredOn(d -> d.getKind() == CalendarDayKind.MAKEUP_WORKDAY)
                .extracting(CalendarDay::getDate).containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8),
                        LocalDate.of(2025, 4, 27), LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));

        Db.count(pool, "WITH gone AS (DELETE FROM calendar_year WHERE year = $1 RETURNING 1) SELECT count(*) FROM gone", YEAR);
        EPermitClient admin = client(TestClients.admin(registry).apiKey());
        CalendarYear set = admin.calendar().set(YEAR, new CalendarYearChange().source("SDK test")
                .addDaysItem(day(LocalDate.of(YEAR, 2, 2), CalendarDayKind.HOLIDAY))
                .addDaysItem(day(LocalDate.of(YEAR, 2, 8), CalendarDayKind.MAKEUP_WORKDAY)));   // a Saturday
        assertThat(set.getCovered()).isTrue();
        assertThat(client(null).calendar().get(YEAR).getDays()).hasSize(2);
    }

    @Test
    void a_refused_year_names_every_bad_day_and_a_vendor_may_not_set_one() {
        EPermitClient admin = client(TestClients.admin(registry).apiKey());
        CalendarYearChange bad = new CalendarYearChange()
                .addDaysItem(day(LocalDate.of(2030, 2, 4), CalendarDayKind.MAKEUP_WORKDAY))   // a Monday
                .addDaysItem(day(LocalDate.of(2029, 2, 3), CalendarDayKind.HOLIDAY));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> admin.calendar().set(2030, bad));
        assertThat(e.getFieldErrors()).extracting(FieldError::path, FieldError::code).containsExactlyInAnyOrder(
                tuple("body.days[0].kind", "NOT_A_WEEKEND"), tuple("body.days[1].date", "OUTSIDE_YEAR"));

        EPermitClient vendor = client(TestClients.vendor(registry).apiKey());
        PermissionException refused = catchThrowableOfType(PermissionException.class, () -> vendor.calendar().set(2030,
                new CalendarYearChange().addDaysItem(day(LocalDate.of(2030, 2, 2), CalendarDayKind.HOLIDAY))));
        assertThat(refused.getCode()).isEqualTo("INSUFFICIENT_SCOPE");
    }
}
