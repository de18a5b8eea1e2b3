package dev.portico.examples.blog;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.testing.Bodies;
import dev.portico.testing.DocsPagesScript;
import dev.portico.testing.NodeTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example app's docs pages in headless Chromium ({@link DocsPagesScript}), against the real app on
 * loopback: Swagger UI and Redoc show every operation of the app's document, Swagger UI's "Try it out" of the
 * hello endpoint gets a 200, and nothing is fetched from outside 127.0.0.1. Screenshots are kept in
 * {@code examples/blog/target/screenshots/}.
 */
class DocsPagesBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    /** The example's operations, by operationId; the rest of what is shown is read from its document. */
    private static final List<String> OPERATION_IDS = List.of(
            "hello",
            "createUpload",
            "obtainToken",
            "refreshToken",
            "verifyToken",
            "retrieveCsrfToken",
            "register",
            "verifyEmail",
            "resendEmail",
            "login",
            "logout",
            "logoutEverywhere",
            "retrieveCurrentUser",
            "updateCurrentUser",
            "partialUpdateCurrentUser",
            "changePassword",
            "requestPasswordReset",
            "confirmPasswordReset",
            "refreshJwt",
            "verifyJwt",
            "listPosts",
            "createPost",
            "retrievePost",
            "updatePost",
            "partialUpdatePost",
            "destroyPost",
            "listEmployees",
            "createEmployee",
            "retrieveEmployee",
            "updateEmployee",
            "partialUpdateEmployee",
            "destroyEmployee",
            "homeDescribeSite",
            "homeDescribeUser",
            "homeFindUser",
            "homeListNamedUsers",
            "homeListUsers",
            "homeUpload",
            "typesEcho",
            "apiIndex");

    /** One operation of the document, as the pages should show it. */
    record Operation(String tag, String operationId, String method, String path, String summary) {
        /** Swagger UI's DOM id of the operation's block (its deep link). */
        String swaggerUiId() {
            return "operations-" + tag + "-" + operationId;
        }

        /** Redoc's menu entry: its badge shortens DELETE to DEL and OPTIONS to OPTS. */
        String redocMenuEntry() {
            return (method.equals("DELETE") ? "DEL" : method.equals("OPTIONS") ? "OPTS" : method) + " " + summary;
        }
    }

    private static Portico app;
    private static BlogDatabases database;
    private static List<Operation> operations;
    private static JsonNode report;

    @BeforeAll
    static void openPagesInChromium() throws Exception {
        NodeTools.chromium();
        NodeTools.project();
        database = BlogDatabases.h2();
        app = BlogApp.app(database.serverConfig()).shutdownHook(false).build().start();
        operations = operations(Bodies.json(app.openapi().bytes(OpenApiDocument.Format.JSON)));
        report = DocsPagesScript.open(app.port(), SCREENSHOTS, "operations-hello-hello", Map.of("name", "ada"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The document's operations, in its order. */
    private static List<Operation> operations(JsonNode document) {
        List<Operation> found = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op -> found.add(new Operation(
                                op.getValue().path("tags").path(0).asText(),
                                op.getValue().path("operationId").asText(),
                                op.getKey().toUpperCase(Locale.ROOT),
                                path.getKey(),
                                op.getValue().path("summary").asText()))));
        return found;
    }

    @Test
    void theDocumentHasTheExamplesOperations() {
        assertThat(operations)
                .filteredOn(o -> !o.method().equals("OPTIONS"))
                .extracting(Operation::operationId)
                .containsExactlyInAnyOrderElementsOf(OPERATION_IDS);
        // every path also documents its OPTIONS answer (DRF's metadata), named after the path's main operation
        assertThat(operations)
                .filteredOn(o -> o.method().equals("OPTIONS"))
                .extracting(Operation::path)
                .containsExactlyInAnyOrderElementsOf(
                        operations.stream().map(Operation::path).distinct().toList());
        assertThat(operations)
                .filteredOn(o -> o.method().equals("OPTIONS"))
                .extracting(Operation::operationId)
                .allMatch(id -> id.startsWith("options"));
        assertThat(operations).extracting(Operation::summary).doesNotContain("");
    }

    @Test
    void swaggerUiShowsEveryOperation() {
        JsonNode swagger = report.path("swaggerUi");
        assertThat(swagger.path("title").asText()).startsWith("Blog API");
        List<Tuple> shown = new ArrayList<>();
        swagger.path("operations")
                .forEach(o -> shown.add(tuple(
                        o.path("id").asText(),
                        o.path("method").asText(),
                        o.path("path").asText(),
                        o.path("summary").asText())));
        assertThat(shown)
                .containsExactlyInAnyOrderElementsOf(operations.stream()
                        .map(o -> tuple(o.swaggerUiId(), o.method(), o.path(), o.summary()))
                        .toList());
        assertThat(SCREENSHOTS.resolve("swagger-ui.png")).isNotEmptyFile();
    }

    @Test
    void swaggerUiTryItOutCallsTheHelloEndpoint() {
        JsonNode tryItOut = report.path("swaggerUi").path("tryItOut");
        assertThat(tryItOut.path("status").asText()).isEqualTo("200");
        assertThat(Bodies.json(tryItOut.path("body").asText())).isEqualTo(Bodies.json("{\"message\":\"Hello, ada!\"}"));
        assertThat(SCREENSHOTS.resolve("swagger-ui-try-it-out.png")).isNotEmptyFile();
    }

    @Test
    void redocShowsEveryOperation() {
        JsonNode redoc = report.path("redoc");
        assertThat(redoc.path("title").asText()).startsWith("Blog API");
        Map<String, List<String>> byTag = new LinkedHashMap<>();
        operations.forEach(
                o -> byTag.computeIfAbsent(o.tag(), t -> new ArrayList<>()).add(o.redocMenuEntry()));
        List<String> menu = new ArrayList<>();
        byTag.forEach((tag, entries) -> {
            menu.add(tag);
            menu.addAll(entries);
        });
        assertThat(texts(redoc.path("menu"))).containsExactlyElementsOf(menu);
        assertThat(texts(redoc.path("operations")))
                .containsAll(operations.stream().map(Operation::summary).toList());
        assertThat(redoc.path("text").asText())
                .contains(operations.stream().map(Operation::path).toList());
        assertThat(SCREENSHOTS.resolve("redoc.png")).isNotEmptyFile();
    }

    @Test
    void nothingIsFetchedFromOutside() {
        DocsPagesScript.assertNothingFetchedFromOutside(report);
    }

    @Test
    void theOnlyRefusalIsRedocsLogoStoppedByThePolicy() {
        DocsPagesScript.assertOnlyRedocsLogoRefused(report);
    }
}
