package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.testing.NodeTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI's "Authorize" dialog for each scheme a protected operation documents, in headless Chromium against the
 * example on loopback: portico-core's {@code swagger-ui-authorize.mjs} runs "Try it out" of listEmployees without
 * credentials (401), then with a bearer token, HTTP Basic and an {@code Api-Key} entered in the dialog in turn, logging
 * the previous one out each time. The session's "Try it out" is {@link SwaggerUiSessionBrowserTest}'s.
 */
class SwaggerUiAuthorizeBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    private static BlogServer server;
    private static JsonNode report;

    @BeforeAll
    static void authorizeEachSchemeInChromium() throws Exception {
        NodeTools.chromium();
        server = BlogServer.start(BlogDatabases.h2());
        long ada = BlogUsers.create(server.config, "ada", false).id();
        String key = BlogUsers.key(server.config, ada);
        String credentials = new ObjectMapper()
                .writeValueAsString(List.of(
                        Map.of("scheme", "jwtAuth", "token", BlogUsers.token(server.port(), "ada")),
                        Map.of("scheme", "basicAuth", "username", "ada", "password", BlogUsers.PASSWORD),
                        Map.of("scheme", "apiKeyAuth", "value", "Api-Key " + key)));
        report = NodeTools.browserReport(
                "swagger-ui-authorize.mjs",
                "http://127.0.0.1:" + server.port(),
                SCREENSHOTS.toString(),
                "operations-employees-listEmployees",
                "/api/employees/",
                credentials);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode run(String scheme) {
        for (JsonNode run : report.path("runs")) {
            if (run.path("scheme").asText().equals(scheme)) {
                return run;
            }
        }
        throw new AssertionError("no run with " + scheme + " in " + report);
    }

    @Test
    void withoutAuthorizingTheOperationIsRefused() {
        assertThat(run("none").path("status").asText()).isEqualTo("401");
        assertThat(run("none").path("authorization").isNull()).isTrue();
    }

    @Test
    void aBearerTokenEnteredInAuthorizeIsSentAndAnswered200() {
        assertThat(run("jwtAuth").path("status").asText()).isEqualTo("200");
        assertThat(run("jwtAuth").path("authorization").asText()).startsWith("Bearer ");
    }

    @Test
    void httpBasicEnteredInAuthorizeIsSentAndAnswered200() {
        assertThat(run("basicAuth").path("status").asText()).isEqualTo("200");
        assertThat(run("basicAuth").path("authorization").asText()).startsWith("Basic ");
    }

    @Test
    void anApiKeyEnteredInAuthorizeIsSentAndAnswered200() {
        assertThat(run("apiKeyAuth").path("status").asText()).isEqualTo("200");
        assertThat(run("apiKeyAuth").path("authorization").asText()).startsWith("Api-Key k-");
        assertThat(report.path("pageErrors")).isEmpty();
        assertThat(SCREENSHOTS.resolve("swagger-ui-authorize-apiKeyAuth.png")).isNotEmptyFile();
    }
}
