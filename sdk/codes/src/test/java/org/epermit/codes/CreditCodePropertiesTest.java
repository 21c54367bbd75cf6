package org.epermit.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of {@link CreditCodeRules} over generated input. Each runs {@link #EXAMPLES} examples from a fresh seed;
 * a failure prints its seed, and {@code -DQT_SEED=…} replays it.
 */
class CreditCodePropertiesTest {

    static final int EXAMPLES = 1000;

    static QuickTheory properties() {
        return qt().withExamples(EXAMPLES);
    }

    /** Strings of {@code length} characters, each drawn from {@code characters}. */
    static Gen<String> stringsOf(String characters, Gen<Integer> length) {
        return Generate.intArrays(length, Generate.range(0, characters.length() - 1)).map(indexes -> {
            StringBuilder out = new StringBuilder(indexes.length);
            for (int index : indexes) {
                out.append(characters.charAt(index));
            }
            return out.toString();
        });
    }

    static Gen<String> first17() {
        return stringsOf(CreditCodeRules.ALPHABET, Generate.constant(CreditCodeRules.LENGTH - 1));
    }

    static Gen<Character> alphabetCharacters() {
        return Generate.pick(CreditCodeRules.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    /** Valid codes whose check character matters: those that are not pseudo-codes. */
    static Gen<String> realCodes() {
        return first17().assuming(s -> !s.startsWith(CreditCodeRules.PSEUDO_PREFIX))
                .map(s -> s + CreditCodeRules.checkCharacter(s));
    }

    /** Alphabet strings, strings of any non-surrogate BMP character, and strings of any UTF-16 unit, up to 40 long. */
    static Gen<String> stringsNot18CharactersLong() {
        return Generate.oneOf(
                stringsOf(CreditCodeRules.ALPHABET, Generate.range(0, 40)),
                bmpWithoutSurrogates(40),
                anyUtf16(40))
                .assuming(s -> s.codePointCount(0, s.length()) != CreditCodeRules.LENGTH);
    }

    static Gen<String> anyStrings() {
        return Generate.oneOf(
                anyUtf16(100),
                stringsOf(CreditCodeRules.ALPHABET + "abcioszv \t\u0000", Generate.constant(CreditCodeRules.LENGTH)));
    }

    /** Any sequence of UTF-16 units (lone surrogates included) up to {@code maxLength} units long. */
    static Gen<String> anyUtf16(int maxLength) {
        return SourceDSL.strings().betweenCodePoints(Character.MIN_VALUE, Character.MAX_VALUE)
                .ofLengthBetween(0, maxLength);
    }

    /** Strings of BMP characters other than surrogates, up to {@code maxLength} long. */
    static Gen<String> bmpWithoutSurrogates(int maxLength) {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        return Generate.intArrays(Generate.range(0, maxLength), Generate.range(0, Character.MAX_VALUE - surrogates))
                .map(units -> {
                    StringBuilder out = new StringBuilder(units.length);
                    for (int unit : units) {
                        out.append((char) (unit < Character.MIN_SURROGATE ? unit : unit + surrogates));
                    }
                    return out.toString();
                });
    }

    /** A message may quote input, but nothing invisible or direction-changing, and not at any length. */
    static void assertShortAndPrintable(String message) {
        assertThat(message.codePoints()).noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE);
        // 40 echoed characters, each at most a 12-character escape, plus the fixed text
        assertThat(message.length()).isLessThan(40 * 12 + 200);
    }

    @Test
    void any_17_alphabet_characters_followed_by_their_check_character_form_a_valid_code() {
        properties().forAll(first17()).checkAssert(first17 -> {
            String code = first17 + CreditCodeRules.checkCharacter(first17);
            assertThat(CreditCodeRules.check(code)).isEmpty();
            assertThat(CreditCodeRules.requireCanonical(code)).isEqualTo(code);
        });
    }

    @Test
    void a_valid_code_is_also_accepted_in_lower_case_and_normalizes_to_itself() {
        properties().forAll(realCodes()).checkAssert(code -> {
            String lower = code.toLowerCase(Locale.ROOT);
            assertThat(CreditCodeRules.check(lower)).isEmpty();
            assertThat(CreditCodeRules.normalize(lower)).isEqualTo(code);
        });
    }

    @Test
    void changing_any_single_character_of_a_valid_code_to_another_alphabet_character_fails_the_checksum() {
        properties().forAll(realCodes(), Generate.range(0, 17), alphabetCharacters())
                .assuming((code, index, replacement) -> code.charAt(index) != replacement)
                // a change that makes a pseudo-code is accepted
                .assuming((code, index, replacement) -> !replace(code, index, replacement)
                        .startsWith(CreditCodeRules.PSEUDO_PREFIX))
                .checkAssert((code, index, replacement) -> {
                    String changed = replace(code, index, replacement);
                    assertThat(CreditCodeRules.check(changed)).hasValueSatisfying(v -> {
                        assertThat(v.reason()).isEqualTo(Reason.CHECKSUM);
                        assertThat(v.position()).isEqualTo(18);
                        assertThat(v.actual()).isEqualTo(String.valueOf(changed.charAt(17)));
                        assertThat(v.expected()).isEqualTo(
                                String.valueOf(CreditCodeRules.checkCharacter(changed.substring(0, 17))));
                    });
                });
    }

    @Test
    void swapping_two_adjacent_different_characters_of_a_valid_code_fails_the_checksum() {
        properties().forAll(realCodes(), Generate.range(0, 16))
                .assuming((code, index) -> code.charAt(index) != code.charAt(index + 1))
                .assuming((code, index) -> !swap(code, index).startsWith(CreditCodeRules.PSEUDO_PREFIX))
                .checkAssert((code, index) -> assertThat(CreditCodeRules.check(swap(code, index)))
                        .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo(Reason.CHECKSUM)));
    }

    @Test
    void any_pseudo_code_of_18_alphabet_characters_is_accepted_whatever_its_check_character() {
        properties().forAll(first17(), alphabetCharacters()).checkAssert((rest, last) -> {
            String code = CreditCodeRules.PSEUDO_PREFIX + rest.substring(2) + last;
            assertThat(CreditCodeRules.check(code)).isEmpty();
            assertThat(CreditCodeRules.isPseudo(CreditCodeRules.requireCanonical(code))).isTrue();
        });
    }

    @Test
    void any_string_whose_length_is_not_18_fails_with_LENGTH() {
        properties().forAll(stringsNot18CharactersLong()).checkAssert(raw -> {
            int length = raw.codePointCount(0, raw.length());
            assertThat(CreditCodeRules.check(raw)).contains(new Violation(Identifier.CREDIT_CODE, Reason.LENGTH, 0,
                    "18", String.valueOf(length),
                    "must be 18 characters, got " + length, "应为18位，实际为" + length + "位"));
        });
    }

    @Test
    void a_character_violation_names_the_first_character_outside_the_alphabet_and_its_position() {
        properties().forAll(anyStrings()).checkAssert(raw -> {
            Optional<Violation> violation = CreditCodeRules.check(raw);
            if (violation.isEmpty() || violation.get().reason() != Reason.CHARACTER) {
                return;
            }
            Violation v = violation.get();
            int[] codePoints = CreditCodeRules.normalize(raw).codePoints().toArray();
            int index = v.position() - 1;
            assertThat(new String(codePoints, index, 1)).isEqualTo(v.actual());
            assertThat(v.expected()).isEqualTo(CreditCodeRules.ALPHABET).doesNotContain(v.actual());
            for (int i = 0; i < index; i++) {
                assertThat(CreditCodeRules.ALPHABET.indexOf(codePoints[i])).isNotNegative();
            }
        });
    }

    @Test
    void any_string_either_passes_or_gets_one_violation_whose_messages_are_short_and_printable() {
        properties().forAll(anyStrings()).checkAssert(raw -> {
            Optional<Violation> violation = CreditCodeRules.check(raw);
            if (violation.isEmpty()) {
                assertThat(CreditCodeRules.requireCanonical(CreditCodeRules.normalize(raw))).hasSize(18);
                return;
            }
            Violation v = violation.get();
            assertThat(v.identifier()).isEqualTo(Identifier.CREDIT_CODE);
            for (String message : new String[] {v.en(), v.zh(), v.summaryEn(raw), v.summaryZh(raw)}) {
                assertShortAndPrintable(message);
            }
        });
    }

    static String replace(String code, int index, char replacement) {
        return code.substring(0, index) + replacement + code.substring(index + 1);
    }

    private static String swap(String code, int index) {
        return code.substring(0, index) + code.charAt(index + 1) + code.charAt(index) + code.substring(index + 2);
    }
}
