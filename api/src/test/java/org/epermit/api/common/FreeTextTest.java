package org.epermit.api.common;

import org.epermit.api.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FreeTextTest {

    private static Optional<String> code(String value) {
        return FreeText.check(value, "body.name", 200).map(FieldError::code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"绿源环保监测平台", "ops@example.cn", "a", "Zoë", "😀", "حماية البيئة", "अ\u200Dब", "x\u200B"})
    void visible_well_formed_text_is_accepted(String value) {
        assertThat(code(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDC00", "ok\uDBFFx", "\uDE00\uD83D", "a\uD83D"})
    void a_lone_surrogate_is_not_well_formed(String value) {
        assertThat(code(value)).contains("ENCODING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u200B", "\u200E\u200F", "\u2066\u2069", "\uFEFF", "\u00A0", "\u3000", "\u2060",
            "\u180E", "\u3164", "\u115F\u1160", "\uFE0F", "\u034F", "\uDB40\uDC41", " \u200C\u200D "})
    void text_of_invisible_characters_alone_is_empty(String value) {
        assertThat(code(value)).contains("EMPTY");
    }

    @Test
    void control_characters_and_length_are_checked_too() {
        assertThat(code("a\u0000b")).contains("CHARACTER");
        assertThat(code("line\nbreak")).contains("CHARACTER");
        assertThat(code("x".repeat(200))).isEmpty();
        assertThat(code("x".repeat(201))).contains("TOO_LONG");
    }
}
