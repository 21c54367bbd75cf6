package org.epermit.api.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateResponsesTest {

    @Test
    void vary_names_the_credential_headers_after_what_it_already_names() {
        assertThat(PrivateResponses.vary(List.of(), PrivateResponses.CREDENTIAL_HEADERS)).isEqualTo("X-API-Key, Authorization");
        assertThat(PrivateResponses.vary(List.of("Accept-Language", "Origin, Accept-Encoding"), PrivateResponses.CREDENTIAL_HEADERS))
                .isEqualTo("Accept-Language, Origin, Accept-Encoding, X-API-Key, Authorization");
    }

    @Test
    void vary_names_each_field_once_whatever_its_case() {
        assertThat(PrivateResponses.vary(List.of("authorization, Accept-Language"), PrivateResponses.CREDENTIAL_HEADERS))
                .isEqualTo("authorization, Accept-Language, X-API-Key");
    }

    @Test
    void a_vary_of_everything_stays_everything() {
        assertThat(PrivateResponses.vary(List.of("*"), PrivateResponses.CREDENTIAL_HEADERS)).isEqualTo("*");
    }
}
