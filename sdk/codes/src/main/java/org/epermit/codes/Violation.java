package org.epermit.codes;

import java.util.Objects;

/**
 * What is wrong with an input that was checked as an {@link Identifier}: a neutral description that the service
 * renders as a problem and the SDK as an exception, each in its own type.
 *
 * <p>{@link #expected()} and {@link #actual()} are data, not text for people: {@code actual} is the input's own
 * character, unescaped (quote it with {@link Printable} before showing it). {@link #en()} and {@link #zh()} are the
 * messages the API shows, with the input already quoted safely.
 *
 * @param identifier what the input was checked as
 * @param reason     why it was refused; {@link Reason#name()} is the stable field-error code
 * @param position   the 1-based position (in code points) the violation is at, or 0 when it is about the input as a
 *                   whole ({@link Reason#LENGTH}); a rule about several positions names the first
 * @param expected   what the rule wants there (see each {@link Reason})
 * @param actual     what the input has there (see each {@link Reason})
 * @param en         the message in English, e.g. {@code check character should be 'X', got '7'}
 * @param zh         the message in Chinese, e.g. {@code 校验码应为'X'，实际为'7'}
 */
public record Violation(Identifier identifier, Reason reason, int position, String expected, String actual, String en,
        String zh) {

    /**
     * Checks that no component is missing and the position is not negative.
     *
     * @param identifier what the input was checked as
     * @param reason     why it was refused
     * @param position   the 1-based position, or 0
     * @param expected   what the rule wants
     * @param actual     what the input has
     * @param en         the English message
     * @param zh         the Chinese message
     */
    public Violation {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, got " + position);
        }
    }

    /**
     * The one-line English summary the API gives as a problem's detail, with the input quoted safely, e.g.
     * {@code '911302006992296177' is not a valid unified social credit code: check character should be 'X', got '7'}.
     *
     * @param raw the input that was checked, may be {@code null}
     * @return the summary
     */
    public String summaryEn(String raw) {
        return "'" + Printable.of(raw) + "' is not a valid " + identifier.en() + ": " + en;
    }

    /**
     * The one-line Chinese summary the API gives as a problem's detail, e.g.
     * {@code '911302006992296177'不是有效的统一社会信用代码：校验码应为'X'，实际为'7'}.
     *
     * @param raw the input that was checked, may be {@code null}
     * @return the summary
     */
    public String summaryZh(String raw) {
        return "'" + Printable.of(raw) + "'不是有效的" + identifier.zh() + "：" + zh;
    }
}
