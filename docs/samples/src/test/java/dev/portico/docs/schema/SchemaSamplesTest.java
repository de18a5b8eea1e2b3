package dev.portico.docs.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.annotation.Get;
import dev.portico.annotation.Operation;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import io.swagger.v3.oas.models.info.Contact;
import org.junit.jupiter.api.Test;

/** docs/schema.md: the document's settings in code, an operation's documentation, and the three pages, in-process. */
class SchemaSamplesTest {

    record Health(String status) {}

    record Item(long id, String name) {}

    // region controller
    public static class Items {
        /** Fetches one item by id. */
        @Get("/api/items/{id}/")
        @Operation(summary = "Fetches an item", description = "Answers 404 when there is no such item.")
        public Item retrieve(long id) {
            return new Item(id, "item " + id);
        }
    }
    // endregion controller

    static Portico.Builder app(PorticoConfig config) {
        // region schema
        return Portico.builder()
                .config(config)
                .schema(s -> s.title("Shop API")
                        .description("Products and orders.")
                        .version("2.1.0")
                        .patterns("/api/**") // /health stays out of the document
                        .customizer(openapi -> openapi.getInfo()
                                .contact(new Contact().name("Shop team").email("api@example.com"))))
                .get("/health", Health.class, request -> new Health("ok"))
                .get(
                        "/api/items/",
                        Item[].class,
                        request -> new Item[0],
                        e -> e.operationId("listItems").tags("catalogue").summary("Lists the items"))
                .controller(new Items());
        // endregion schema
    }

    @Test
    void theDocumentAndThePages() {
        Portico app = app(PorticoConfig.builder().build()).build();
        try {
            PorticoClient client = PorticoClient.inProcess(app);
            TestResponse yaml = client.get("/api/schema/").send();
            assertThat(yaml).hasStatus(200);
            assertThat(yaml.text())
                    .contains("title: Shop API")
                    .contains("version: 2.1.0")
                    .contains("api@example.com")
                    .contains("operationId: listItems")
                    .contains("- catalogue")
                    .contains("summary: Fetches an item")
                    .contains("/api/items/{id}/")
                    .doesNotContain("/health");
            assertThat(client.get("/api/schema/").query("format", "json").send())
                    .hasJsonPath("$.info.title", "Shop API")
                    .hasJsonPath("$.openapi", "3.1.0");
            assertThat(client.get("/api/schema/swagger-ui/").send())
                    .hasStatus(200)
                    .hasContentType("text/html");
            assertThat(client.get("/api/schema/redoc/").send()).hasStatus(200).hasContentType("text/html");
        } finally {
            app.stop();
        }
    }

    @Test
    void theDocumentInCode() {
        // region in-code
        Portico app = app(PorticoConfig.builder().build()).build(); // built, not started: no port, no database
        String yaml = app.openapi().text(OpenApiDocument.Format.YAML);
        // endregion in-code
        assertThat(yaml).startsWith("openapi: 3.1.0");
    }

    @Test
    void openApi30() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.OPENAPI_SPEC_VERSION, "3.0.3")
                .build();
        assertThat(app(config).build().openapi().text(OpenApiDocument.Format.YAML))
                .startsWith("openapi: 3.0.3");
    }
}
