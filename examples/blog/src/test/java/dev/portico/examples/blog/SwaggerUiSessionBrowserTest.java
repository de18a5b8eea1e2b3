package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.testing.Bodies;
import dev.portico.testing.NodeTools;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI's "Try it out" of a POST for a user signed in with a session, in headless Chromium against the example
 * on loopback: portico-core's {@code swagger-ui-session.mjs} signs in as a browser does and runs createPost. The page's
 * request interceptor copies the CSRF cookie into {@code X-CSRFToken}, as drf-spectacular's does; without it the POST
 * is DRF's 403 "CSRF Failed: CSRF token missing.".
 */
class SwaggerUiSessionBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    private static BlogServer server;
    private static JsonNode report;

    @BeforeAll
    static void tryAPostInChromium() throws Exception {
        NodeTools.chromium();
        server = BlogServer.start(BlogDatabases.h2());
        BlogUsers.create(server.config, "ada", false);
        report = NodeTools.browserReport(
                "swagger-ui-session.mjs",
                "http://127.0.0.1:" + server.port(),
                SCREENSHOTS.toString(),
                "ada",
                BlogUsers.PASSWORD,
                "operations-posts-createPost",
                "{\"title\": \"From Swagger UI\", \"content\": \"Tried it out.\"}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSessionUserCreatesAPostWithTryItOut() {
        assertThat(report.path("login").asInt()).isEqualTo(200);
        assertThat(report.path("tryItOut").path("status").asText()).isEqualTo("201");
        assertThat(Bodies.json(report.path("tryItOut").path("body").asText())
                        .path("title")
                        .asText())
                .isEqualTo("From Swagger UI");
        assertThat(SCREENSHOTS.resolve("swagger-ui-session-post.png")).isNotEmptyFile();
    }

    @Test
    void thePostCarriedTheCsrfTokenFromTheCookie() {
        JsonNode post = null;
        for (JsonNode request : report.path("requests")) {
            if (request.path("url").asText().equals("/api/posts/")) {
                post = request;
            }
        }
        assertThat(post).as("Swagger UI's POST /api/posts/").isNotNull();
        assertThat(post.path("csrf").asText("")).isNotEmpty();
        assertThat(report.path("pageErrors")).isEmpty();
    }
}
