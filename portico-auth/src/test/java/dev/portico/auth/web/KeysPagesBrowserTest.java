package dev.portico.auth.web;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.data.TestDatabase;
import dev.portico.testing.Bodies;
import dev.portico.testing.KeysPageScript;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API keys page in a real browser (Debian's headless Chromium, driven by playwright-core from portico-core's
 * {@code src/test/browser/keys-page.mjs}), against a real app on loopback with H2: sign in, create a key whose
 * name holds markup, copy the secret shown once, use it against the API (200), revoke it on the page, and see it
 * refused (401); then the same with JavaScript off. Screenshots are kept in {@code target/screenshots/}.
 */
class KeysPagesBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static final String KEY_NAME = "ci <script>window.__injected = 1</script>";

    private static TestDatabase database;
    private static KeysPagesApp app;
    private static JsonNode report;

    @BeforeAll
    static void useThePageInChromium() throws Exception {
        database = TestDatabase.h2();
        app = KeysPagesApp.started(database);
        app.user("ada");
        report = KeysPageScript.run(
                app.app.port(), KeysPagesApp.PREFIX, SCREENSHOTS, "ada", KeysPagesApp.PASSWORD, "/api/whoami/");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void signsInWithTheForm() {
        JsonNode signIn = report.path("js").path("signIn");
        assertThat(signIn.path("hasForm").asBoolean()).isTrue();
        assertThat(signIn.path("title").asText()).isEqualTo("API keys · Test site");
        assertThat(signIn.path("signedInAs").asText()).isEqualTo("ada");
        assertThat(texts(report.path("navigations")))
                .contains("js: POST /account/keys/login/ 303", "js: GET /account/keys/ 200");
        assertThat(SCREENSHOTS.resolve("keys-sign-in.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("keys-empty.png")).isNotEmptyFile();
    }

    @Test
    void theNewKeyIsShownOnceWithItsNameAsTextAndCopies() {
        JsonNode created = report.path("js").path("created");
        String credential = created.path("credential").asText();
        assertThat(credential).matches("k-[0-9a-f]{16}:[A-Za-z0-9]{40}");
        assertThat(created.path("heading").asText()).isEqualTo("New key “" + KEY_NAME + "”");
        assertThat(created.path("rowName").asText()).isEqualTo(KEY_NAME);
        assertThat(created.path("injected").isNull())
                .as("the name's script never ran")
                .isTrue();
        assertThat(created.path("inlineScripts").asInt()).isZero();
        assertThat(created.path("copyButtonVisible").asBoolean()).isTrue();
        assertThat(created.path("copyButton").asText()).isEqualTo("Copied");
        assertThat(created.path("copyStatus").asText()).isEqualTo("The key is on your clipboard.");
        assertThat(created.path("clipboard").asText()).isEqualTo(credential);
        assertThat(texts(report.path("navigations"))).contains("js: POST /account/keys/create/ 201");
        assertThat(report.path("js").path("listShowsSecret").asBoolean()).isFalse();
        assertThat(report.path("js").path("revokedPageShowsSecret").asBoolean()).isFalse();
        assertThat(texts(report.path("navigations")))
                .allSatisfy(n -> assertThat(n).doesNotContain(credential.substring(credential.indexOf(':') + 1)));
        assertThat(SCREENSHOTS.resolve("keys-created.png")).isNotEmptyFile();
    }

    @Test
    void theKeyWorksUntilItIsRevokedOnThePage() {
        JsonNode js = report.path("js");
        assertThat(js.path("apiWithKey").path("status").asInt()).isEqualTo(200);
        assertThat(Bodies.json(js.path("apiWithKey").path("body").asText())
                        .path("username")
                        .asText())
                .isEqualTo("ada");
        assertThat(Bodies.json(js.path("apiWithKey").path("body").asText())
                        .path("key")
                        .asText())
                .isEqualTo(js.path("keyId").asText());
        assertThat(js.path("apiWithoutKey").path("status").asInt()).isEqualTo(401);
        assertThat(js.path("listRow").asText())
                .contains(js.path("keyId").asText())
                .contains("active");
        assertThat(js.path("revoked").path("notice").asText())
                .contains(js.path("keyId").asText())
                .contains("is revoked");
        assertThat(js.path("revoked").path("status").asText()).startsWith("revoked");
        assertThat(js.path("revoked").path("revokeButtons").asInt()).isZero();
        assertThat(js.path("apiAfterRevoke").path("status").asInt()).isEqualTo(401);
        assertThat(SCREENSHOTS.resolve("keys-list.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("keys-revoked.png")).isNotEmptyFile();
    }

    @Test
    void everythingWorksWithJavaScriptOff() {
        JsonNode noJs = report.path("noJs");
        assertThat(noJs.path("signIn").path("signedInAs").asText()).isEqualTo("ada");
        assertThat(noJs.path("created").path("credential").asText()).matches("k-[0-9a-f]{16}:[A-Za-z0-9]{40}");
        assertThat(noJs.path("created").path("copyButtonVisible").asBoolean())
                .as("the copy button needs the script, so it stays hidden without it")
                .isFalse();
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
