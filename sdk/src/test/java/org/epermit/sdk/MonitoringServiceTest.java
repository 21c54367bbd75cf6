package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.MonitoringBatchReceipt;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** HJ 212-2017 packets go as one text/plain batch, one packet per line; a refused packet comes back by its index. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MonitoringServiceTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String RECORDS = "/v1/permits/" + Stubs.PERMIT + "/monitoring-records";
    private static final String HOURLY = "##0170QN=20261120090000123;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=4;CP=&&DataTime=20261120080000;a21026-Avg=24.5,a21026-Flag=N;a21002-Avg=80.2,a21002-Flag=N&&7580";

    private final FakeTime time = new FakeTime();

    private EPermitClient client() {
        return EPermitClient.builder().baseUrl(api.baseUrl()).credentials(Credentials.apiKey("epk_test.secret"))
                .clock(time).sleeper(time).build();
    }

    @Test
    void packets_are_sent_as_plain_text_one_per_crlf_line_with_an_idempotency_key() {
        api.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(Stubs.json(
                "{\"batchId\":\"b1\",\"received\":4,\"inserted\":4,\"duplicates\":0,\"exceedances\":1}").withStatus(201)));

        MonitoringBatchReceipt receipt = client().monitoring().sendHj212(Stubs.PERMIT, List.of(HOURLY, HOURLY + "\r\n"));

        assertThat(receipt.getInserted()).isEqualTo(4);
        assertThat(receipt.getExceedances()).isEqualTo(1);
        api.verify(postRequestedFor(urlPathEqualTo(RECORDS))
                .withHeader("Content-Type", equalToIgnoreCase("text/plain; charset=utf-8"))
                .withHeader("Idempotency-Key", matching(".+"))
                .withRequestBody(equalTo(HOURLY + "\r\n" + HOURLY + "\r\n")));
    }

    @Test
    void a_refused_packet_is_a_validation_error_naming_the_packet_and_its_field() {
        api.stubFor(post(urlPathEqualTo(RECORDS)).willReturn(Stubs.problem(422, "MONITORING_RECORDS_INVALID",
                "1 of the 2 HJ 212 packets cannot be read or routed.",
                "[{\"path\":\"body.packets[1].CRC\",\"code\":\"HJ212_CRC_MISMATCH\",\"message\":\"is 1C80, the segment's is 4C80\"}]")));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client().monitoring().sendHj212(Stubs.PERMIT, HOURLY + "\n" + HOURLY + "\n", RequestOptions.none()));

        assertThat(e.getCode()).isEqualTo("MONITORING_RECORDS_INVALID");
        assertThat(e.getFieldErrors()).containsExactly(
                new FieldError("body.packets[1].CRC", "HJ212_CRC_MISMATCH", "is 1C80, the segment's is 4C80"));
    }
}
