package org.epermit.api.registration;

import org.epermit.api.testing.GeneratedDocTables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * docs/registration.md lists every {@link RegistrationCode} with its meaning and fix, in English and in Chinese: the
 * tables between the markers are generated from the enum, so a code added there is documented, or this fails.
 * Regenerate with {@code ./mvnw verify -Ddocs.update=true}.
 */
class RegistrationGuideTest {

    static final Path GUIDE = Path.of("../docs/registration.md");
    static final String BEGIN = "<!-- codes: generated from org.epermit.api.registration.RegistrationCode by RegistrationGuideTest -->";

    static String table(boolean chinese) {
        return GeneratedDocTables.codeTable(RegistrationCode.values(), chinese, (code, zh) -> code.isError() ? (zh ? "错误（拒收）" : "error (refused)") : (zh ? "问题（受理并记录）" : "finding (accepted)"));
    }

    @Test
    void the_guide_lists_every_code_in_both_languages() throws IOException {
        GeneratedDocTables.check(GUIDE, BEGIN, RegistrationGuideTest::table);
    }
}
