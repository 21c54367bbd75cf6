package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.epermit.api.testing.Db;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.examples.ExportingPermits;
import org.epermit.sdk.export.ExportSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The export example against the service: its counts and its CSV file agree with the database. */
@QuarkusTest
class ExportEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void the_export_example_counts_a_province_by_city_and_saves_it_as_csv() throws Exception {
        EPermitClient client = EPermitClient.builder().baseUrl(base.toString()).build();

        Map<String, Long> byCity = ExportingPermits.countByCity(client, "13");

        long total = Db.count(pool, "SELECT count(*) FROM permit WHERE province_code = '13'");
        assertThat(total).isPositive();
        assertThat(byCity.get("total")).isEqualTo(total);
        for (var city : Db.rows(pool, "SELECT city_code, count(*) FROM permit WHERE province_code = '13' GROUP BY city_code")) {
            assertThat(byCity.get(city.getString(0))).as(city.getString(0)).isEqualTo(city.getLong(1));
        }

        Path file = Files.createTempFile("permits-13-", ".csv");
        try {
            ExportSummary written = ExportingPermits.saveCsv(client, "13", file);
            assertThat(written.rows()).isEqualTo(total);
            assertThat(written.complete()).isTrue();
            List<String> numbers = Db.strings(pool, "SELECT permit_number FROM permit WHERE province_code = '13' ORDER BY permit_number");
            assertThat(written.lastPermitNumber()).isEqualTo(numbers.get(numbers.size() - 1));
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
            assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(numbers.get(0));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
