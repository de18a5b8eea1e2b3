package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Get;
import dev.portico.annotation.Query;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.http.FormData;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import dev.portico.input.Omittable;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed bodies and query inputs through the whole pipeline: JSON, urlencoded and multipart, one decoder. */
class BodyBindingTest {
    record Author(String name, Optional<String> email) {}

    record NewPost(String title, List<String> tags, Optional<Integer> priority, Author author) {}

    record UserFilter(String name_gt, String name_lt) {}

    record Echo(String text) {}

    public static class Users {
        @Get("/api/users/")
        public Echo list(@Query UserFilter filter, @Query Optional<Integer> page) {
            return new Echo(filter.name_gt() + ".." + filter.name_lt() + " page " + page.orElse(1));
        }
    }

    static Portico app() {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .post("/api/posts/", NewPost.class, NewPost.class, (request, post) -> post, e -> {})
                .post(
                        "/api/forms/",
                        FormData.class,
                        Echo.class,
                        (request, form) -> new Echo(
                                form.fields().keySet() + " " + form.files().keySet()),
                        e -> {})
                .get(
                        "/api/search/",
                        Echo.class,
                        request -> new Echo(String.valueOf(request.input("filter"))),
                        e -> e.query("filter", UserFilter.class))
                .controller(new Users())
                .build();
    }

    private static Response post(Portico app, String path, String contentType, byte[] body) {
        return app.handle(
                TestRequest.of("POST", path).header("Content-Type", contentType).body(body));
    }

