package dev.portico.examples.blog;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.testing.NodeTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browsable API of the example in headless Chromium (portico-core's {@code browsable-api.mjs}) against the real
 * {@link BlogApp} on loopback with H2: a user logs in through the page's link, submits the POST form of
 * {@code /api/posts/} with an error and then without, reads the new post, replaces it with the PUT form (then with an
 * error beside its field), patches it through the raw data form, deletes it after confirming, and a forged
 * form on another origin is refused. axe-core checks every page; screenshots are kept in
 * {@code examples/blog/target/screenshots/browsable-*.png}.
 */
class BrowsableApiBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    private static BlogServer server;
    private static JsonNode report;

    @BeforeAll
    static void useTheApiInChromium() throws Exception {
        NodeTools.chromium();
        server = BlogServer.start(BlogDatabases.h2());
        BlogUsers.create(server.config, "ada", false);
        report = NodeTools.browserReport(
                "browsable-api.mjs",
                "http://127.0.0.1:" + server.port(),
                "/api/posts/",
                SCREENSHOTS.toString(),
                "ada",
                BlogUsers.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void logsInThroughThePageAndPostsWithTheForm() {
        assertThat(report.path("anonymous").path("status").asInt()).isEqualTo(401);
        assertThat(report.path("anonymous").path("loginLink").asText()).startsWith("/api-auth/login/?next=");
        assertThat(report.path("loggedIn").path("url").asText()).isEqualTo("/api/posts/");
        assertThat(report.path("loggedIn").path("who").asText()).isEqualTo("ada");
        assertThat(report.path("created").path("status").asInt()).isEqualTo(201);
        assertThat(report.path("item").path("status").asInt()).isEqualTo(200);
        assertThat(report.path("item").path("url").asText())
                .isEqualTo(report.path("created").path("location").asText());
        assertThat(report.path("item").path("title").asText()).isEqualTo("From the browser");
        assertThat(report.path("replaced").path("status").asInt()).isEqualTo(200);
        assertThat(report.path("replaced").path("body").asText()).contains("\"Replaced in the browser\"");
    }

    /** PUT, PATCH and DELETE go through the page's own script (fetch), each with the session's CSRF token. */
    @Test
    void thePutRawPatchAndDeleteFormsWorkThroughThePagesScript() {
        assertThat(report.path("replaced").path("csrf").asText()).isNotEmpty();
        JsonNode putInvalid = report.path("putInvalid");
        assertThat(putInvalid.path("status").asInt()).isEqualTo(400);
        assertThat(putInvalid.path("fieldError").asText()).isEqualTo("This field may not be blank.");
        assertThat(putInvalid.path("describedBy").asText()).contains("form-put-title-errors");
        assertThat(putInvalid.path("content").asText()).isNotEmpty();
        JsonNode patched = report.path("patched");
        assertThat(patched.path("status").asInt()).isEqualTo(200);
        assertThat(patched.path("csrf").asText()).isNotEmpty();
        assertThat(patched.path("type").asText()).startsWith("application/json");
        assertThat(patched.path("body").asText()).contains("\"Patched through the raw form\"");
        assertThat(report.path("deleteDismissed").path("status").asInt()).isEqualTo(200);
        assertThat(report.path("deleteQuestion").asText()).isEqualTo("Delete this resource?");
        JsonNode deleted = report.path("deleted");
        assertThat(deleted.path("status").asInt()).isEqualTo(204);
        assertThat(deleted.path("csrf").asText()).isNotEmpty();
        assertThat(deleted.path("url").asText()).isEqualTo("/api/posts/");
        assertThat(deleted.path("after").asInt()).isEqualTo(404);
    }

    @Test
    void aFieldErrorIsShownBesideItsField() {
        JsonNode invalid = report.path("invalid");
        assertThat(invalid.path("status").asInt()).isEqualTo(400);
        assertThat(invalid.path("fieldError").asText()).isEqualTo("This field may not be blank.");
        assertThat(invalid.path("describedBy").asText()).contains("form-post-title-errors");
        assertThat(invalid.path("content").asText()).isEqualTo("Written in the browsable API.");
    }

    @Test
    void aForgedCrossSiteFormPostIsRefused() {
        assertThat(report.path("forged").path("status").asInt()).isEqualTo(403);
        assertThat(report.path("forged").path("page").asText()).contains("csrf_failed");
        assertThat(report.path("forgedCount").asInt()).isZero();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPage() {
        List<String> found = new ArrayList<>();
        report.path("axe")
                .properties()
                .forEach(page -> page.getValue().forEach(v -> {
                    if (List.of("serious", "critical").contains(v.path("impact").asText())) {
                        found.add(page.getKey() + ": " + v.path("id").asText() + " " + v.path("nodes"));
                    }
                }));
        assertThat(report.path("axe").size()).isEqualTo(9);
        assertThat(found).isEmpty();
    }

    @Test
    void nothingLeftTheSiteAndNothingWasRefusedByThePolicy() {
        assertThat(texts(report.path("external"))).isEmpty();
        assertThat(texts(report.path("pageErrors"))).isEmpty();
        assertThat(texts(report.path("consoleErrors")))
                .allSatisfy(e -> assertThat(e)
                        .as("only the answers' own statuses may be logged")
                        .containsPattern("status of (400|401|403)"));
        assertThat(SCREENSHOTS.resolve("browsable-list.png")).isNotEmptyFile();
    }
}
