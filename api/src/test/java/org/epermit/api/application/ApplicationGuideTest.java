package org.epermit.api.application;

import org.epermit.api.testing.GeneratedDocTables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * docs/applications.md lists every {@link ApplicationCode} with its meaning and fix, in English and in Chinese: the
 * tables between the markers are generated from the enum, so a code added there is documented, or this fails.
 * Regenerate with {@code ./mvnw verify -Ddocs.update=true}.
 */
class ApplicationGuideTest {

    static final Path GUIDE = Path.of("../docs/applications.md");
    static final String BEGIN = "<!-- codes: generated from org.epermit.api.application.ApplicationCode by ApplicationGuideTest -->";

    static String table(boolean chinese) {
        return GeneratedDocTables.codeTable(ApplicationCode.values(), chinese, (code, zh) -> code.isError() ? (zh ? "错误（拒收）" : "error (refused)") : (zh ? "问题（受理并标注）" : "finding (accepted)"));
    }

    @Test
    void the_guide_lists_every_code_in_both_languages() throws IOException {
        GeneratedDocTables.check(GUIDE, BEGIN, ApplicationGuideTest::table);
    }
}
