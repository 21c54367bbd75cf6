package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.epermit.sdk.errors.UnexpectedResponseException;
import org.epermit.sdk.model.PublicPermit;
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

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConditionalGetTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String V1 = "\"v1\"";

    /** The permit with ETag v1 to an unconditional GET, a 304 to a GET that sends v1 back. */
    private static void permitAtVersionOne() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", absent())
                .willReturn(Stubs.permit().withHeader("ETag", V1)));
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo(V1))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", V1)));
    }

    @Test
    void a_repeated_read_sends_the_etag_back_and_a_304_returns_the_kept_body() {
        permitAtVersionOne();
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).conditionalGets(10).build();

        PublicPermit first = client.publicPermits().get(Stubs.PERMIT);
        PublicPermit again = client.publicPermits().get(Stubs.PERMIT);

        assertThat(again).isEqualTo(first);
        assertThat(again.getEnterprise().getName()).isEqualTo("唐山鑫源热电有限公司");
        api.verify(1, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", absent()));
        api.verify(1, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo(V1)));
    }

    @Test
    void a_changed_resource_comes_back_whole_and_its_new_etag_is_used_next() {
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", absent())
                .willReturn(Stubs.permit().withHeader("ETag", V1)));
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo(V1))
                .willReturn(Stubs.json("""
                        {"permitNumber":"%s","version":3,"category":"KEY","status":"VALID"}""".formatted(Stubs.PERMIT))
                        .withHeader("ETag", "\"v2\"")));
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo("\"v2\""))
                .willReturn(aResponse().withStatus(304)));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).conditionalGets(10).build();

        assertThat(client.publicPermits().get(Stubs.PERMIT).getVersion()).isEqualTo(2);
        assertThat(client.publicPermits().get(Stubs.PERMIT).getVersion()).as("modified: the new body").isEqualTo(3);
        assertThat(client.publicPermits().get(Stubs.PERMIT).getVersion()).as("not modified since").isEqualTo(3);
    }

    @Test
    void off_by_default_every_read_is_unconditional() {
        permitAtVersionOne();
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).build();
        client.publicPermits().get(Stubs.PERMIT);
        client.publicPermits().get(Stubs.PERMIT);
        api.verify(2, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", absent()));
    }

    @Test
    void a_response_is_kept_per_accept_language() {
        permitAtVersionOne();
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).conditionalGets(10).build();
        client.publicPermits().get(Stubs.PERMIT);
        client.publicPermits().get(Stubs.PERMIT, RequestOptions.builder().header("Accept-Language", "zh").build());
        api.verify(2, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", absent()));
    }

    @Test
    void the_least_recently_used_response_is_dropped_beyond_the_limit() {
        permitAtVersionOne();
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).conditionalGets(1).build();
        client.publicPermits().get(Stubs.PERMIT);
        client.publicPermits().get(Stubs.PERMIT, RequestOptions.builder().queryParameter("x", "1").build());
        client.publicPermits().get(Stubs.PERMIT);   // pushed out by the other URL: unconditional again
        api.verify(3, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", absent()));
    }

    @Test
    void a_call_with_its_own_if_none_match_is_sent_as_it_is() {
        permitAtVersionOne();
        api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo("\"mine\""))
                .willReturn(Stubs.permit().withHeader("ETag", V1)));
        EPermitClient client = EPermitClient.builder().baseUrl(api.baseUrl()).conditionalGets(10).build();
        client.publicPermits().get(Stubs.PERMIT);
        client.publicPermits().get(Stubs.PERMIT, RequestOptions.builder().header("If-None-Match", "\"mine\"").build());
        api.verify(1, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo("\"mine\"")));
        api.verify(0, getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("If-None-Match", equalTo(V1)));

        // its 304 is the caller's to handle: there is no body to return
        UnexpectedResponseException notModified = catchThrowableOfType(UnexpectedResponseException.class,
                () -> client.publicPermits().get(Stubs.PERMIT, RequestOptions.builder().header("If-None-Match", V1).build()));
        assertThat(notModified.getStatusCode()).isEqualTo(304);
        assertThat(notModified.getCode()).isEqualTo("HTTP_304");
    }
}
