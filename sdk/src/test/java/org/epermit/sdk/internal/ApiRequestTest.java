package org.epermit.sdk.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.epermit.sdk.model.PermitStatus;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an operation's request is written: path parameters filled in and encoded, query values in the contract's form. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiRequestTest {

    @Test
    void path_parameters_are_filled_in_order_and_encoded_as_one_segment() {
        ApiRequest r = ApiRequest.delete("/v1/admin/clients/{id}/keys/{keyId}",
                UUID.fromString("0b7e4c1a-2f3d-4e5a-9b6c-7d8e9f0a1b2c"), "a/b c");
        assertThat(r.target()).isEqualTo("/v1/admin/clients/0b7e4c1a-2f3d-4e5a-9b6c-7d8e9f0a1b2c/keys/a%2Fb%20c");
        assertThat(r.method()).isEqualTo("DELETE");
    }

    @Test
    void a_template_and_its_values_must_agree() {
        assertThatThrownBy(() -> ApiRequest.get("/v1/permits/{permitNumber}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiRequest.get("/v1/me", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void query_values_are_written_as_the_contract_reads_them_and_null_ones_left_out() {
        ApiRequest r = ApiRequest.get("/v1/x").query("q", "热电 厂").query("status", PermitStatus.VALID)
                .query("expiringBefore", LocalDate.of(2027, 3, 31)).query("cursor", null)
                .query("from", OffsetDateTime.parse("2026-01-01T00:00+08:00")).query("limit", 5);
        assertThat(r.target()).isEqualTo("/v1/x?q=%E7%83%AD%E7%94%B5%20%E5%8E%82&status=VALID"
                + "&expiringBefore=2027-03-31&from=2026-01-01T00%3A00%3A00%2B08%3A00&limit=5");
    }

    @Test
    void bodies_are_json_and_patches_merge_patches() {
        assertThat(ApiRequest.post("/v1/x").json(new Object()).contentType()).isEqualTo("application/json");
        assertThat(ApiRequest.patch("/v1/x").mergePatch(new Object()).contentType())
                .isEqualTo("application/merge-patch+json");
        assertThat(ApiRequest.get("/v1/x").contentType()).isNull();
    }
}
