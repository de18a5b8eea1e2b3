package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.openapi.SpecVersion;
import dev.portico.testing.NodeTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * OWASP's API security ruleset ({@code @stoplight/spectral-owasp-ruleset}) over the example's document in both
 * versions, under {@code src/test/node/owasp.spectral.yaml}: fewer than {@value #MOST_ERRORS} errors, and every rule
 * that still reports one, or that the ruleset file turns off, is listed with its reason in {@code docs/schema.md}.
 */
class OwaspLintTest {
    static final int MOST_ERRORS = 50;
    private static final Path SNAPSHOT = Path.of("openapi.yaml").toAbsolutePath();
    private static final Path SCHEMA_DOC = Path.of("../../docs/schema.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentHasFewerThanFiftyErrorsAndEveryRemainingRuleIsExplained() throws Exception {
        Path v30 = Path.of("target/openapi-3.0.yaml").toAbsolutePath();
        Files.createDirectories(v30.getParent());
        Files.write(
                v30,
                BlogApp.manage(b -> b.set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET))
                        .openapi(SpecVersion.V3_0)
                        .bytes(OpenApiDocument.Format.YAML));
        String explained = Files.readString(SCHEMA_DOC, StandardCharsets.UTF_8);
        for (Path document : new Path[] {SNAPSHOT, v30}) {
            Map<String, Integer> errors = errorsByRule(document);
            int total = errors.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("[spectral owasp] " + document.getFileName() + ": " + total + " errors " + errors);
            assertThat(total).as("OWASP errors in %s: %s", document, errors).isLessThan(MOST_ERRORS);
            assertThat(errors.keySet())
                    .as("rules with errors that docs/schema.md does not explain")
                    .allSatisfy(rule -> assertThat(explained).contains("`" + rule + "`"));
        }
        Matcher off = Pattern.compile("(owasp:[\\w:-]+): \"off\"")
                .matcher(Files.readString(ClientTools.PROJECT.resolve("owasp.spectral.yaml"), StandardCharsets.UTF_8));
        int turnedOff = 0;
        while (off.find()) {
            assertThat(explained)
                    .as("docs/schema.md explains the rule turned off")
                    .contains("`" + off.group(1) + "`");
            turnedOff++;
        }
        assertThat(turnedOff).isEqualTo(2);
    }

    private static Map<String, Integer> errorsByRule(Path document) throws Exception {
        NodeTools.Result result = ClientTools.run(
                ClientTools.bin("spectral"),
                "lint",
                "--ruleset",
                "owasp.spectral.yaml",
                "--format",
                "json",
                "--quiet",
                document.toString());
        String out = result.stdout();
        assertThat(out)
                .as("spectral printed no report (exit %d): %s", result.exitCode(), result.stderr())
                .contains("[");
        Map<String, Integer> errors = new TreeMap<>();
        for (JsonNode problem : JSON.readTree(out.substring(out.indexOf('[')))) {
            if (problem.path("severity").asInt() == 0) {
                errors.merge(problem.path("code").asText(), 1, Integer::sum);
            }
        }
        return errors;
    }
}
