package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code docs-pages.mjs} of the node project ({@link NodeTools}): headless Chromium opens the Swagger UI
 * and Redoc pages of an app running on 127.0.0.1, executes one GET with Swagger UI's "Try it out", keeps
 * screenshots, and reports what it saw as JSON; the tests make the assertions. Shared by the core test of the
 * docs pages and the example app's, so both check the same things the same way.
 * <pre>{@code
 * JsonNode report = DocsPagesScript.open(app.port(), Path.of("target/screenshots"), "operations-hello-hello",
 *         Map.of("name", "ada"));
 * report.path("swaggerUi").path("tryItOut").path("status");   // "200"
 * DocsPagesScript.assertNothingFetchedFromOutside(report);
 * }</pre>
 */
public final class DocsPagesScript {
    /** Redoc 2 always asks for its vendor's logo from a CDN; the page's policy refuses it before it is sent. */
    public static final String REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";

    private DocsPagesScript() {}

    /**
     * Opens the pages of the app on {@code port}; {@code tryOperation} is Swagger UI's DOM id of a GET
     * ({@code operations-<tag>-<operationId>}), {@code parameters} the values typed into its fields by name.
     * Skips (or under CI=true fails) the test without Chromium or the node packages; fails if the run failed.
     */
    public static JsonNode open(int port, Path screenshots, String tryOperation, Map<String, String> parameters)
            throws IOException, InterruptedException {
        NodeTools.chromium();
        Path project = NodeTools.project();
        NodeTools.Result result = NodeTools.run(List.of(
                "node",
                project.resolve("docs-pages.mjs").toString(),
                "http://127.0.0.1:" + port,
                screenshots.toAbsolutePath().toString(),
                tryOperation,
                Json.mapper().writeValueAsString(parameters)));
        assertThat(result.exitCode())
                .as("docs-pages.mjs failed:%n%s", result.stderr())
                .isZero();
        JsonNode report = Bodies.json(result.stdout());
        System.out.println("[browser] " + report.toPrettyString().replace("\\n", "\n"));
        assertThat(report.path("error").asText(null))
                .as("the browser run failed")
                .isNull();
        return report;
    }

    /** No request left 127.0.0.1 (the script aborts and lists them), and no script error was uncaught. */
    public static void assertNothingFetchedFromOutside(JsonNode report) {
        assertThat(texts(report.path("external")))
                .as("requests that left 127.0.0.1")
                .isEmpty();
        assertThat(texts(report.path("pageErrors")))
                .as("uncaught script errors")
                .isEmpty();
    }

    /** The only failed request, and the only console error, is the refusal of {@link #REDOC_LOGO}. */
    public static void assertOnlyRedocsLogoRefused(JsonNode report) {
        assertThat(texts(report.path("failedRequests")))
                .as("failed requests")
                .allSatisfy(f -> assertThat(f).isEqualTo("redoc: " + REDOC_LOGO + " csp"));
        assertThat(texts(report.path("consoleErrors")))
                .as("console errors, CSP refusals included")
                .allSatisfy(e -> assertThat(e)
                        .startsWith("redoc: Loading the image '" + REDOC_LOGO
                                + "' violates the following Content Security Policy directive"));
    }

    /** The texts of a JSON array, in order. */
    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
