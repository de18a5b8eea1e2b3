package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.testing.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's employees demo in Chromium ({@code src/test/node/employees-page.mjs}, playwright-core with Debian's
 * Chromium): the page bundled in the build signs in with a session, then lists, creates, edits and deletes an
 * employee through the generated typescript-fetch client, which sends the session's {@code X-CSRFToken}; the same
 * call without the header is refused, and a name holding markup stays text.
 */
class EmployeesPageBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePageListsCreatesEditsAndDeletesEmployeesThroughTheGeneratedClient() throws Exception {
        NodeTools.chromium();
        Path script = ClientTools.project().resolve("employees-page.mjs");
        assertThat(Path.of("target/classes/frontend/employees.js"))
                .as("the bundle the build makes")
                .isRegularFile();
        try (BlogServer server = BlogServer.start(BlogDatabases.h2())) {
            BlogUsers.create(server.config, "ada", false);
            NodeTools.Result run = ClientTools.run(
                    "node", script.toString(), "http://127.0.0.1:" + server.port(), "ada", BlogUsers.PASSWORD);
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.path("anonymous").asText()).as(report.toString()).startsWith("401: ");
            assertThat(report.path("created").toString())
                    .as(report.toString())
                    .isEqualTo("[[\"Ada <img src=x onerror=\\\"window.__injected=1\\\">\",\"R&D\",\"5000\"]]");
            assertThat(report.path("edited").path(0).path(2).asText()).isEqualTo("6000.5");
            assertThat(report.path("withoutCsrf").asInt()).isEqualTo(403);
            assertThat(report.path("deleted").size()).isZero();
            assertThat(report.path("injected").asBoolean()).isFalse();
            assertThat(report.path("pageErrors").size()).as(report.toString()).isZero();
            assertThat(report.path("external").size()).isZero();
        }
        assertThat(Files.exists(script)).isTrue();
    }
}
