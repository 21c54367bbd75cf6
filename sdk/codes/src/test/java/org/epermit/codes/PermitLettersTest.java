package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PermitLettersTest {

    @Test
    void the_national_letters_are_P_for_permits_and_W_for_registration_receipts() {
        assertThat(PermitLetters.NATIONAL.letters()).containsExactly('P', 'W');
        assertThat(PermitLetters.NATIONAL).hasToString("P, W");
    }

    @Test
    void any_is_every_upper_case_letter_as_a_lookup_accepts() {
        assertThat(PermitLetters.ANY.asString()).isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        assertThat(PermitLetters.ANY.allows('Q')).isTrue();
        assertThat(PermitLetters.ANY.allows('q')).isFalse();
    }

    @Test
    void letters_are_sorted_and_counted_once_whatever_the_order_given() {
        PermitLetters letters = PermitLetters.of('W', 'P', 'W');
        assertThat(letters).isEqualTo(PermitLetters.NATIONAL).hasSameHashCodeAs(PermitLetters.NATIONAL);
        assertThat(letters.asString()).isEqualTo("PW");
        assertThat(letters.joined("、")).isEqualTo("P、W");
        assertThat(letters.isSingle()).isFalse();
        assertThat(PermitLetters.of(Set.of('P')).isSingle()).isTrue();
    }

    @Test
    void only_the_letters_are_allowed() {
        PermitLetters letters = PermitLetters.of('P', 'D');
        assertThat(letters.allows('D')).isTrue();
        assertThat(letters.allows('W')).isFalse();
        assertThat(letters.allows('p')).isFalse();
        assertThat(letters.allows('P' + 0x10000)).isFalse();
    }

    @Test
    void must_be_upper_case_A_to_Z_and_not_empty() {
        assertThatThrownBy(() -> PermitLetters.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PermitLetters.of(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PermitLetters.of('p')).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the permit-number letters must be upper-case A-Z, got ['p']");
        assertThatThrownBy(() -> PermitLetters.of('1')).isInstanceOf(IllegalArgumentException.class);
        List<Character> withNull = Arrays.asList('P', null);
        assertThatThrownBy(() -> PermitLetters.of(withNull)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the permit-number letters must be upper-case A-Z, got ['P', null]");
    }

    @Test
    void the_set_returned_is_a_copy() {
        Set<Character> copy = PermitLetters.NATIONAL.letters();
        copy.add('X');
        assertThat(PermitLetters.NATIONAL.letters()).containsExactly('P', 'W');
    }
}
