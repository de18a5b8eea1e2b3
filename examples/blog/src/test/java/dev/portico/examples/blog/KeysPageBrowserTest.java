package dev.portico.examples.blog;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.testing.Bodies;
import dev.portico.testing.KeysPageScript;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's API keys page, {@code /account/keys/}, in headless Chromium: portico-core's
 * {@code keys-page.mjs} (the script portico-auth's {@code KeysPagesBrowserTest} runs against its small app) against
 * the real {@link BlogApp} on loopback with H2. It signs in, creates a key, calls {@code /api/employees/} with it
 * (200), revokes it on the page and calls again (401); then the same with JavaScript off. Screenshots are kept in
 * {@code examples/blog/target/screenshots/}.
 */
class KeysPageBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static final String PREFIX = "/account/keys/";

    private static BlogServer server;
    private static JsonNode report;

    @BeforeAll
    static void useThePageInChromium() throws Exception {
        server = BlogServer.start(BlogDatabases.h2());
        BlogUsers.create(server.config, "ada", false);
        report = KeysPageScript.run(server.port(), PREFIX, SCREENSHOTS, "ada", BlogUsers.PASSWORD, "/api/employees/");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signsInOnTheExamplesPage() {
        JsonNode signIn = report.path("js").path("signIn");
        assertThat(signIn.path("hasForm").asBoolean()).isTrue();
        assertThat(signIn.path("title").asText()).isEqualTo("API keys · Blog");
        assertThat(signIn.path("signedInAs").asText()).isEqualTo("ada");
        assertThat(texts(report.path("navigations")))
                .contains(
                        "js: POST /account/keys/login/ 303",
                        "js: GET /account/keys/ 200",
                        "js: POST /account/keys/create/ 201");
        assertThat(SCREENSHOTS.resolve("keys-sign-in.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("keys-created.png")).isNotEmptyFile();
    }

    @Test
    void theKeyReadsTheUsersEmployeesUntilItIsRevoked() {
        JsonNode js = report.path("js");
        assertThat(js.path("created").path("credential").asText()).matches("k-[0-9a-f]{16}:[A-Za-z0-9]{40}");
        assertThat(js.path("created").path("clipboard").asText())
                .isEqualTo(js.path("created").path("credential").asText());
        assertThat(js.path("apiWithKey").path("status").asInt()).isEqualTo(200);
        assertThat(Bodies.json(js.path("apiWithKey").path("body").asText()).has("results"))
                .isTrue();
        assertThat(js.path("apiWithoutKey").path("status").asInt()).isEqualTo(401);
        assertThat(js.path("revoked").path("status").asText()).startsWith("revoked");
        assertThat(js.path("apiAfterRevoke").path("status").asInt()).isEqualTo(401);
        assertThat(Bodies.json(js.path("apiAfterRevoke").path("body").asText())
                        .path("detail")
                        .asText())
                .isEqualTo("Invalid API key.");
        assertThat(js.path("listShowsSecret").asBoolean()).isFalse();
        assertThat(SCREENSHOTS.resolve("keys-revoked.png")).isNotEmptyFile();
    }

    @Test
    void everythingWorksWithJavaScriptOff() {
        JsonNode noJs = report.path("noJs");
        assertThat(noJs.path("signIn").path("signedInAs").asText()).isEqualTo("ada");
        assertThat(noJs.path("apiWithKey").asInt()).isEqualTo(200);
        assertThat(noJs.path("revoked").path("status").asText()).startsWith("revoked");
        assertThat(noJs.path("apiAfterRevoke").asInt()).isEqualTo(401);
        assertThat(SCREENSHOTS.resolve("keys-created-no-js.png")).isNotEmptyFile();
    }

    @Test
    void nothingIsFetchedFromOutsideAndNothingIsRefused() {
        KeysPageScript.assertNothingFetchedFromOutsideAndNothingRefused(report);
    }
}
