package org.epermit.codes;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The letters the permit numbers a deployment issues end with: {@code P} on permits, and the letter of registration
 * receipts (排污登记), which varies by province. HJ 608-2017 calls this last character an identification code
 * (标识码), not a check character, and only {@code P} is confirmed by its example; so these letters bind only the
 * numbers a deployment issues ({@link PermitNumberRules#check(String, PermitLetters)}), while a lookup accepts
 * {@link #ANY} letter ({@link PermitNumberRules#check(String)}). Immutable; never empty; only upper-case A–Z.
 *
 * <pre>{@code
 * PermitLetters.NATIONAL;            // P, W
 * PermitLetters.of('P', 'D');        // a province whose receipts end with D
 * }</pre>
 */
public final class PermitLetters {

    /** The letter on permits. */
    public static final char PERMIT = 'P';
    /** The letter on registration receipts where a province has not chosen another one. */
    public static final char REGISTRATION = 'W';
    /** {@link #PERMIT} and {@link #REGISTRATION}: the service's default configuration for the numbers it issues. */
    public static final PermitLetters NATIONAL = of(PERMIT, REGISTRATION);
    /** Every letter A–Z: what a number that refers to an existing permit may end with. */
    public static final PermitLetters ANY = of("ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray());

    /** Sorted, so that the message and {@link #toString()} do not depend on the order given. */
    private final String letters;

    private PermitLetters(String letters) {
        this.letters = letters;
    }

    /**
     * Makes a set of letters (the same letter given twice counts once).
     *
     * @param letters upper-case A–Z, at least one
     * @return the set
     * @throws IllegalArgumentException if none is given or one is not an upper-case letter A–Z
     */
    public static PermitLetters of(char... letters) {
        Objects.requireNonNull(letters, "letters");
        Character[] boxed = new Character[letters.length];
        for (int i = 0; i < letters.length; i++) {
            boxed[i] = letters[i];
        }
        return of(Arrays.asList(boxed));
    }

    /**
     * Makes a set of letters from a collection, such as a configured {@code Set<Character>}.
     *
     * @param letters upper-case A–Z, at least one, no {@code null}
     * @return the set
     * @throws IllegalArgumentException if the collection is empty or holds anything but upper-case A–Z
     */
    public static PermitLetters of(Collection<Character> letters) {
        Objects.requireNonNull(letters, "letters");
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("the permit-number letters must not be empty");
        }
        TreeSet<Character> sorted = new TreeSet<>();
        for (Character c : letters) {
            if (c == null || c < 'A' || c > 'Z') {
                throw new IllegalArgumentException(
                        "the permit-number letters must be upper-case A-Z, got " + describe(letters));
            }
            sorted.add(c);
        }
        return new PermitLetters(sorted.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /**
     * Tells whether a permit number may end with this code point.
     *
     * @param codePoint any code point
     * @return whether it is one of the letters
     */
    public boolean allows(int codePoint) {
        return codePoint >= 'A' && codePoint <= 'Z' && letters.indexOf(codePoint) >= 0;
    }

    /**
     * Returns the letters.
     *
     * @return the letters, sorted
     */
    public Set<Character> letters() {
        return letters.chars().mapToObj(c -> (char) c).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Returns the letters as one string, e.g. {@code PW}: {@link Violation#expected()} of a {@link Reason#LETTER}.
     *
     * @return the letters, sorted
     */
    public String asString() {
        return letters;
    }

    /**
     * Tells whether there is exactly one letter.
     *
     * @return whether only one letter is allowed
     */
    public boolean isSingle() {
        return letters.length() == 1;
    }

    /**
     * Returns the letters separated by {@code separator}, e.g. {@code P, W}.
     *
     * @param separator what stands between two letters
     * @return the letters, sorted
     */
    public String joined(String separator) {
        return letters.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(separator));
    }

    /**
     * Tells whether the other object holds the same letters.
     *
     * @param other any object
     * @return whether it is a {@code PermitLetters} with the same letters
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PermitLetters that && letters.equals(that.letters);
    }

    /**
     * Returns a hash of the letters.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return letters.hashCode();
    }

    /**
     * Returns the letters as shown in messages, e.g. {@code P, W}.
     *
     * @return the letters, sorted and separated by a comma
     */
    @Override
    public String toString() {
        return joined(", ");
    }

    private static String describe(Collection<Character> letters) {
        return letters.stream().map(c -> c == null ? "null" : "'" + Printable.codePoint(c) + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
