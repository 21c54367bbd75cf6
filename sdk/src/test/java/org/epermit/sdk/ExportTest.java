package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.export.ExportSummary;
import org.epermit.sdk.export.PermitExport;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The export in the SDK: NDJSON read lazily into permits, resumed after a cut; CSV written through and checked. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExportTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v1/public/permits/export";
    private static final String AS_OF = "2026-11-28T12:00:00.123456+08:00";

    private static String permit(int serial) {
        return "{\"permitNumber\":\"91130200699229617X%03dP\",\"version\":1,\"category\":\"KEY\",\"status\":\"VALID\"}"
                .formatted(serial);
    }

    private static String end(int rows, boolean complete, String resumeAfter) {
        return "{\"end\":true,\"rows\":%d,\"complete\":%s,\"asOf\":\"%s\",\"resumeAfter\":%s}".formatted(rows, complete,
                AS_OF, resumeAfter == null ? "null" : "\"" + resumeAfter + "\"");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ndjson(String body, int rows, int matching) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson")
                .withHeader("X-Export-As-Of", AS_OF).withHeader("X-Export-Rows", String.valueOf(rows))
                .withHeader("X-Export-Matching-Rows", String.valueOf(matching)).withBody(body);
    }

    @Test
    void the_permits_of_an_ndjson_export_come_lazily_then_its_end_line() {
        api.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("format", equalTo("ndjson")).withQueryParam("region", equalTo("13"))
                .willReturn(ndjson(permit(1) + "\n" + permit(2) + "\n" + end(2, true, null) + "\n", 2, 2)));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();

        try (PermitExport export = client.publicPermits().export(PermitSearchParams.builder().region("13").limit(5).build())) {
            assertThat(export.matchingRows()).isEqualTo(2);
            assertThat(export.asOf()).hasToString(AS_OF);
            List<String> numbers = export.stream().map(PermitSummary::getPermitNumber).toList();
            assertThat(numbers).containsExactly("91130200699229617X001P", "91130200699229617X002P");
            assertThat(export.complete()).isTrue();
            assertThat(export.end().orElseThrow().rows()).isEqualTo(2);
            assertThat(export.resumes()).isZero();
        }
        api.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("limit", absent())
                .withHeader("Accept", equalTo("application/x-ndjson, application/problem+json")));
    }

    @Test
    void a_download_cut_before_its_end_line_is_resumed_after_the_last_whole_permit() {
        // the first response ends in the middle of its third line, without an end line
        api.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("resumeAfter", absent())
                .willReturn(ndjson(permit(1) + "\n" + permit(2) + "\n{\"permitNumber\":\"9113", 3, 3)));
        api.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("resumeAfter", equalTo("91130200699229617X002P"))
                .willReturn(ndjson(permit(3) + "\n" + end(1, true, null) + "\n", 1, 1)));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();

        try (PermitExport export = client.publicPermits().export(PermitSearchParams.all())) {
            List<String> numbers = export.stream().map(PermitSummary::getPermitNumber).toList();
            assertThat(numbers).containsExactly("91130200699229617X001P", "91130200699229617X002P", "91130200699229617X003P");
            assertThat(export.resumes()).isEqualTo(1);
            assertThat(export.complete()).isTrue();
        }
    }

    @Test
    void an_export_the_allowance_cut_short_says_where_to_resume() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(ndjson(permit(1) + "\n" + end(1, false, "91130200699229617X001P") + "\n", 1, 9)));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();
        try (PermitExport export = client.publicPermits().export(PermitSearchParams.all())) {
            assertThat(export.stream().count()).isEqualTo(1);
            assertThat(export.complete()).isFalse();
            assertThat(export.end().orElseThrow().resumeAfter()).isEqualTo("91130200699229617X001P");
        }
    }

    @Test
    void a_spent_allowance_is_a_rate_limited_exception_and_is_not_retried() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(Stubs.problem(429, "QUOTA_EXCEEDED").withHeader("Retry-After", "3600")));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> client.publicPermits().export(PermitSearchParams.all()));
        assertThat(e.getCode()).isEqualTo("QUOTA_EXCEEDED");
        api.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a_csv_download_is_written_through_and_counted_quotes_and_line_ends_in_names_included() {
        String csv = "\uFEFFpermitNumber,version,enterpriseName\r\n"
                + "91130200699229617X001P,1,\"唐山\"\"鑫源\"\",热电\r\n有限公司\"\r\n"
                + "91130200699229617X002P,1,唐山钢铁\r\n";
        api.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("format", equalTo("csv"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv; charset=utf-8")
                        .withHeader("X-Export-As-Of", AS_OF).withHeader("X-Export-Rows", "2")
                        .withHeader("X-Export-Matching-Rows", "2").withBody(csv.getBytes(StandardCharsets.UTF_8))));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ExportSummary summary = client.publicPermits().downloadCsv(PermitSearchParams.all(), null, out, RequestOptions.none());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.complete()).isTrue();
        assertThat(summary.lastPermitNumber()).isEqualTo("91130200699229617X002P");
        api.verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("Accept", equalTo("text/csv, application/problem+json")));
    }

    @Test
    void a_csv_download_with_fewer_rows_than_announced_fails_naming_the_last_whole_row() {
        api.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv")
                .withHeader("X-Export-Rows", "3").withHeader("X-Export-Matching-Rows", "3")
                .withBody("\uFEFFpermitNumber,version\r\n91130200699229617X001P,1\r\n91130200699229617X002P,1\r\n9113")));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();
        ConnectionException e = catchThrowableOfType(ConnectionException.class, () -> client.publicPermits()
                .downloadCsv(PermitSearchParams.all(), null, new ByteArrayOutputStream(), RequestOptions.none()));
        assertThat(e.getMessage()).contains("after 2 of 3 rows").contains("resumeAfter=91130200699229617X002P");
    }
}
