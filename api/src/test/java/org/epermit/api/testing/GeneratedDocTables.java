package org.epermit.api.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.epermit.api.problem.DocumentedCode;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guide's tables generated from code: between a begin marker and {@link #END}, once in English and once in Chinese.
 * Checks that the guide holds exactly what the code generates, or, with {@code -Ddocs.update=true}, writes it.
 */
public final class GeneratedDocTables {

    public static final String END = "<!-- end of codes -->";

    private GeneratedDocTables() {
    }

    /**
     * The Markdown table of {@code codes}: code, kind, meaning and fix, in English or in Chinese.
     *
     * @param kind the kind column of a code, given whether it is the Chinese table
     */
    public static <C extends DocumentedCode> String codeTable(C[] codes, boolean chinese, BiFunction<C, Boolean, String> kind) {
        StringBuilder md = new StringBuilder(chinese
                ? "| 代码 | 类别 | 含义 | 如何处理 |\n|---|---|---|---|\n"
                : "| code | kind | meaning | how to fix |\n|---|---|---|---|\n");
        for (C code : codes) {
            md.append("| `").append(code.name()).append("` | ").append(kind.apply(code, chinese)).append(" | ")
                    .append(chinese ? code.meaning().zh() : code.meaning().en()).append(" | ")
                    .append(chinese ? code.fix().zh() : code.fix().en()).append(" |\n");
        }
        return md.toString();
    }

    /** @param table the table's Markdown, given whether it is the Chinese one */
    public static void check(Path guide, String begin, Function<Boolean, String> table) throws IOException {
        String text = Files.readString(guide, StandardCharsets.UTF_8);
        String[] parts = text.split(Pattern.quote(begin), -1);
        assertThat(parts).as("two generated tables, English then Chinese").hasSize(3);
        StringBuilder rebuilt = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            int end = parts[i].indexOf(END);
            assertThat(end).as("each generated table ends with its marker").isNotNegative();
            rebuilt.append(begin).append('\n').append(table.apply(i == 2)).append(END).append(parts[i].substring(end + END.length()));
        }
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(guide, rebuilt.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(text).as(guide.getFileName() + "'s code tables are the code's (regenerate with -Ddocs.update=true)")
                .isEqualTo(rebuilt.toString());
    }
}
