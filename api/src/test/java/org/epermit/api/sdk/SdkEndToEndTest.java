package org.epermit.api.sdk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.epermit.api.testing.Db;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.codes.PermitNumber;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitHistory;
import org.epermit.sdk.model.PermitStatus;
import org.epermit.sdk.model.PermitSummary;
import org.epermit.sdk.model.PublicEnterprise;
import org.epermit.sdk.model.PublicPermit;
import org.epermit.sdk.param.PermitSearchParams;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java SDK (sdk/, built from the committed contract) against the real running service and its demo data: what a
 * vendor's integration does, end to end, with the public operations. Credentials: {@link SdkGatewayEndToEndTest}
 * (API keys) and {@link SdkOAuth2EndToEndTest} (OAuth2 client credentials); rate limits: {@link SdkRateLimitEndToEndTest}.
 */
@QuarkusTest
class SdkEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    private EPermitClient client() {
        return EPermitClient.builder().baseUrl(base.toString()).appInfo("sdk-e2e/1").build();
    }

    private static List<String> numbers(Iterable<PermitSummary> items) {
        List<String> out = new ArrayList<>();
        items.forEach(p -> out.add(p.getPermitNumber()));
        return out;
    }

    @Test
    void auto_paging_returns_every_permit_once_in_order_across_many_pages() {
        List<String> expected = Db.strings(pool, "SELECT permit_number FROM permit ORDER BY permit_number");
        assertThat(expected).hasSizeGreaterThan(1000);
        List<String> seen = numbers(client().publicPermits().search(PermitSearchParams.builder().limit(100).build()));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(seen)).hasSize(expected.size());
    }

    @Test
    void auto_paging_a_filtered_search_keeps_its_filters_on_every_page() {
        List<String> expected = Db.strings(pool, "SELECT permit_number FROM permit "
                + "WHERE category = 'KEY' AND status = 'VALID' ORDER BY permit_number");
        assertThat(expected).hasSizeGreaterThan(50);
        PermitSearchParams params = PermitSearchParams.builder().category(PermitCategory.KEY)
                .status(PermitStatus.VALID).limit(7).build();
        assertThat(numbers(client().publicPermits().search(params))).containsExactlyElementsOf(expected);
    }

    @Test
    void single_pages_follow_the_cursor() {
        List<String> expected = Db.strings(pool, "SELECT permit_number FROM permit ORDER BY permit_number LIMIT 20");
        var permits = client().publicPermits();
        PermitSearchParams ten = PermitSearchParams.builder().limit(10).build();
        Page<PermitSummary> first = permits.searchPage(ten);
        Page<PermitSummary> second = permits.searchPage(ten, first.nextCursor());
        List<String> both = new ArrayList<>(numbers(first.items()));
        both.addAll(numbers(second.items()));
        assertThat(both).containsExactlyElementsOf(expected);
        assertThat(second.hasNextPage()).isTrue();
    }

    @Test
    void a_permit_its_history_and_its_first_version_are_read() {
        Row row = Db.rows(pool, "SELECT p.permit_number, p.version, p.category, e.credit_code FROM permit p "
                + "JOIN enterprise e ON e.id = p.enterprise_id ORDER BY p.version DESC, p.permit_number LIMIT 1").get(0);
        String number = row.getString("permit_number");
        var permits = client().publicPermits();

        PublicPermit permit = permits.get(number);
        assertThat(permit.getPermitNumber()).isEqualTo(number);
        assertThat(permit.getVersion()).isEqualTo(row.getInteger("version"));
        assertThat(permit.getCategory().getValue()).isEqualTo(row.getString("category"));
        assertThat(permit.getEnterprise().getCreditCode()).isEqualTo(row.getString("credit_code"));
        assertThat(permit.getEnterprise().getName()).isNotBlank();

        PermitHistory history = permits.history(number);
        assertThat(history.getCurrentVersion()).isEqualTo(row.getInteger("version"));
        assertThat(history.getVersions()).hasSize(row.getInteger("version"));
        assertThat(history.getEvents()).isNotEmpty();

        assertThat(permits.getVersion(number, 1).getVersion()).isEqualTo(1);
    }

    @Test
    void an_enterprise_is_read_with_its_permits() {
        Row row = Db.rows(pool, "SELECT e.credit_code, e.name, count(*) AS permits FROM enterprise e "
                + "JOIN permit p ON p.enterprise_id = e.id GROUP BY e.id ORDER BY count(*) DESC, e.credit_code LIMIT 1").get(0);
        PublicEnterprise enterprise = client().publicEnterprises().get(row.getString("credit_code"));
        assertThat(enterprise.getCreditCode()).isEqualTo(row.getString("credit_code"));
        assertThat(enterprise.getName()).isEqualTo(row.getString("name"));
        assertThat(enterprise.getPermits()).hasSize(row.getLong("permits").intValue());
    }

    @Test
    void reference_lists_are_complete() {
        var reference = client().reference();
        assertThat(reference.pollutants()).hasSize((int) Db.count(pool, "SELECT count(*) FROM pollutant"));
        assertThat(reference.industries()).hasSize((int) Db.count(pool, "SELECT count(*) FROM industry"));
        assertThat(reference.regions()).hasSize((int) Db.count(pool, "SELECT count(*) FROM region"));
        assertThat(reference.pollutants()).anySatisfy(p -> assertThat(p.getCode()).isEqualTo("a21026"));
    }

    @Test
    void a_malformed_permit_number_is_rejected_locally_with_the_code_the_service_gives() {
        String typo = "911302006992296177001P"; // wrong check character
        ValidationException local = catchThrowableOfType(ValidationException.class,
                () -> client().publicPermits().get(typo));
        assertThat(local.getAttempts()).as("no request sent").isZero();
        assertThat(local.getRequestId()).isNull();

        var server = given().get("/v1/public/permits/" + typo).then().statusCode(400).extract().jsonPath();
        assertThat(local.getCode()).isEqualTo(server.getString("code")).isEqualTo(PermitNumber.ERROR_CODE);
        assertThat(local.getFieldErrors()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(server.getString("errors[0].path"));
            assertThat(f.code()).isEqualTo(server.getString("errors[0].code")).isEqualTo("CHECKSUM");
            assertThat(f.message()).isEqualTo(server.getString("errors[0].message"));
        });
        assertThat(local.getDetail()).isEqualTo(server.getString("detail"));
    }

    @Test
    void a_malformed_credit_code_is_rejected_locally_with_the_code_the_service_gives() {
        String typo = "9113O200699229617X";
        ValidationException local = catchThrowableOfType(ValidationException.class,
                () -> client().publicEnterprises().get(typo));
        var server = given().get("/v1/public/enterprises/" + typo).then().statusCode(400).extract().jsonPath();
        assertThat(local.getCode()).isEqualTo(server.getString("code")).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(local.getFieldErrors().get(0))
                .isEqualTo(new FieldError(server.getString("errors[0].path"), server.getString("errors[0].code"),
                        server.getString("errors[0].message")));
    }

    @Test
    void invalid_search_parameters_come_back_as_one_validation_exception_naming_each() {
        PermitSearchParams bad = PermitSearchParams.builder().limit(101).region("4").build();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client().publicPermits().searchPage(bad, null,
                        RequestOptions.builder().queryParameter("regoin", "44").build()));
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(e.getAttempts()).isEqualTo(1);
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(e.getFieldErrors()).extracting(FieldError::path, FieldError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("query.limit", "RANGE"),
                org.assertj.core.groups.Tuple.tuple("query.region", "FORMAT"),
                org.assertj.core.groups.Tuple.tuple("query.regoin", "UNKNOWN_PARAMETER"));
        assertThat(e.getMessage()).contains("query.limit").contains("Correct the input");
    }

    @Test
    void a_cursor_used_with_other_filters_is_an_invalid_cursor() {
        var permits = client().publicPermits();
        String cursor = permits.searchPage(PermitSearchParams.builder().limit(5).build()).nextCursor();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> permits.searchPage(PermitSearchParams.builder().limit(5).status(PermitStatus.VALID).build(), cursor));
        assertThat(e.getCode()).isEqualTo("INVALID_CURSOR");
        assertThat(e.getMessage()).contains("Start the listing again");
    }

    @Test
    void unknown_permits_enterprises_and_versions_are_not_found() {
        String number = Db.string(pool, "SELECT permit_number FROM permit ORDER BY permit_number LIMIT 1");
        String unknown = number.substring(0, 18) + "998P";
        assertThat(Db.count(pool, "SELECT count(*) FROM permit WHERE permit_number = $1", unknown)).isZero();
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> client().publicPermits().get(unknown));
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getCode()).isEqualTo("PERMIT_NOT_FOUND");
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(e.getDetail()).contains(unknown);

        NotFoundException version = catchThrowableOfType(NotFoundException.class,
                () -> client().publicPermits().getVersion(number, 999));
        assertThat(version.getCode()).isEqualTo("RESOURCE_NOT_FOUND");

        String nobody = "91350200776049653A";
        assertThat(Db.count(pool, "SELECT count(*) FROM enterprise WHERE credit_code = $1", nobody)).isZero();
        NotFoundException enterprise = catchThrowableOfType(NotFoundException.class,
                () -> client().publicEnterprises().get(nobody));
        assertThat(enterprise.getCode()).isEqualTo("ENTERPRISE_NOT_FOUND");
    }

    @Test
    void problems_come_in_chinese_when_asked() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> EPermitClient.builder()
                .baseUrl(base.toString()).acceptLanguage("zh").build().publicPermits()
                .searchPage(PermitSearchParams.builder().limit(0).build()));
        assertThat(e.getTitle()).isEqualTo("请求参数校验失败");
        assertThat(e.getFieldErrors().get(0).message()).contains("应在1到100之间");
    }
}
