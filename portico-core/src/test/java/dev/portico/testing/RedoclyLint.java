package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints an OpenAPI document with {@code redocly lint}, installed from the npm registry by the project's own
 * {@code src/test/browser/package-lock.json}, under the rules of {@code src/test/browser/redocly.yaml}
 * (Redocly's recommended set, less the rule against trailing slashes, which are Portico's convention).
 * <pre>{@code
 * RedoclyLint.assertNoErrors(Path.of("target/openapi.yaml"));   // fails listing the errors; prints warnings
 * }</pre>
 */
public final class RedoclyLint {

    /** One problem Redocly found. */
    public record Problem(String severity, String ruleId, String message, String pointer) {
        @Override
        public String toString() {
            return severity + " " + ruleId + " at " + pointer + ": " + message;
        }
    }

    /** Every problem, errors and warnings apart, and what Redocly printed for people. */
    public record Report(List<Problem> errors, List<Problem> warnings, String output) {}

    private RedoclyLint() {}

    /** Lints {@code document} (YAML or JSON); skips or fails the test when the tools are missing. */
    public static Report lint(Path document) throws IOException, InterruptedException {
        NodeTools.Result result = NodeTools.run(List.of(
                "npx",
                "--no-install",
                "redocly",
                "lint",
                "--config",
                "redocly.yaml",
                "--format=json",
                document.toAbsolutePath().toString()));
        assertThat(result.stdout())
                .as("redocly lint printed no report (exit %d):%n%s", result.exitCode(), result.stderr())
                .contains("\"problems\"");
        JsonNode json = Bodies.json(result.stdout().substring(result.stdout().indexOf('{')));
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (JsonNode node : json.path("problems")) {
            Problem problem = new Problem(
                    node.path("severity").asText(),
                    node.path("ruleId").asText(),
                    node.path("message").asText(),
                    node.path("location").path(0).path("pointer").asText());
            (problem.severity().equals("error") ? errors : warnings).add(problem);
        }
        return new Report(List.copyOf(errors), List.copyOf(warnings), result.stderr());
    }

    /** Lints {@code document} and fails listing its errors, if any; its warnings are printed. */
    public static Report assertNoErrors(Path document) throws IOException, InterruptedException {
        Report report = lint(document);
        report.warnings().forEach(w -> System.out.println("[redocly] " + document.getFileName() + ": " + w));
        assertThat(report.errors()).as("redocly lint errors in %s", document).isEmpty();
        return report;
    }
}
