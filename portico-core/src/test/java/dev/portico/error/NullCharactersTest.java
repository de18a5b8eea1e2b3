package dev.portico.error;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Cookie;
import dev.portico.annotation.Get;
import dev.portico.annotation.Header;
import dev.portico.annotation.Query;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Response;
import dev.portico.rpc.Api;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * DRF's rule for every string input: NUL is a 400 {@code null_characters_not_allowed} naming the field, from the
 * path, a query, a header, a cookie, an urlencoded or multipart form, a JSON string or key at any depth, and an API
 * method's JSON arguments; and the endpoint never runs.
 */
class NullCharactersTest {
    private static final AtomicInteger RAN = new AtomicInteger();

    record Author(String name, List<String> tags) {}

    record Post(String title, Author author, List<Author> editors, Map<String, Integer> scores) {}

    public static class Posts {
        @Get("/api/posts/{slug}/")
        public String retrieve(
                String slug,
                @Query Optional<String> title,
                @Header("X-Tenant") Optional<String> tenant,
                @Cookie("theme") Optional<String> theme) {
            RAN.incrementAndGet();
            return "ok";
        }

        @dev.portico.annotation.Post("/api/posts/")
        public String create(Post body) {
            RAN.incrementAndGet();
            return "ok";
        }
    }

    @ApiModule("home")
    public static class Home {
        @ApiMethod
        public String greet(String name) {
            RAN.incrementAndGet();
            return "hi " + name;
        }
    }

    private static final Portico APP = Portico.builder()
            .config(PorticoConfig.defaults())
            .controller(new Posts())
            .endpoints(Api.builder().module(new Home()).build().endpoints())
            .build();

    private static JsonNode refused(Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("code").asText()).isEqualTo("null_characters_not_allowed");
        assertThat(body.get("detail").asText()).isEqualTo("Null characters are not allowed.");
        assertThat(body.get("errors").get(field).get(0).asText())
                .as(body.toString())
                .isEqualTo("Null characters are not allowed.");
        return body;
    }

    private static Response send(TestRequest request) {
        int before = RAN.get();
        Response response = APP.handle(request);
        if (response.status() == 400) {
            assertThat(RAN.get()).as("the endpoint ran").isEqualTo(before);
        }
        return response;
    }

    @Test
    void aCleanRequestStillRuns() {
        assertThat(send(TestRequest.get("/api/posts/hello/?title=a%01b").header("Cookie", "theme=dark"))
                        .status())
                .isEqualTo(200);
        assertThat(send(TestRequest.of("POST", "/api/home/greet").json("{\"name\": \"a\\\\u0000\"}"))
                        .status())
                .as("an escaped backslash before u0000 is text, not NUL")
                .isEqualTo(200);
    }

    @Test
    void thePathQueryHeaderAndCookieNameTheirField() {
        refused(send(TestRequest.get("/api/posts/a%00b/")), "slug");
        refused(send(TestRequest.get("/api/posts/hello/?title=%00")), "title");
        refused(send(TestRequest.get("/api/posts/hello/").header("X-Tenant", "a\0")), "X-Tenant");
        refused(send(TestRequest.get("/api/posts/hello/").header("Cookie", "theme=da\0rk; other=1")), "theme");
    }

    @Test
    void jsonStringsAndKeysAtAnyDepthAreNamedByPath() {
        JsonNode body = refused(send(TestRequest.of("POST", "/api/posts/").json("""
            {"title": "a\\u0000", "author": {"name": "ok", "tags": ["x", "\\u0000"]},
             "editors": [{"name": "b\\u0000c"}], "scores": {"k\\u0000": 1}}\
            """)), "title");
        assertThat(body.get("errors").fieldNames())
                .toIterable()
                .containsExactly("title", "author.tags.1", "editors.0.name", "scores");
    }

    @Test
    void urlencodedAndMultipartFormsNameTheirField() {
        refused(
                send(TestRequest.of("POST", "/api/posts/")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("title=a%00&author.name=x".getBytes(StandardCharsets.UTF_8))),
                "title");
        refused(
                send(TestRequest.of("POST", "/api/posts/")
                        .header("Content-Type", Multipart.contentType())
                        .body(Multipart.create().field("author.name", "x\0").build())),
                "author.name");
    }

    @Test
    void anApiMethodsArgumentsAreCheckedFromAFormOrJson() {
        refused(
                send(TestRequest.of("POST", "/api/home/greet")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("name=%00".getBytes(StandardCharsets.UTF_8))),
                "name");
        refused(send(TestRequest.of("POST", "/api/home/greet").json("{\"name\": \"\\u0000\"}")), "name");
        refused(send(TestRequest.of("POST", "/api/home/greet?name=%00")), "name");
    }
}
