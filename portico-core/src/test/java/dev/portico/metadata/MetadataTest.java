package dev.portico.metadata;

import static dev.portico.testing.Bodies.json;
import static dev.portico.testing.Bodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.ReadOnly;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.NotFound;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OPTIONS as DRF's SimpleMetadata: the shape, the fields, and actions only for what the caller may write. */
class MetadataTest {
    enum Colour {
        RED,
        DARK_BLUE
    }

    record Tag(@Size(max = 10) String name) {}

    record Note(long id, String title, @ReadOnly Instant createdAt, Colour colour) {}

    record NoteInput(
            @NotBlank @Size(max = 50) String title,
            Optional<LocalDate> publishDate,
            @DecimalMin("0") BigDecimal price,
            Colour colour,
            List<Tag> tags) {}

    private static Portico app() {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(TestCaller.bearer())
                .permissions(Permission.authenticatedOrReadOnly())
                .get("/api/notes/", Note.class, r -> null, e -> e.description("Notes of the caller."))
                .endpoint(Endpoint.builder(HttpMethod.POST, "/api/notes/")
                        .output(Note.class)
                        .body(NoteInput.class)
                        .permissions(Permission.hasRole("writer"))
                        .handle(r -> null)
                        .build())
                .build();
    }

    private static Response options(String caller) {
        TestRequest request = TestRequest.of("OPTIONS", "/api/notes/");
        if (caller != null) {
            request.header("Authorization", "Bearer " + caller);
        }
        return app().handle(request);
    }

    @Test
    void answersDrfsShapeWithTheFieldsOfOutputAndInput() {
        Response response = options("ada;role=writer");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValue("Allow")).contains("GET, HEAD, POST, OPTIONS");
        JsonNode body = json(response);
        assertThat(body.get("name").asText()).isEqualTo("Note");
        assertThat(body.get("description").asText()).isEqualTo("Notes of the caller.");
        assertThat(body.get("renders").toString()).isEqualTo("[\"application/json\"]");
        assertThat(body.get("parses").toString())
                .isEqualTo("[\"application/json\",\"application/x-www-form-urlencoded\",\"multipart/form-data\"]");
        JsonNode post = body.get("actions").get("POST");
        assertThat(post.get("id").toString())
                .isEqualTo("{\"type\":\"integer\",\"required\":false,\"read_only\":true,\"label\":\"ID\"}");
        assertThat(post.get("title").toString())
                .isEqualTo(
                        "{\"type\":\"string\",\"required\":true,\"read_only\":false,\"label\":\"Title\",\"max_length\":50}");
        assertThat(post.get("createdAt").get("type").asText()).isEqualTo("datetime");
        assertThat(post.get("publishDate").toString())
                .isEqualTo("{\"type\":\"date\",\"required\":false,\"read_only\":false,\"label\":\"Publish date\"}");
        assertThat(post.get("price").get("min_value").asInt()).isZero();
        assertThat(post.get("colour").get("choices").toString())
                .isEqualTo(
                        "[{\"value\":\"RED\",\"display_name\":\"Red\"},{\"value\":\"DARK_BLUE\",\"display_name\":\"Dark"
                                + " blue\"}]");
        assertThat(post.get("tags").get("type").asText()).isEqualTo("list");
        assertThat(post.get("tags")
                        .get("child")
                        .get("children")
                        .get("name")
                        .get("max_length")
                        .asInt())
                .isEqualTo(10);
        assertThat(post.fieldNames())
                .toIterable()
                .containsExactly("id", "title", "createdAt", "colour", "publishDate", "price", "tags");
    }

    @Test
    void leavesOutActionsTheCallerMayNotTake() {
        JsonNode body = json(options("bob"));
        assertThat(body.has("actions")).isFalse();
        assertThat(body.get("name").asText()).isEqualTo("Note");
    }

    @Test
    void runsTheGetEndpointsPoliciesFirst() {
        Portico closed = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(TestCaller.bearer())
                .permissions(Permission.authenticated())
                .get("/api/notes/", Note.class, r -> null)
                .build();
        Response response = closed.handle(TestRequest.of("OPTIONS", "/api/notes/"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
        assertThat(text(closed.handle(TestRequest.of("OPTIONS", "/api/notes/").header("Authorization", "Bearer ada"))))
                .startsWith("{\"name\":\"Note\"");
    }

    /** DRF's {@code determine_actions} calls {@code get_object()} and leaves PUT out on 403 or 404. */
    @Test
    void listsPutOnAnObjectOnlyWhenItsObjectAccessAllows() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(TestCaller.bearer())
                .permissions(Permission.authenticated())
                .get("/api/notes/{id:long}/", Note.class, r -> null)
                .endpoint(Endpoint.builder(HttpMethod.PUT, "/api/notes/{id:long}/")
                        .output(Note.class)
                        .body(NoteInput.class)
                        .handle(r -> null)
                        .objectAccess(r -> {
                            if (r.pathParam("id", Long.class) != 1L) {
                                throw new NotFound();
                            }
                            return r.principal().orElseThrow().id().equals("ada");
                        })
                        .build())
                .build();
        assertThat(json(optionsOn(app, "/api/notes/1/", "ada")).get("actions").has("PUT"))
                .isTrue();
        Response others = optionsOn(app, "/api/notes/1/", "bob");
        assertThat(others.status()).isEqualTo(200);
        assertThat(json(others).has("actions")).isFalse();
        assertThat(json(optionsOn(app, "/api/notes/2/", "ada")).has("actions")).isFalse();
    }

    private static Response optionsOn(Portico app, String path, String caller) {
        return app.handle(TestRequest.of("OPTIONS", path).header("Authorization", "Bearer " + caller));
    }

    record Memo(
            @com.fasterxml.jackson.annotation.JsonPropertyDescription("What the memo is about.")
            String subject,

            @com.fasterxml.jackson.annotation.JsonPropertyDescription("Who reads it.")
            Tag reader) {}

    /** DRF's {@code help_text} is the property's own description, the one the OpenAPI document gives it. */
    @Test
    void helpTextIsThePropertysDescriptionAsTheDocumentHasIt() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .post("/api/memos/", Memo.class, Memo.class, (r, memo) -> memo)
                .build();
        JsonNode post = json(app.handle(TestRequest.of("OPTIONS", "/api/memos/")))
                .get("actions")
                .get("POST");
        assertThat(post.get("subject").get("help_text").asText()).isEqualTo("What the memo is about.");
        assertThat(post.get("reader").get("help_text").asText()).isEqualTo("Who reads it.");
        var schema = app.openapi().model().getComponents().getSchemas().get("Memo");
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>)
                                schema.getProperties().get("subject"))
                        .getDescription())
                .isEqualTo("What the memo is about.");
        var reader = (io.swagger.v3.oas.models.media.Schema<?>)
                schema.getProperties().get("reader");
        assertThat(reader.getDescription()).isEqualTo("Who reads it.");
        assertThat(reader.getAllOf()).hasSize(1);
    }
}
