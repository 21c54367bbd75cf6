package org.epermit.sdk.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.epermit.sdk.Credentials;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.FakeTime;
import org.epermit.sdk.Stubs;
import org.epermit.sdk.errors.ServerException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.MonitoringAveraging;
import org.epermit.sdk.model.MonitoringRecordKind;
import org.epermit.sdk.model.NewMonitoringRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A large upload goes as batches with stable idempotency keys; a failed batch stops it, and a resume sends each
 * remaining batch once, so that every record reaches the service exactly once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MonitoringUploaderTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String RECORDS = "/v1/permits/" + Stubs.PERMIT + "/monitoring-records";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeTime time = new FakeTime();
    private EPermitClient client;

    @BeforeEach
    void client() {
        client = EPermitClient.builder().baseUrl(api.baseUrl()).credentials(Credentials.apiKey("epk_test.secret"))
                .clock(time).sleeper(time).maxRetries(0).build();
    }

    private static List<NewMonitoringRecord> hours(int n) {
        OffsetDateTime start = OffsetDateTime.parse("2025-11-01T00:00:00+08:00");
        return IntStream.range(0, n).mapToObj(i -> new NewMonitoringRecord().outletCode("DA001").pollutantCode("a21026")
                .kind(MonitoringRecordKind.AUTOMATIC).averaging(MonitoringAveraging.HOURLY).from(start.plusHours(i))
                .value(BigDecimal.valueOf(20 + i % 7)).unit("mg/m3")).toList();
    }

    private MonitoringUploader uploader() {
        return MonitoringUploader.builder(client.monitoring(), Stubs.PERMIT).uploadId("station-7-2025-11").batchSize(4)
                .build();
    }

    private void accept() {
        api.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(Stubs.json("{\"received\":4,\"inserted\":4,\"duplicates\":0,"
                + "\"exceedances\":0}").withStatus(201)));
    }

    /** The "from" of every record the service accepted (any answer but the failures), in order of arrival. */
    private static List<String> acceptedFroms(List<LoggedRequest> requests, String failingKey, int failures) {
        List<String> froms = new ArrayList<>();
        int skipped = 0;
        for (LoggedRequest r : requests) {
            if (r.getHeader("Idempotency-Key").equals(failingKey) && skipped < failures) {
                skipped++;
                continue;
            }
            try {
                for (JsonNode record : JSON.readTree(r.getBodyAsString()).get("records")) {
                    froms.add(OffsetDateTime.parse(record.get("from").asText()).toString());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return froms;
    }

    @Test
    void a_failure_in_batch_3_of_5_then_a_resume_sends_each_batchs_records_exactly_once() {
        List<NewMonitoringRecord> records = hours(18); // batches of 4: 4, 4, 4, 4, 2
        MonitoringUploader uploader = uploader();
        accept();
        api.stubFor(post(urlPathEqualTo(RECORDS)).withHeader("Idempotency-Key", equalTo(uploader.idempotencyKey(2)))
                .willReturn(aResponse().withStatus(500)));

        MonitoringUploadException failed = catchThrowableOfType(MonitoringUploadException.class,
                () -> uploader.upload(records));
        assertThat(failed.failedBatch()).isEqualTo(2);
        assertThat(failed.getCause()).isInstanceOf(ServerException.class);
        assertThat(failed.completed().batches()).extracting(BatchResult::index).containsExactly(0, 1);
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(RECORDS)))).as("nothing after the failed batch").hasSize(3);

        api.resetAll();
        accept();
        UploadResult resumed = uploader.upload(records, failed.failedBatch());

        assertThat(resumed.batches()).extracting(BatchResult::index).containsExactly(2, 3, 4);
        assertThat(resumed.batches()).extracting(BatchResult::records).containsExactly(4, 4, 2);
        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlPathEqualTo(RECORDS)));
        assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactly("station-7-2025-11/4/2", "station-7-2025-11/4/3", "station-7-2025-11/4/4");
        List<String> everySent = new ArrayList<>(acceptedFroms(failedRun(records), uploader.idempotencyKey(2), 1));
        everySent.addAll(acceptedFroms(sent, "", 0));
        assertThat(everySent).as("every record accepted exactly once, in order")
                .containsExactlyElementsOf(records.stream().map(r -> r.getFrom().toString()).toList());
    }

    /** The requests of the failed run again (the log was reset): batches 0 and 1 accepted, batch 2 failing. */
    private List<LoggedRequest> failedRun(List<NewMonitoringRecord> records) {
        api.resetAll();
        accept();
        api.stubFor(post(urlPathEqualTo(RECORDS)).withHeader("Idempotency-Key", equalTo(uploader().idempotencyKey(2)))
                .willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> uploader().upload(records)).isInstanceOf(MonitoringUploadException.class);
        return api.findAll(postRequestedFor(urlPathEqualTo(RECORDS)));
    }

    @Test
    void a_rerun_of_the_whole_upload_sends_the_same_keys_with_the_same_bodies() {
        accept();
        List<NewMonitoringRecord> records = hours(9);
        uploader().upload(records);
        uploader().upload(records);
        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlPathEqualTo(RECORDS)));
        assertThat(sent).hasSize(6);
        for (int i = 0; i < 3; i++) {
            assertThat(sent.get(i + 3).getHeader("Idempotency-Key")).isEqualTo(sent.get(i).getHeader("Idempotency-Key"));
            assertThat(sent.get(i + 3).getBodyAsString()).isEqualTo(sent.get(i).getBodyAsString());
        }
    }

    @Test
    void an_invalid_batch_stops_the_upload_with_the_services_field_errors() {
        api.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(Stubs.problem(422, "MONITORING_RECORDS_INVALID",
                "1 record fails.", "[{\"path\":\"body.records[1].unit\",\"code\":\"UNIT\",\"message\":\"the limit is in mg/m3\"}]")));
        MonitoringUploadException e = catchThrowableOfType(MonitoringUploadException.class, () -> uploader().upload(hours(8)));
        assertThat(e.failedBatch()).isZero();
        assertThat(e.getCause()).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.getFieldErrors()).extracting(f -> f.path()).containsExactly("body.records[1].unit"));
    }

    @Test
    void a_csv_file_is_split_with_its_header_on_every_batch_and_quoted_line_breaks_kept(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("export.csv");
        StringBuilder s = new StringBuilder("\uFEFFoutletCode,pollutantCode,kind,averaging,from,value,unit,flag\r\n");
        for (int i = 0; i < 5; i++) {
            s.append("DA001,a21026,AUTOMATIC,HOURLY,2025-11-01T0").append(i).append(":00:00+08:00,2").append(i)
                    .append(",mg/m3,VALID\r\n");
        }
        s.append("\r\n").append("DW001,w01018,MANUAL,SAMPLE,2025-11-02T09:00:00+08:00,31,mg/L,\"VALID\"\r\n");
        s.append("DW001,w01018,MANUAL,SAMPLE,2025-11-03T09:00:00+08:00,32,mg/L,\"a \"\"quoted\"\"\r\nvalue\"\r\n");
        Files.writeString(csv, s.toString(), StandardCharsets.UTF_8);
        accept();

        UploadResult result = MonitoringUploader.builder(client.monitoring(), Stubs.PERMIT).uploadId("export.csv")
                .batchSize(3).build().uploadCsv(csv);

        assertThat(result.batches()).extracting(BatchResult::records).containsExactly(3, 3, 1);
        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlPathEqualTo(RECORDS)));
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.getHeader("Content-Type")).startsWith("text/csv");
            assertThat(r.getBodyAsString()).startsWith("outletCode,pollutantCode,kind,averaging,from,value,unit,flag\n");
        });
        assertThat(sent.get(2).getBodyAsString()).endsWith("32,mg/L,\"a \"\"quoted\"\"\nvalue\"\n");
        assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key")).containsExactly("export.csv/3/0",
                "export.csv/3/1", "export.csv/3/2");
        assertThat(result.received()).isEqualTo(7);
    }

    @Test
    void an_upload_id_or_batch_size_the_keys_cannot_carry_is_refused() {
        var builder = MonitoringUploader.builder(client.monitoring(), Stubs.PERMIT);
        assertThatThrownBy(() -> builder.uploadId("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.batchSize(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(builder::build).isInstanceOf(NullPointerException.class).hasMessageContaining("uploadId");
    }
}
