package org.epermit.sdk;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.LocalDate;
import java.util.List;
import org.epermit.codes.CreditCodeRules;
import org.epermit.sdk.codes.PermitNumber;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.Pollutant;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClientTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private EPermitClient.Builder client() {
        return EPermitClient.builder().baseUrl(api.baseUrl());
    }

    @Nested
    class Headers_and_options {

        @Test
        void the_user_agent_names_the_sdk_version_and_the_app() {
            api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
            EPermitClient c = client().appInfo("acme-monitoring/2.3").build();
            c.publicPermits().get(Stubs.PERMIT);
            assertThat(EPermitClient.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(c.userAgent()).isEqualTo("epermit-java/" + EPermitClient.VERSION + " (acme-monitoring/2.3)");
            api.verify(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH))
                    .withHeader("User-Agent", equalTo(c.userAgent()))
                    .withHeader("Accept", matching("application/json.*"))
                    .withHeader("X-API-Key", absent())
                    .withHeader("Authorization", absent())
                    .withHeader("Idempotency-Key", absent()));
        }

        @Test
        void without_app_info_the_user_agent_is_the_sdk_alone() {
            assertThat(client().build().userAgent()).isEqualTo("epermit-java/" + EPermitClient.VERSION);
        }

        @Test
        void an_api_key_is_sent_as_x_api_key_and_never_shown() {
            api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
            client().credentials(Credentials.apiKey("ep_live_secret")).build().publicPermits().get(Stubs.PERMIT);
            api.verify(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)).withHeader("X-API-Key", equalTo("ep_live_secret")));
            assertThat(Credentials.apiKey("ep_live_secret").toString()).doesNotContain("secret");
        }

        @Test
        void per_call_headers_and_query_parameters_are_added_and_override_the_clients() {
            api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
            client().acceptLanguage("en").build().publicPermits().get(Stubs.PERMIT, RequestOptions.builder()
                    .header("Accept-Language", "zh").header("X-Trace", "t-1")
                    .queryParameter("lang hint", "中 文").build());
            api.verify(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH))
                    .withHeader("Accept-Language", equalTo("zh"))
                    .withHeader("X-Trace", equalTo("t-1"))
                    .withQueryParam("lang hint", equalTo("中 文")));
        }

        @Test
        void a_base_url_with_a_trailing_slash_or_a_path_prefix_works() {
            api.stubFor(get(urlPathEqualTo("/gateway" + Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
            assertThat(EPermitClient.builder().baseUrl(api.baseUrl() + "/gateway/").build().publicPermits()
                    .get(Stubs.PERMIT).getPermitNumber()).isEqualTo(Stubs.PERMIT);
        }

        @Test
        void the_builder_rejects_what_cannot_work_with_advice() {
            assertThatThrownBy(() -> EPermitClient.builder().build()).hasMessageContaining("baseUrl(");
            assertThatThrownBy(() -> EPermitClient.builder().baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EPermitClient.builder().baseUrl("/relative")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EPermitClient.builder().appInfo("app (x)")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> EPermitClient.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("has space"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void clients_share_no_state() {
            EPermitClient a = client().appInfo("a/1").build();
            EPermitClient b = EPermitClient.builder().baseUrl("http://other.invalid").build();
            assertThat(a.userAgent()).isNotEqualTo(b.userAgent());
            assertThat(a.publicPermits()).isNotSameAs(b.publicPermits());
            assertThat(a.toString()).contains(api.baseUrl());
        }
    }

    @Nested
    class Models {

        @Test
        void chinese_text_arrives_intact_and_unknown_enum_values_do_not_fail() {
            api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.json("""
                    {"permitNumber":"%s","status":"SUSPENDED","category":"KEY","somethingNew":{"a":1},
                     "enterprise":{"name":"唐山鑫源热电有限公司"}}""".formatted(Stubs.PERMIT))));
            PublicPermit p = client().build().publicPermits().get(Stubs.PERMIT);
            assertThat(p.getEnterprise().getName()).isEqualTo("唐山鑫源热电有限公司");
            assertThat(p.getStatus()).isEqualTo(PermitStatus.UNKNOWN);
            assertThat(p.getCategory()).isEqualTo(PermitCategory.KEY);
        }

        @Test
        void reference_lists_are_unwrapped() {
            api.stubFor(get(urlPathEqualTo("/v1/reference/pollutants")).willReturn(Stubs.json("""
                    {"items":[{"code":"a21026","name":"二氧化硫","medium":"AIR","unit":"mg/m3","flow":false}]}""")));
            List<Pollutant> pollutants = client().build().reference().pollutants();
            assertThat(pollutants).singleElement().satisfies(p -> {
                assertThat(p.getCode()).isEqualTo("a21026");
                assertThat(p.getName()).isEqualTo("二氧化硫");
            });
        }

        @Test
        void an_unknown_enum_constant_cannot_be_sent_as_a_filter() {
            assertThatThrownBy(() -> PermitSearchParams.builder().status(PermitStatus.UNKNOWN))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Local_validation {

        @Test
        void a_malformed_permit_number_fails_before_any_call_with_the_apis_code_and_field_error() {
            EPermitClient c = client().build();
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> c.publicPermits().history("911302006992296177001P"));
            assertThat(e.getCode()).isEqualTo(PermitNumber.ERROR_CODE);
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getAttempts()).isZero();
            assertThat(e.getRequestId()).isNull();
            assertThat(e.getFieldErrors()).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("path.permitNumber");
                assertThat(f.code()).isEqualTo("CHECKSUM");
            });
            assertThat(e.getMessage()).contains("found locally: no request was sent");
            assertThat(api.getAllServeEvents()).isEmpty();
        }

        @Test
        void a_malformed_credit_code_fails_before_any_call() {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> client().build().publicEnterprises().get("9113O200699229617X"));
            assertThat(e.getCode()).isEqualTo("INVALID_CREDIT_CODE");
            assertThat(e.getFieldErrors().get(0).code()).isEqualTo("CHARACTER");
            assertThat(api.getAllServeEvents()).isEmpty();
        }

        @Test
        void a_version_below_1_fails_before_any_call() {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> client().build().publicPermits().getVersion(Stubs.PERMIT, 0));
            assertThat(e.getCode()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.getFieldErrors().get(0).path()).isEqualTo("path.version");
            assertThat(api.getAllServeEvents()).isEmpty();
        }

        @Test
        void a_permit_number_ending_with_any_upper_case_letter_is_sent_as_the_api_looks_it_up() {
            String receipt = "91130200699229617X001D"; // a province whose registration receipts end with D
            api.stubFor(get(urlPathEqualTo("/v1/public/permits/" + receipt)).willReturn(Stubs.permit()));
            api.stubFor(get(urlPathEqualTo("/v1/permits/" + receipt))
                    .willReturn(Stubs.problem(404, "PERMIT_NOT_FOUND")));
            EPermitClient c = client().build();
            c.publicPermits().get(receipt.toLowerCase());
            assertThatThrownBy(() -> c.permits().get(receipt)).isInstanceOf(NotFoundException.class);
            api.verify(getRequestedFor(urlPathEqualTo("/v1/public/permits/" + receipt)));
            api.verify(getRequestedFor(urlPathEqualTo("/v1/permits/" + receipt)));
        }

        @Test
        void a_pseudo_code_and_its_holder_s_permit_number_are_sent_with_their_lower_case_letter() {
            String pseudo = "H9440100000000123k";
            api.stubFor(get(urlPathEqualTo("/v1/public/permits/" + pseudo + "001P")).willReturn(Stubs.permit()));
            api.stubFor(get(urlPathEqualTo("/v1/public/enterprises/" + pseudo))
                    .willReturn(Stubs.problem(404, "ENTERPRISE_NOT_FOUND")));
            EPermitClient c = client().build();
            c.publicPermits().get("h9440100000000123k001p");
            assertThatThrownBy(() -> c.publicEnterprises().get(pseudo)).isInstanceOf(NotFoundException.class);
            api.verify(getRequestedFor(urlPathEqualTo("/v1/public/permits/" + pseudo + "001P")));
            api.verify(getRequestedFor(urlPathEqualTo("/v1/public/enterprises/" + pseudo)));
            // upper-cased, it is no pseudo-code: refused before any call
            assertThat(catchThrowableOfType(ValidationException.class,
                    () -> c.publicEnterprises().get(pseudo.toUpperCase())).getFieldErrors())
                    .singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("PSEUDO_CODE"));
        }

        @Test
        void a_code_failing_only_its_organisation_check_is_sent_as_the_api_looks_it_up() {
            String early = "91440101MA5CJQ4N6" + CreditCodeRules.checkCharacter("91440101MA5CJQ4N6");
            api.stubFor(get(urlPathEqualTo("/v1/public/enterprises/" + early))
                    .willReturn(Stubs.problem(404, "ENTERPRISE_NOT_FOUND")));
            assertThatThrownBy(() -> client().build().publicEnterprises().get(early))
                    .isInstanceOf(NotFoundException.class);
            api.verify(getRequestedFor(urlPathEqualTo("/v1/public/enterprises/" + early)));
        }

        @Test
        void an_identifier_refused_before_sending_is_reported_in_the_language_the_client_asks_the_api_for() {
            String typo = "91130200699229617X0011";
            String badCode = "91130200699229617Y";
            EPermitClient chinese = client().acceptLanguage("zh-CN,zh;q=0.9,en;q=0.5").build();
            ValidationException zh = catchThrowableOfType(ValidationException.class, () -> chinese.permits().get(typo));
            assertThat(zh.getFieldErrors()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("LETTER");
                assertThat(f.message()).containsPattern("\\p{IsHan}").doesNotContain("must");
            });
            assertThat(catchThrowableOfType(ValidationException.class, () -> chinese.publicEnterprises().get(badCode))
                    .getFieldErrors()).singleElement().satisfies(f -> assertThat(f.message()).containsPattern("\\p{IsHan}"));

            EPermitClient english = client().acceptLanguage("en").build();
            assertThat(catchThrowableOfType(ValidationException.class, () -> english.publicPermits().get(typo))
                    .getFieldErrors()).singleElement()
                    .satisfies(f -> assertThat(f.message()).isEqualTo(
                            "must end with an upper-case letter A-Z (the HJ 608 identification letter), got '1'"));
            assertThat(api.getAllServeEvents()).isEmpty();
        }

        @Test
        void a_lower_case_permit_number_is_sent_in_canonical_form() {
            api.stubFor(get(urlPathEqualTo(Stubs.PERMIT_PATH)).willReturn(Stubs.permit()));
            client().build().publicPermits().get(Stubs.PERMIT.toLowerCase());
            api.verify(getRequestedFor(urlPathEqualTo(Stubs.PERMIT_PATH)));
        }
    }

    @Nested
    class Pagination {

        private static final String SEARCH = "/v1/public/permits";

        private String page(int from, int to, String next) {
            StringBuilder items = new StringBuilder();
            for (int i = from; i <= to; i++) {
                items.append(items.length() == 0 ? "" : ",").append("{\"permitNumber\":\"P").append(i).append("\"}");
            }
            return "{\"items\":[" + items + "],\"nextCursor\":" + (next == null ? "null" : "\"" + next + "\"") + "}";
        }

        private void threePages() {
            api.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("cursor", absent()).willReturn(Stubs.json(page(1, 3, "c2"))));
            api.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("cursor", equalTo("c2")).willReturn(Stubs.json(page(4, 6, "c3"))));
            api.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("cursor", equalTo("c3")).willReturn(Stubs.json(page(7, 7, null))));
        }

        private final PermitSearchParams params = PermitSearchParams.builder().q("热电").region("4403")
                .category(PermitCategory.KEY).status(PermitStatus.VALID).expiringBefore(LocalDate.of(2027, 3, 31))
                .dueForRenewal(true).limit(3).build();

        @Test
        void auto_paging_follows_next_cursor_with_the_same_filters_to_the_last_page() {
            threePages();
            List<String> numbers = client().build().publicPermits().search(params).stream()
                    .map(PermitSummary::getPermitNumber).toList();
            assertThat(numbers).containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7");
            assertThat(api.findAll(getRequestedFor(urlPathEqualTo(SEARCH)))).hasSize(3).allSatisfy(r -> {
                assertThat(r.queryParameter("q").firstValue()).isEqualTo("热电");
                assertThat(r.queryParameter("region").firstValue()).isEqualTo("4403");
                assertThat(r.queryParameter("category").firstValue()).isEqualTo("KEY");
                assertThat(r.queryParameter("status").firstValue()).isEqualTo("VALID");
                assertThat(r.queryParameter("expiringBefore").firstValue()).isEqualTo("2027-03-31");
                assertThat(r.queryParameter("dueForRenewal").firstValue()).isEqualTo("true");
                assertThat(r.queryParameter("limit").firstValue()).isEqualTo("3");
            });
        }

        @Test
        void auto_paging_is_lazy() {
            threePages();
            PagedIterable<PermitSummary> all = client().build().publicPermits().search(params);
            assertThat(api.getAllServeEvents()).as("nothing fetched before iterating").isEmpty();
            assertThat(all.stream().limit(2).toList()).hasSize(2);
            assertThat(api.getAllServeEvents()).as("only the first page").hasSize(1);
            assertThat(all.stream().limit(4).toList()).hasSize(4);
            assertThat(api.getAllServeEvents()).as("the first two pages, again from the start").hasSize(3);
        }

        @Test
        void pages_can_be_walked_one_by_one() {
            threePages();
            var service = client().build().publicPermits();
            Page<PermitSummary> first = service.searchPage(params);
            assertThat(first.items()).hasSize(3);
            assertThat(first.nextCursor()).isEqualTo("c2");
            Page<PermitSummary> second = service.searchPage(params, first.nextCursor());
            assertThat(second.items()).extracting(PermitSummary::getPermitNumber).containsExactly("P4", "P5", "P6");
            Page<PermitSummary> last = service.searchPage(params, second.nextCursor());
            assertThat(last.hasNextPage()).isFalse();
            assertThat(last.next()).isEmpty();
            int pages = 0;
            for (Page<PermitSummary> ignored : service.search(params).pages()) {
                pages++;
            }
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void an_empty_result_is_one_empty_page() {
            api.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(Stubs.json("{\"items\":[],\"nextCursor\":null}")));
            assertThat(client().build().publicPermits().search(PermitSearchParams.all())).isEmpty();
            assertThat(api.getAllServeEvents()).hasSize(1);
        }
    }
}
