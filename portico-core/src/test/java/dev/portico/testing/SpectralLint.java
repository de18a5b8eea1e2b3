package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints an OpenAPI document with Stoplight's {@code spectral lint} and its {@code spectral:oas} ruleset
 * ({@code src/test/browser/spectral.yaml}), installed from the npm registry by the project's own lock file: a second
 * linter beside {@link RedoclyLint}, since the two check different things (Spectral validates examples and
 * schemas against the OpenAPI JSON Schema, Redocly the structure and references).
 * <pre>{@code
 * SpectralLint.assertNoErrors(Path.of("target/openapi-3.0.yaml"));   // fails listing the errors; prints warnings
 * }</pre>
 */
public final class SpectralLint {

    /** One problem Spectral found. */
    public record Problem(String severity, String code, String message, String path) {
        @Override
        public String toString() {
            return severity + " " + code + " at " + path + ": " + message;
        }
    }

    /** Every problem, errors and the rest apart. */
    public record Report(List<Problem> errors, List<Problem> warnings) {}

    private SpectralLint() {}

    /** Lints {@code document}; skips or fails the test when the tools are missing. */
    public static Report lint(Path document) throws IOException, InterruptedException {
        NodeTools.Result result = NodeTools.run(List.of(
                "npx",
                "--no-install",
                "spectral",
                "lint",
                "--ruleset",
                "spectral.yaml",
                "--format",
                "json",
                "--quiet",
                document.toAbsolutePath().toString()));
        String out = result.stdout();
        assertThat(out)
                .as("spectral lint printed no report (exit %d):%n%s", result.exitCode(), result.stderr())
                .contains("[");
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (JsonNode node : Bodies.json(out.substring(out.indexOf('[')))) {
            List<String> path = new ArrayList<>();
            node.path("path").forEach(p -> path.add(p.asText()));
            int severity = node.path("severity").asInt();
            Problem problem = new Problem(
                    severity == 0 ? "error" : severity == 1 ? "warning" : "info",
                    node.path("code").asText(),
                    node.path("message").asText(),
                    String.join(".", path));
            (severity == 0 ? errors : warnings).add(problem);
        }
        return new Report(List.copyOf(errors), List.copyOf(warnings));
    }

    /** Lints {@code document} and fails listing its errors, if any; the number of the rest is printed. */
    public static Report assertNoErrors(Path document) throws IOException, InterruptedException {
        Report report = lint(document);
        System.out.println("[spectral] " + document.getFileName() + ": "
                + report.errors().size() + " errors, " + report.warnings().size() + " warnings and hints");
        assertThat(report.errors()).as("spectral lint errors in %s", document).isEmpty();
        return report;
    }
}
