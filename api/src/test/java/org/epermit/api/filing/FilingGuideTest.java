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
        StringBuilder md = new StringBuilder(chinese
                ? "| 代码 | 类别 | 含义 | 如何处理 |\n|---|---|---|---|\n"
                : "| code | kind | meaning | how to fix |\n|---|---|---|---|\n");
        for (FilingCode code : FilingCode.values()) {
            String kind = switch (code.kind()) {
                case ERROR -> chinese ? "错误（拒收）" : "error (refused)";
                case FINDING -> chinese ? "问题（接收）" : "finding (accepted)";
                case FINDING_EXPLAINED -> chinese ? "问题（须说明）" : "finding (needs an explanation)";
            };
            md.append("| `").append(code.name()).append("` | ").append(kind).append(" | ")
                    .append(chinese ? code.meaning().zh() : code.meaning().en()).append(" | ")
                    .append(chinese ? code.fix().zh() : code.fix().en()).append(" |\n");
        }
        return md.toString();
    }

    @Test
    void the_guide_lists_every_code_in_both_languages() throws IOException {
        GeneratedDocTables.check(GUIDE, BEGIN, FilingGuideTest::table);
    }
}
