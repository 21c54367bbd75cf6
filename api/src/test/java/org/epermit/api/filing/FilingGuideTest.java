package org.epermit.api.filing;

import org.epermit.api.testing.GeneratedDocTables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * docs/filing.md lists every {@link FilingCode} with its meaning and fix, in English and in Chinese: the tables between
 * the markers are generated from the enum, so a code added there is documented, or this fails. Regenerate with
 * {@code ./mvnw verify -Ddocs.update=true}.
 */
class FilingGuideTest {

    static final Path GUIDE = Path.of("../docs/filing.md");
    static final String BEGIN = "<!-- codes: generated from org.epermit.api.filing.FilingCode by FilingGuideTest -->";

    static String table(boolean chinese) {
        return GeneratedDocTables.codeTable(FilingCode.values(), chinese, (code, zh) -> switch (code.kind()) {
            case ERROR -> zh ? "错误（拒收）" : "error (refused)";
            case FINDING -> zh ? "问题（接收）" : "finding (accepted)";
            case FINDING_EXPLAINED -> zh ? "问题（须说明）" : "finding (needs an explanation)";
        });
    }

    @Test
    void the_guide_lists_every_code_in_both_languages() throws IOException {
        GeneratedDocTables.check(GUIDE, BEGIN, FilingGuideTest::table);
    }
}
