package dev.portico.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example's {@code ./manage} and the template's carry one fast start (the small first heap, the JDK's
 * ahead-of-time cache and its training) as the same text: a generated project must stand alone, so the template holds
 * a copy rather than a reference, and this test keeps the two copies one.
 */
class ManageScriptTest {
    static final String BEGIN = "# >>> shared:";
    static final String END = "# <<< shared\n";

    /** The repository's {@code manage}, at the root of the reactor. */
    static final Path EXAMPLE = Path.of("../manage");

    static final Path TEMPLATE = Path.of("src/main/resources/archetype-resources/manage");

    /** The text from the line starting {@link #BEGIN} through {@link #END}. */
    static String shared(String script) {
        int begin = script.indexOf(BEGIN);
        int end = script.indexOf(END, begin);
        assertThat(begin).as("a line starting " + BEGIN).isNotNegative();
        assertThat(end).as("a line " + END.trim() + " after it").isGreaterThan(begin);
        return script.substring(begin, end + END.length());
    }

    @Test
    void theTemplatesFastStartIsTheExamplesWordForWord() throws IOException {
        String example = shared(Files.readString(EXAMPLE));
        assertThat(shared(Files.readString(TEMPLATE))).isEqualTo(example);
        assertThat(example)
                .contains("-Xms32m", "-XX:AOTCacheOutput=", "-XX:AOTCache=", "portico.manage.training-commands");
    }

    @Test
    void velocityCopiesTheTemplatesSharedTextAsItIs() throws IOException {
        String template = Files.readString(TEMPLATE);
        int raw = template.indexOf("\n#[[\n");
        assertThat(raw)
                .as("an unparsed block (#[[ ... ]]#) holds the bash expansions Velocity would read")
                .isNotNegative()
                .isLessThan(template.indexOf(BEGIN));
        assertThat(template).endsWith(END + "]]#\n");
    }
}
