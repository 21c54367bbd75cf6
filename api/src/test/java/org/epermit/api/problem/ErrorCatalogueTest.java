package org.epermit.api.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/errors.md is generated from {@link ErrorCode}: a code added in the enum is documented, or this fails.
 * Regenerate with {@code ./mvnw verify -Ddocs.update=true}.
 */
class ErrorCatalogueTest {

    private static final Path CATALOGUE = Path.of("../docs/errors.md");

    static String render() {
        StringBuilder md = new StringBuilder("""
                # Error catalogue · 错误码目录

                <!-- Generated from org.epermit.api.problem.ErrorCode by ErrorCatalogueTest: do not edit by hand. -->

                Every error is an RFC 9457 `application/problem+json` document:

                ```json
                {
                  "type": "urn:epermit:problem:validation-failed",
                  "title": "Request validation failed",
                  "status": 400,
                  "detail": "2 query parameters are invalid.",
                  "instance": "/v1/public/permits",
                  "code": "VALIDATION_FAILED",
                  "errors": [
                    { "path": "query.limit", "code": "RANGE", "message": "must be from 1 to 100, got 500" },
                    { "path": "query.regoin", "code": "UNKNOWN_PARAMETER", "message": "is not a parameter of this operation; allowed: …" }
                  ],
                  "requestId": "3f1c0a9e-5d2b-4f8e-9c41-7a2d6b0e8f13"
                }
                ```

                Branch on `code` (stable); show `title`/`detail` to people (`Accept-Language: zh` gives Chinese);
                quote `requestId` (also the `X-Request-Id` header) when asking for support.

                | code | HTTP | title | 标题 | type |
                |---|---|---|---|---|
                """);
        for (ErrorCode code : ErrorCode.values()) {
            md.append("| `").append(code.name()).append("` | ").append(code.status()).append(" | ")
                    .append(code.title(Language.EN)).append(" | ").append(code.title(Language.ZH)).append(" | `")
                    .append(code.typeUri()).append("` |\n");
        }
        md.append("""

                ## Field error codes · 字段错误码

                Entries in `errors` carry their own `code`:

                | code | meaning |
                |---|---|
                | `LENGTH` | wrong number of characters (credit code 18, permit number 22) |
                | `CHARACTER` | a character outside the allowed alphabet (credit codes exclude I, O, S, V, Z), or a control character |
                | `DIVISION` | positions 3–8 of a credit code or pseudo-code (the GB/T 2260 division code) hold a non-digit |
                | `CHECKSUM` | the GB 32100 check character (position 18) does not match |
                | `ORGANISATION_CHECKSUM` | the organisation code's own check character (position 17, GB 11714) does not match: only for codes the service registers, never for a lookup (some genuine early codes fail it) |
                | `PSEUDO_CODE` | an `H9…` pseudo-code without its structure: positions 9–17 neither `0000` + a 5-digit sequence nor a 9-character organisation code, or a last character that is not a lower-case letter other than i and o (an upper-cased pseudo-code) |
                | `SERIAL` | a permit number's site serial is not 001–999 |
                | `LETTER` | a permit number's last character is not an upper-case letter A–Z (any letter is looked up; only numbers the service issues use its configured letters) |
                | `FORMAT` | not in the expected format (region or industry prefix, date, number, cursor) |
                | `RANGE` | a number or date outside its allowed range (`limit` above 100; a date or time outside the years 1900–9999; a `validTo` not after `validFrom`) |
                | `UNKNOWN_VALUE` | not one of the enumerated values |
                | `UNKNOWN_PARAMETER` | the operation has no such parameter (often a typo) |
                | `REPEATED` | a parameter given more than once |
                | `EMPTY` | a parameter given with no value, or text with nothing visible (only spaces, zero-width or bidi control characters) |
                | `TOO_LONG` | a value longer than allowed; a delegation longer than the maximum (five years by default) |
                | `ENCODING` | not valid UTF-8, or text that is not well-formed Unicode (a lone surrogate such as `\\ud800`) |
                | `REQUIRED` | a required field is missing |
                | `UNKNOWN_FIELD` | the body has no such field (often a typo) |
                | `DUPLICATE_FIELD` | a key given twice in one JSON object |
                | `TYPE` | a value of the wrong JSON type: a number or boolean where a string is expected, a string where an array is, a number where a date-time is; nothing is converted |
                | `NULL` | a `null` inside a list |
                | `SIGNATURE`, `QUERY_MISMATCH`, `STALE` | a cursor that was altered, belongs to other filters, or expired |
                """);
        return md.toString();
    }

    @Test
    void the_catalogue_in_the_docs_lists_every_error_code() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(CATALOGUE, expected);
        }
        assertThat(CATALOGUE).exists();
        assertThat(Files.readString(CATALOGUE))
                .as("docs/errors.md is out of date: run ./mvnw verify -Ddocs.update=true and commit it")
                .isEqualTo(expected);
    }
}
