package dev.portico.testing;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@code keys-page.mjs} of the node project ({@link NodeTools}): headless Chromium signs in on portico-auth's
 * API keys page of an app on 127.0.0.1, creates a key, calls the API path with it, revokes it and calls again, with
 * JavaScript on and off, keeps screenshots, and reports what it saw as JSON; the tests make the assertions. Shared
 * by portico-auth's test of the page and the example app's, so both drive the same script the same way.
 * <pre>{@code
 * JsonNode report = KeysPageScript.run(app.port(), "/account/keys/", Path.of("target/screenshots"), "ada",
 *         password, "/api/employees/");
 * report.path("js").path("apiWithKey").path("status");   // 200
 * }</pre>
 */
public final class KeysPageScript {
    private KeysPageScript() {}

    /**
     * Drives the page at {@code prefix} as {@code username}; {@code apiPath} must answer 200 to the key and 401
     * without it. Skips (or under CI=true fails) the test without Chromium or the node packages; fails if the run
     * failed. The report is printed with every secret masked: a test's output is a log too.
     */
    public static JsonNode run(
            int port, String prefix, Path screenshots, String username, String password, String apiPath)
            throws IOException, InterruptedException {
        NodeTools.chromium();
        Path project = NodeTools.project();
        NodeTools.Result result = NodeTools.run(List.of(
                "node",
                project.resolve("keys-page.mjs").toString(),
                "http://127.0.0.1:" + port,
                prefix,
                screenshots.toAbsolutePath().toString(),
                username,
                password,
                apiPath));
        assertThat(result.exitCode())
                .as("keys-page.mjs failed:%n%s", result.stderr())
                .isZero();
        JsonNode report = Bodies.json(result.stdout());
        String shown = report.toPrettyString();
        for (String run : List.of("js", "noJs")) {
            String secret =
                    report.path(run).path("created").path("credential").asText().replaceFirst("^[^:]*:", "");
            shown = secret.isEmpty() ? shown : shown.replace(secret, "********");
        }
        System.out.println("[browser] " + shown);
        assertThat(report.path("error").asText(null))
                .as("the browser run failed")
                .isNull();
        return report;
    }

    /** Nothing left 127.0.0.1, no script error, no console error (CSP refusals included), no failed request. */
    public static void assertNothingFetchedFromOutsideAndNothingRefused(JsonNode report) {
        assertThat(texts(report.path("external")))
                .as("requests that left 127.0.0.1")
                .isEmpty();
        assertThat(texts(report.path("pageErrors")))
                .as("uncaught script errors")
                .isEmpty();
        assertThat(texts(report.path("consoleErrors")))
                .as("console errors, CSP refusals included")
                .isEmpty();
        assertThat(texts(report.path("failedRequests"))).as("failed requests").isEmpty();
    }
}
