package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epermit.api.client.ClientRegistry;
import org.epermit.api.gateway.TestClients;
import org.epermit.api.testing.Db;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.examples.StatisticsTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's StatisticsTables example, run by the build against the real service: the public tables without an account,
 * the county table refused without credentials, and a regulator's county and industry-class tables of its province,
 * the latter written as a CSV file whose rows are the permits of the province counted by class.
 */
@QuarkusTest
class StatisticsTablesEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    ClientRegistry registry;

    @Test
    void the_example_prints_the_public_tables_and_writes_the_regulators_county_table(@TempDir Path dir) throws Exception {
        String province = Db.string(pool, "SELECT province_code FROM permit GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        String key = TestClients.regulator(registry, province).apiKey();
        EPermitClient anonymous = EPermitClient.builder().baseUrl(base.toString()).appInfo("statistics-e2e/1").build();
        EPermitClient regulator = EPermitClient.builder().baseUrl(base.toString()).credentials(Credentials.apiKey(key))
                .appInfo("statistics-e2e/1").build();
        Path csv = dir.resolve("classes.csv");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String largest = StatisticsTables.run(anonymous, regulator, 2025, csv, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);

        assertThat(largest).as(out).isEqualTo(province);
        assertThat(out).contains("(" + Db.count(pool, "SELECT count(*) FROM permit") + " in all)")
                .contains("Counties without credentials: UNAUTHENTICATED")
                .contains("Counties of " + province + ": " + Db.count(pool,
                        "SELECT count(DISTINCT region_code) FROM permit WHERE province_code = $1", province));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFkey,nameZh,nameEn,permits");
        long counted = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertThat(counted).isEqualTo(Db.count(pool, "SELECT count(*) FROM permit WHERE province_code = $1", province));
        assertThat(lines).hasSize(1 + (int) Db.count(pool, "SELECT count(DISTINCT industry_code) FROM permit WHERE province_code = $1", province));
    }
}
