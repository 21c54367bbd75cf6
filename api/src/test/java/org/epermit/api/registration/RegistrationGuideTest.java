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
        StringBuilder md = new StringBuilder(chinese
                ? "| 代码 | 类别 | 含义 | 如何处理 |\n|---|---|---|---|\n"
                : "| code | kind | meaning | how to fix |\n|---|---|---|---|\n");
        for (RegistrationCode code : RegistrationCode.values()) {
            String kind = code.isError() ? (chinese ? "错误（拒收）" : "error (refused)") : (chinese ? "问题（受理并记录）" : "finding (accepted)");
            md.append("| `").append(code.name()).append("` | ").append(kind).append(" | ")
                    .append(chinese ? code.meaning().zh() : code.meaning().en()).append(" | ")
                    .append(chinese ? code.fix().zh() : code.fix().en()).append(" |\n");
        }
        return md.toString();
    }

    @Test
    void the_guide_lists_every_code_in_both_languages() throws IOException {
        GeneratedDocTables.check(GUIDE, BEGIN, RegistrationGuideTest::table);
    }
}
