package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrintableTest {

    @Test
    void visible_text_and_spaces_are_quoted_as_they_are() {
        assertThat(Printable.of("排污 许可 AZ-09")).isEqualTo("排污 许可 AZ-09");
        assertThat(Printable.of(null)).isEmpty();
    }

    @Test
    void controls_format_characters_and_other_separators_are_shown_as_unicode_escapes() {
        assertThat(Printable.of("a\tb\u0000c\u202E\u200B\u3000\u2028")).isEqualTo(
                "a\\u0009b\\u0000c\\u202E\\u200B\\u3000\\u2028");
        assertThat(Printable.codePoint(0x0301)).isEqualTo("\\u0301"); // a combining accent
    }

    @Test
    void at_most_40_characters_are_quoted() {
        assertThat(Printable.of("A".repeat(41))).isEqualTo("A".repeat(40) + "…");
        assertThat(Printable.of("A".repeat(40))).isEqualTo("A".repeat(40));
    }

    @Test
    void the_echo_does_not_split_a_character_outside_the_basic_plane() {
        String input = "A".repeat(39) + "\uD83D\uDE00" + "B";
        assertThat(Printable.of(input)).isEqualTo("A".repeat(39) + "\uD83D\uDE00" + "…");
    }

    @Test
    void a_lone_surrogate_is_shown_as_a_unicode_escape() {
        assertThat(Printable.of("A\uD83DB")).isEqualTo("A\\uD83DB");
    }

    @Test
    void a_backslash_in_the_input_is_doubled_so_it_cannot_imitate_an_escape() {
        assertThat(Printable.of("\\u0041")).isEqualTo("\\\\u0041");
    }
}
