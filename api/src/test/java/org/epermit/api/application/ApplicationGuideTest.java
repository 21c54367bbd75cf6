package org.epermit.api.application;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/applications.md lists every {@link ApplicationCode} with its meaning and fix, in English and in Chinese: the
 * tables between the markers are generated from the enum, so a code added there is documented, or this fails.
 * Regenerate with {@code ./mvnw verify -Ddocs.update=true}.
 */
class ApplicationGuideTest {

    static final Path GUIDE = Path.of("../docs/applications.md");
    static final String BEGIN = "<!-- codes: generated from org.epermit.api.application.ApplicationCode by ApplicationGuideTest -->";
    static final String END = "<!-- end of codes -->";

    static String table(boolean chinese) {
        StringBuilder md = new StringBuilder(chinese
                ? "| 代码 | 类别 | 含义 | 如何处理 |\n|---|---|---|---|\n"
                : "| code | kind | meaning | how to fix |\n|---|---|---|---|\n");
        for (ApplicationCode code : ApplicationCode.values()) {
            String kind = code.isError() ? (chinese ? "错误（拒收）" : "error (refused)") : (chinese ? "问题（受理并标注）" : "finding (accepted)");
            md.append("| `").append(code.name()).append("` | ").append(kind).append(" | ")
                    .append(chinese ? code.meaning().zh() : code.meaning().en()).append(" | ")
                    .append(chinese ? code.fix().zh() : code.fix().en()).append(" |\n");
        }
        return md.toString();
    }

    @Test
    void the_guide_lists_every_code_in_both_languages() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String[] parts = guide.split(java.util.regex.Pattern.quote(BEGIN), -1);
        assertThat(parts).as("two generated tables, English then Chinese").hasSize(3);
        StringBuilder rebuilt = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            int end = parts[i].indexOf(END);
            assertThat(end).as("each generated table ends with its marker").isNotNegative();
            rebuilt.append(BEGIN).append('\n').append(table(i == 2)).append(END).append(parts[i].substring(end + END.length()));
        }
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(GUIDE, rebuilt.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(guide).as("docs/applications.md's code tables are ApplicationCode's (regenerate with -Ddocs.update=true)")
                .isEqualTo(rebuilt.toString());
    }
}
