package org.epermit.api.permit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithDefault;
import org.epermit.codes.PermitLetters;
import org.junit.jupiter.api.Test;

/** The letters the service issues numbers with are, by default, the national ones (P on permits, W on receipts). */
class PermitNumberConfigTest {

    @Test
    void the_default_letters_are_the_national_ones() throws NoSuchMethodException {
        String permit = PermitNumberConfig.class.getMethod("permitLetter").getAnnotation(WithDefault.class).value();
        String registration = PermitNumberConfig.class.getMethod("registrationLetter")
                .getAnnotation(WithDefault.class).value();

        assertThat(PermitLetters.of(permit.charAt(0), registration.charAt(0))).isEqualTo(PermitLetters.NATIONAL);
    }
}
