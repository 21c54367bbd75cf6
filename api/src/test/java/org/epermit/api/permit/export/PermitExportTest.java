package org.epermit.api.permit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import org.epermit.api.testing.Db;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The bulk export over HTTP: the whole search, in both formats, resumable, and checked like the search. */
@QuarkusTest
class PermitExportTest {

    static final String EXPORT = "/v1/public/permits/export";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    @Inject
    Pool pool;

    /** Every item of the JSON search for a filter, page by page (the search's own paging). */
    static List<JsonNode> searchPages(String param, String value) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam(param, value).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/v1/public/permits").then().statusCode(200).extract().asString());
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    static List<String> lines(Response response) {
        String body = response.asString();
        assertThat(body).endsWith("\n");
        return Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
    }

    static List<String[]> csvRows(byte[] body) throws IOException {
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        }
        return rows;
    }

    @Test
    void an_ndjson_export_is_every_page_of_the_search_then_an_end_line() throws Exception {
        List<JsonNode> pages = searchPages("region", "13");
        Response response = given().accept("application/x-ndjson").queryParam("region", "13").get(EXPORT);
        response.then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header(PermitExportResource.ROWS, String.valueOf(pages.size()))
                .header(PermitExportResource.MATCHING_ROWS, String.valueOf(pages.size()))
                .header("Cache-Control", "no-store");
        List<String> lines = lines(response);
        assertThat(lines).hasSize(pages.size() + 1).doesNotContain("");
        for (int i = 0; i < pages.size(); i++) {
            assertThat(JSON.readTree(lines.get(i))).isEqualTo(pages.get(i));
        }
        JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(end.path("end").asBoolean()).isTrue();
        assertThat(end.path("rows").asLong()).isEqualTo(pages.size());
        assertThat(end.path("complete").asBoolean()).isTrue();
        assertThat(end.path("resumeAfter").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(end.path("asOf").asText()))
                .isEqualTo(OffsetDateTime.parse(response.header(PermitExportResource.AS_OF)));
    }

    @Test
    void a_csv_export_is_every_page_of_the_search_with_a_bom_and_a_header_row() throws Exception {
        List<JsonNode> pages = searchPages("category", "KEY");
        Response response = given().accept("text/csv").queryParam("category", "KEY").get(EXPORT);
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"permits-"));
        List<String[]> rows = csvRows(response.asByteArray());
        assertThat(rows.get(0)).containsExactlyElementsOf(ExportFormat.COLUMNS);
        assertThat(rows).hasSize(pages.size() + 1);
        assertThat(response.header(PermitExportResource.ROWS)).isEqualTo(String.valueOf(pages.size()));
        for (int i = 0; i < pages.size(); i++) {
            String[] row = rows.get(i + 1);
            JsonNode item = pages.get(i);
            assertThat(row).containsExactly(item.path("permitNumber").asText(), item.path("version").asText(),
                    item.path("category").asText(), item.path("status").asText(), item.path("creditCode").asText(),
                    item.path("enterpriseName").asText(), item.path("siteName").asText(),
                    item.path("region").path("code").asText(), item.path("region").path("name").asText(),
                    item.path("region").path("nameEn").asText(), item.path("industry").path("code").asText(),
                    item.path("industry").path("name").asText(), item.path("industry").path("nameEn").asText(),
                    item.path("issuingAuthority").isNull() ? "" : item.path("issuingAuthority").asText(),
                    item.path("validFrom").asText(), item.path("validTo").asText(), item.path("dueForRenewal").asText());
        }
        // and format= wins over Accept, for a link in a browser
        given().accept("application/x-ndjson").queryParam("category", "KEY").queryParam("format", "csv").get(EXPORT)
                .then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void a_chinese_name_with_a_comma_and_quotes_survives_csv_quoting() throws Exception {
        String number = Db.string(pool, "SELECT permit_number FROM permit WHERE category = 'REGISTRATION' ORDER BY permit_number LIMIT 1");
        long enterprise = Db.count(pool, "SELECT enterprise_id FROM permit WHERE permit_number = $1", number);
        String before = Db.string(pool, "SELECT name FROM enterprise WHERE id = $1", enterprise);
        String odd = "唐山\"鑫源\"热电,有限公司";
        Db.rows(pool, "UPDATE enterprise SET name = $2 WHERE id = $1", enterprise, odd);
        try {
            byte[] body = given().queryParam("q", number).queryParam("format", "csv").get(EXPORT)
                    .then().statusCode(200).extract().asByteArray();
            String text = new String(body, StandardCharsets.UTF_8);
            assertThat(text).contains("\"唐山\"\"鑫源\"\"热电,有限公司\"").contains("\r\n");
            List<String[]> rows = csvRows(body);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1)[0]).isEqualTo(number);
            assertThat(rows.get(1)[ExportFormat.COLUMNS.indexOf("enterpriseName")]).isEqualTo(odd);
        } finally {
            Db.rows(pool, "UPDATE enterprise SET name = $2 WHERE id = $1", enterprise, before);
        }
    }

    @Test
    void resume_after_a_permit_number_continues_with_the_rows_after_it() throws Exception {
        List<String> all = lines(given().queryParam("region", "13").queryParam("format", "ndjson").get(EXPORT));
        List<String> numbers = new ArrayList<>();
        for (String line : all.subList(0, all.size() - 1)) {
            numbers.add(JSON.readTree(line).path("permitNumber").asText());
        }
        assertThat(numbers).hasSizeGreaterThan(20).isSorted();
        String cutAfter = numbers.get(17); // the last whole row a cut download got

        Response resumed = given().queryParam("region", "13").queryParam("format", "ndjson")
                .queryParam("resumeAfter", cutAfter).get(EXPORT);
        List<String> rest = lines(resumed);
        List<String> restNumbers = new ArrayList<>();
        for (String line : rest.subList(0, rest.size() - 1)) {
            restNumbers.add(JSON.readTree(line).path("permitNumber").asText());
        }
        assertThat(restNumbers).containsExactlyElementsOf(numbers.subList(18, numbers.size()));
        assertThat(resumed.header(PermitExportResource.MATCHING_ROWS)).isEqualTo(String.valueOf(numbers.size() - 18));
    }

    @Test
    void an_export_with_no_match_is_a_header_or_an_end_line_alone() throws Exception {
        List<String[]> csv = csvRows(given().queryParam("q", "无此企业名称之测试").queryParam("format", "csv").get(EXPORT)
                .then().statusCode(200).header(PermitExportResource.ROWS, "0").extract().asByteArray());
        assertThat(csv).hasSize(1);
        List<String> ndjson = lines(given().queryParam("q", "无此企业名称之测试").queryParam("format", "ndjson").get(EXPORT));
        assertThat(ndjson).hasSize(1);
        assertThat(JSON.readTree(ndjson.get(0)).path("complete").asBoolean()).isTrue();
    }

    @Test
    void a_caller_runs_one_export_at_a_time_and_a_second_is_refused_while_the_first_runs() throws Exception {
        // the first export waits for its snapshot's first statement behind a lock this test holds: it is running,
        // deterministically, until the lock is released
        SqlConnection locker = pool.getConnection().await().indefinitely();
        Transaction tx = locker.begin().await().indefinitely();
        locker.query("LOCK TABLE permit IN ACCESS EXCLUSIVE MODE").execute().await().indefinitely();
        CompletableFuture<Response> first;
        try {
            first = CompletableFuture.supplyAsync(() -> given().queryParam("region", "13").queryParam("format", "ndjson").get(EXPORT));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Db.count(pool, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE '%count(*) AS rows%'") == 0) {
                assertThat(System.nanoTime()).as("the first export waits for the lock").isLessThan(deadline);
                Thread.sleep(50);
            }

            given().queryParam("region", "13").queryParam("format", "ndjson").get(EXPORT)
                    .then().statusCode(429).contentType("application/problem+json")
                    .body("code", equalTo("RATE_LIMITED")).header("Retry-After", "5");
        } finally {
            tx.rollback().await().indefinitely();
            locker.close().await().indefinitely();
        }
        first.get(30, TimeUnit.SECONDS).then().statusCode(200);
        // its slot is free again
        given().queryParam("region", "13").queryParam("format", "ndjson").get(EXPORT).then().statusCode(200);
    }

    @Test
    void bad_parameters_are_a_problem_listing_each_one() {
        given().accept("text/csv").queryParam("region", "1x").queryParam("status", "GONE").queryParam("format", "xlsx")
                .queryParam("resumeAfter", "91130200699229617X001").queryParam("limit", 10).get(EXPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.path", hasItem("query.region"))
                .body("errors.path", hasItem("query.status"))
                .body("errors.path", hasItem("query.format"))
                .body("errors.path", hasItem("query.resumeAfter"))
                .body("errors.path", hasItem("query.limit"));
    }
}
