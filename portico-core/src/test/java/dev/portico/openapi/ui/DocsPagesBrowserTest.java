package dev.portico.openapi.ui;

import static dev.portico.testing.DocsPagesScript.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.TypeRef;
import dev.portico.http.HttpMethod;
import dev.portico.testing.Bodies;
import dev.portico.testing.DocsPagesScript;
import dev.portico.testing.NodeTools;
import dev.portico.testing.RedoclyLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs pages in a real browser (Debian's headless Chromium, driven by playwright-core from
 * {@code src/test/browser/docs-pages.mjs}), against a real app on loopback: both pages render the app's
 * operations, Swagger UI's "Try it out" calls the API, and nothing is fetched from outside 127.0.0.1.
 * Screenshots are kept in {@code target/screenshots/}.
 *
 * <p>The pages are the ones every app gets beside its schema endpoint, and the document is the one generated
 * from the app's endpoints, which must also pass {@code redocly lint}.
 */
class DocsPagesBrowserTest {
    record Item(String name, int quantity) {}

    private static final List<Item> ITEMS = List.of(new Item("apple", 3), new Item("pear", 5));
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    private static Portico app;
    private static JsonNode report;

    @BeforeAll
    static void openPagesInChromium() throws Exception {
        NodeTools.chromium();
        NodeTools.project();
        app = app().start();
        report = DocsPagesScript.open(app.port(), SCREENSHOTS, "operations-items-listItems", Map.of());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private static Portico app() {
        return Portico.builder()
                .shutdownHook(false)
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .schema(s -> s.title("Items API").description("The test application of the docs pages."))
                .endpoint(Endpoint.builder(HttpMethod.GET, "/api/items/")
                        .output(new TypeRef<List<Item>>() {})
                        .query("search", String.class, "")
                        .summary("List items")
                        .handle(request -> ITEMS.stream()
                                .filter(i -> i.name().contains((String) request.input("search")))
                                .toList())
                        .build())
                .post(
                        "/api/items/",
                        Item.class,
                        Item.class,
                        (request, item) -> item,
                        e -> e.status(201).summary("Create an item"))
                .get(
                        "/api/items/{id:int}/",
                        Item.class,
                        request -> ITEMS.get(request.pathParam("id", Integer.class)),
                        e -> e.summary("Retrieve an item"))
                .build();
    }

    @Test
    void swaggerUiShowsEveryOperation() {
        JsonNode swagger = report.path("swaggerUi");
        assertThat(swagger.path("title").asText()).startsWith("Items API");
        List<JsonNode> operations = new ArrayList<>();
        swagger.path("operations").forEach(operations::add);
        assertThat(operations)
                .extracting(
                        o -> o.path("method").asText(),
                        o -> o.path("path").asText(),
                        o -> o.path("summary").asText())
                .containsExactlyInAnyOrder(
                        tuple("GET", "/api/items/", "List items"),
                        tuple("POST", "/api/items/", "Create an item"),
                        tuple("GET", "/api/items/{id}/", "Retrieve an item"),
                        tuple("OPTIONS", "/api/items/", "Describe this path (DRF's metadata)"),
                        tuple("OPTIONS", "/api/items/{id}/", "Describe this path (DRF's metadata)"));
        assertThat(SCREENSHOTS.resolve("swagger-ui.png")).isNotEmptyFile();
    }

    @Test
    void swaggerUiTryItOutCallsTheApi() {
        JsonNode tryItOut = report.path("swaggerUi").path("tryItOut");
        assertThat(tryItOut.path("status").asText()).isEqualTo("200");
        assertThat(Bodies.json(tryItOut.path("body").asText()))
                .isEqualTo(Bodies.json("[{\"name\":\"apple\",\"quantity\":3},{\"name\":\"pear\",\"quantity\":5}]"));
        assertThat(SCREENSHOTS.resolve("swagger-ui-try-it-out.png")).isNotEmptyFile();
    }

    @Test
    void redocShowsEveryOperation() {
        JsonNode redoc = report.path("redoc");
        assertThat(redoc.path("title").asText()).startsWith("Items API");
        assertThat(texts(redoc.path("menu")))
                .containsExactly(
                        "items",
                        "GET List items",
                        "POST Create an item",
                        "OPTS Describe this path (DRF's metadata)",
                        "GET Retrieve an item",
                        "OPTS Describe this path (DRF's metadata)");
        assertThat(texts(redoc.path("operations"))).contains("List items", "Create an item", "Retrieve an item");
        assertThat(redoc.path("text").asText()).contains("/api/items/{id}/");
        assertThat(SCREENSHOTS.resolve("redoc.png")).isNotEmptyFile();
    }

    @Test
    void nothingIsFetchedFromOutside() {
        DocsPagesScript.assertNothingFetchedFromOutside(report);
    }

    /** Redoc 2 always asks for its vendor's logo from a CDN; the page's policy refuses it before it is sent. */
    @Test
    void theOnlyRefusalIsRedocsLogoStoppedByThePolicy() {
        DocsPagesScript.assertOnlyRedocsLogoRefused(report);
    }

    @Test
    void theGeneratedSchemaPassesRedoclyLint(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("openapi.yaml");
        Files.writeString(file, app.openapi().text(dev.portico.openapi.OpenApiDocument.Format.YAML));
        RedoclyLint.assertNoErrors(file);
    }
}
