package org.epermit.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.FieldError;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CreditCodePropertiesTest {

    static Arbitrary<String> first17() {
        return Arbitraries.strings().withChars(CreditCode.ALPHABET.toCharArray()).ofLength(17);
    }

    static Arbitrary<Character> alphabetCharacters() {
        return Arbitraries.of(CreditCode.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    /** Valid codes whose check character matters: those that are not pseudo-codes. */
    static Arbitrary<String> realCodes() {
        return first17().filter(s -> !s.startsWith(CreditCode.PSEUDO_PREFIX))
                .map(s -> s + CreditCode.checkCharacter(s));
    }

    @Provide
    Arbitrary<String> first17Characters() {
        return first17();
    }

    @Provide
    Arbitrary<String> validRealCodes() {
        return realCodes();
    }

    @Provide
    Arbitrary<Character> alphabet() {
        return alphabetCharacters();
    }

    @Provide
    Arbitrary<String> stringsNot18CharactersLong() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(CreditCode.ALPHABET.toCharArray()).ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40))
                .filter(s -> s.codePointCount(0, s.length()) != 18);
    }

    @Provide
    Arbitrary<String> anyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.strings().withChars(CreditCode.ALPHABET.toCharArray()).withChars("abcioszv \t\u0000")
                        .ofLength(18));
    }

    private static Optional<FieldError> check(String raw) {
        return CreditCode.check(raw, "path.creditCode");
    }

    @Property
    void any_17_alphabet_characters_followed_by_their_check_character_form_a_valid_code(
            @ForAll("first17Characters") String first17) {
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(check(code)).isEmpty();
        assertThat(CreditCode.parse(code, "path.creditCode").value()).isEqualTo(code);
    }

    @Property
    void a_valid_code_is_also_accepted_in_lower_case(@ForAll("validRealCodes") String code) {
        assertThat(CreditCode.parse(code.toLowerCase(java.util.Locale.ROOT), "p").value()).isEqualTo(code);
    }

    @Property
    void changing_any_single_character_of_a_valid_code_to_another_alphabet_character_fails_the_checksum(
            @ForAll("validRealCodes") String code,
            @ForAll @IntRange(min = 0, max = 17) int index,
            @ForAll("alphabet") char replacement) {
        Assume.that(code.charAt(index) != replacement);
        String changed = code.substring(0, index) + replacement + code.substring(index + 1);
        Assume.that(!changed.startsWith(CreditCode.PSEUDO_PREFIX)); // a change that makes a pseudo-code is accepted

        assertThat(check(changed)).hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("CHECKSUM"));
    }

    @Property
    void swapping_two_adjacent_different_characters_of_a_valid_code_fails_the_checksum(
            @ForAll("validRealCodes") String code,
            @ForAll @IntRange(min = 0, max = 16) int index) {
        Assume.that(code.charAt(index) != code.charAt(index + 1));
        String swapped = code.substring(0, index) + code.charAt(index + 1) + code.charAt(index)
                + code.substring(index + 2);
        Assume.that(!swapped.startsWith(CreditCode.PSEUDO_PREFIX));

        assertThat(check(swapped)).hasValueSatisfying(error -> assertThat(error.code()).isEqualTo("CHECKSUM"));
    }

    @Property
    void any_pseudo_code_of_18_alphabet_characters_is_accepted_whatever_its_check_character(
            @ForAll("first17Characters") String rest, @ForAll("alphabet") char last) {
        String code = CreditCode.PSEUDO_PREFIX + rest.substring(2) + last;
        assertThat(CreditCode.parse(code, "p").isPseudo()).isTrue();
    }

    @Property
    void any_string_whose_length_is_not_18_fails_with_LENGTH(@ForAll("stringsNot18CharactersLong") String raw) {
        int length = raw.codePointCount(0, raw.length());
        assertThat(check(raw)).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("LENGTH");
            assertThat(error.message().en()).isEqualTo("must be 18 characters, got " + length);
            assertThat(error.message().zh()).isEqualTo("应为18位，实际为" + length + "位");
        });
    }

    @Property
    void parse_of_any_string_either_succeeds_or_throws_an_ApiException_whose_messages_are_short_and_printable(
            @ForAll("anyStrings") String raw) {
        Optional<FieldError> problem = check(raw);
        try {
            CreditCode code = CreditCode.parse(raw, "path.creditCode");
            assertThat(problem).isEmpty();
            assertThat(code.value()).hasSize(18);
        } catch (ApiException e) {
            assertThat(e.errors()).containsExactly(problem.orElseThrow());
            for (String message : new String[] {e.detail().en(), e.detail().zh()}) {
                assertThat(message.codePoints()).noneMatch(cp -> Character.isISOControl(cp)
                        || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE);
                // 40 echoed characters, each at most a 12-character escape, plus the fixed text
                assertThat(message.length()).isLessThan(40 * 12 + 200);
            }
        }
    }
}