    private static Response form(Portico app, String path, String body) {
        return post(app, path, MediaType.FORM_URLENCODED, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordBodyIsReadFromJsonUrlencodedAndMultipartAlike() {
        Portico app = app();
        Response fromJson = app.handle(TestRequest.of("POST", "/api/posts/")
                .json("{\"title\":\"Hi\",\"tags\":[\"a\",\"b\"],\"priority\":2,\"author\":{\"name\":\"ada\"}}"));
        Response fromForm = form(app, "/api/posts/", "title=Hi&tags=a&tags=b&priority=2&author.name=ada");
        Response fromMultipart = post(
                app,
                "/api/posts/",
                Multipart.contentType(),
                Multipart.create()
                        .field("title", "Hi")
                        .field("tags.0", "a")
                        .field("tags.1", "b")
                        .field("priority", "2")
                        .field("author.name", "ada")
                        .build());
        assertThat(fromJson.status()).isEqualTo(200);
        assertThat(json(fromForm)).isEqualTo(json(fromJson));
        assertThat(json(fromMultipart)).isEqualTo(json(fromJson));
    }

    record Clear(Omittable<LocalDate> day) {}

    @Test
    void anOmittableArrivesInOneOfThreeStatesFromJsonAndForms() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .patch(
                        "/api/clear/",
                        Clear.class,
                        Echo.class,
                        (request, c) -> new Echo(c.day().toString()))
                .build();
        for (String[] sent : new String[][] {
            {"{}", "", "Omittable.absent"},
            {"{\"day\":null}", "day=", "Omittable.null"},
            {"{\"day\":\"2024-05-01\"}", "day=2024-05-01", "Omittable[2024-05-01]"}
        }) {
            Response fromJson =
                    app.handle(TestRequest.of("PATCH", "/api/clear/").json(sent[0]));
            Response fromForm = app.handle(TestRequest.of("PATCH", "/api/clear/")
                    .header("Content-Type", MediaType.FORM_URLENCODED)
                    .body(sent[1].getBytes(StandardCharsets.UTF_8)));
            assertThat(json(fromJson).path("text").asText()).as(sent[0]).isEqualTo(sent[2]);
            assertThat(json(fromForm).path("text").asText()).as(sent[1]).isEqualTo(sent[2]);
        }
    }

    @Test
    void theDefaultMediaTypesAreTheEndpointsTruth() {
        Input.Body body = (Input.Body) app().endpoints().get(0).inputs().get(0);
        assertThat(body.mediaTypes())
                .containsExactly(MediaType.APPLICATION_JSON, MediaType.FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA);
        Input.Body formData = (Input.Body) app().endpoints().get(1).inputs().get(0);
        assertThat(formData.mediaTypes()).containsExactly(MediaType.FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA);
        Endpoint json = Endpoint.builder(dev.portico.http.HttpMethod.POST, "/x/")
                .body(Object.class)
                .handle(r -> null)
                .build();
        assertThat(((Input.Body) json.inputs().get(0)).mediaTypes()).containsExactly(MediaType.APPLICATION_JSON);
    }

    @Test
    void unsupportedMediaTypeIsStill415() {
        Response response = post(app(), "/api/posts/", "text/xml", "<post/>".getBytes());
        assertThat(response.status()).isEqualTo(415);
        assertThat(json(response).get("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(app().handle(TestRequest.of("POST", "/api/forms/").json("{}"))
                        .status())
                .isEqualTo(415);
    }

    @Test
    void formErrorsNameEveryFieldByItsDottedPath() {
        Response response = form(app(), "/api/posts/", "tags.0=a&tags.2=c&priority=high&author.nick=x");
        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = json(response).get("errors");
        assertThat(errors.get("title").get(0).asText()).isEqualTo("This field is required.");
        assertThat(errors.get("tags.1").get(0).asText()).isEqualTo("This field is required.");
        assertThat(errors.get("priority").get(0).asText()).isEqualTo("A valid integer is required.");
        assertThat(errors.get("author.name").get(0).asText()).isEqualTo("This field is required.");
        assertThat(errors.get("author.nick").get(0).asText()).isEqualTo("Unknown field.");
    }

    @Test
    void jsonMissingNullAndWrongTypeAre400UnderTheirDottedPath() {
        Portico app = app();
        JsonNode missing = json(app.handle(TestRequest.of("POST", "/api/posts/")
                .json("{\"title\":\"Hi\",\"tags\":[],\"author\":{\"email\":\"a@b.c\"}}")));
        assertThat(missing.get("errors").get("author.name").get(0).asText()).isEqualTo("This field is required.");
        JsonNode nulled = json(app.handle(TestRequest.of("POST", "/api/posts/")
                .json("{\"title\":null,\"tags\":[],\"author\":{\"name\":\"ada\"}}")));
        assertThat(nulled.get("errors").get("title").get(0).asText()).isEqualTo("This field may not be null.");
        JsonNode optionalNull = json(
                app.handle(
                        TestRequest.of("POST", "/api/posts/")
                                .json(
                                        "{\"title\":\"Hi\",\"tags\":[],\"priority\":null,\"author\":{\"name\":\"ada\",\"email\":null}}")));
        assertThat(optionalNull.get("title").asText()).isEqualTo("Hi");
        JsonNode wrong = json(app.handle(TestRequest.of("POST", "/api/posts/")
                .json("{\"title\":\"Hi\",\"tags\":[],\"priority\":\"abc\",\"author\":{\"name\":\"ada\"}}")));
        assertThat(wrong.get("errors").get("priority").get(0).asText()).isEqualTo("Expected an integer.");
        Response invalid = app.handle(TestRequest.of("POST", "/api/posts/").json("{\"title\":"));
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void formDataBodiesKeepNamesAndFiles() {
        Response response = post(
                app(),
                "/api/forms/",
                Multipart.contentType(),
                Multipart.create()
                        .field("a", "1")
                        .file("doc", "a.txt", "text/plain", "hello".getBytes())
                        .build());
        assertThat(json(response).get("text").asText()).isEqualTo("[a] [doc]");
    }

    @Test
    void aRecordQueryInputBindsFromDottedQueryParameters() {
        Portico app = app();
        assertThat(json(app.handle(TestRequest.get("/api/search/?filter.name_gt=a&filter.name_lt=p")))
                        .get("text")
                        .asText())
                .isEqualTo("UserFilter[name_gt=a, name_lt=p]");
        Response missing = app.handle(TestRequest.get("/api/search/?filter.name_gt=a&filter.x=1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json(missing).get("errors").get("filter.name_lt").get(0).asText())
                .isEqualTo("This field is required.");
        assertThat(json(missing).get("errors").get("filter.x").get(0).asText()).isEqualTo("Unknown field.");
        // absent altogether: each required field is named, as the document lists filter.name_gt and filter.name_lt
        assertThat(json(app.handle(TestRequest.get("/api/search/")))
                        .get("errors")
                        .toString())
                .isEqualTo("{\"filter.name_gt\":[\"This field is required.\"],\"filter.name_lt\":[\"This field is"
                        + " required.\"]}");
    }

    record Range(Optional<Integer> from, Optional<Integer> to) {}

    @Test
    void aListHeaderTakesEachLineSplitAtCommasAndAListCookieFailsAtStartup() {
        Portico app = Portico.builder()
                .config(dev.portico.config.PorticoConfig.defaults())
                .get(
                        "/api/ids/",
                        Echo.class,
                        request -> new Echo(String.valueOf(request.input("X-Ids"))),
                        e -> e.header("X-Ids", new dev.portico.endpoint.TypeRef<List<Integer>>() {}.type(), null))
                .build();
        assertThat(json(app.handle(TestRequest.get("/api/ids/")
                                .header("X-Ids", "1, 2")
                                .header("X-Ids", "3")))
                        .get("text")
                        .asText())
                .isEqualTo("[1, 2, 3]");
        assertThat(json(app.handle(TestRequest.get("/api/ids/").header("X-Ids", "1,x")))
                        .get("errors")
                        .toString())
                .isEqualTo("{\"X-Ids\":[\"A valid integer is required.\"]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Portico.builder()
                        .config(dev.portico.config.PorticoConfig.defaults())
                        .get(
                                "/api/c/",
                                Echo.class,
                                request -> new Echo(""),
                                e -> e.cookie("ids", new dev.portico.endpoint.TypeRef<List<Integer>>() {}.type(), null))
                        .build())
                .hasMessageContaining("GET /api/c/")
                .hasMessageContaining("cookie 'ids' is declared as a List");
    }

    @Test
    void anAbsentRecordQueryInputWhoseFieldsAreAllOptionalBinds() {
        Portico app = Portico.builder()
                .config(dev.portico.config.PorticoConfig.defaults())
                .get(
                        "/api/range/",
                        Echo.class,
                        request -> new Echo(String.valueOf(request.input("range"))),
                        e -> e.query("range", Range.class))
                .build();
        assertThat(json(app.handle(TestRequest.get("/api/range/"))).get("text").asText())
                .isEqualTo("Range[from=Optional.empty, to=Optional.empty]");
        assertThat(json(app.handle(TestRequest.get("/api/range/?range.to=3")))
                        .get("text")
                        .asText())
                .isEqualTo("Range[from=Optional.empty, to=Optional[3]]");
    }

    @Test
    void aControllerTakesARecordAsAQueryInput() {
        Response response = app().handle(TestRequest.get("/api/users/?filter.name_gt=a&filter.name_lt=p&page=3"));
        assertThat(json(response).get("text").asText()).isEqualTo("a..p page 3");
    }
}
