package dev.portico.docs.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** docs/endpoints.md: every sample mounted on one app, and each answer the page shows checked in-process. */
@PorticoTest(database = TestDatabase.NONE)
class EndpointsSamplesTest {

    // region functional-types
    record Greeting(String message) {}

    record Sum(int a, int b, int total) {}
    // endregion functional-types

    @App
    static Portico app(TestSetup setup) {
        // region functional
        Portico.Builder builder = Portico.builder()
                .get(
                        "/api/hello/{name}/",
                        Greeting.class,
                        request -> new Greeting("Hello, " + request.pathParam("name") + "!"))
                .get("/api/sum/{a:int}/{b:int}/", Sum.class, request -> {
                    int a = request.pathParam("a", Integer.class);
                    int b = request.pathParam("b", Integer.class);
                    return new Sum(a, b, a + b);
                })
                .post(
                        "/api/greetings/",
                        Greeting.class,
                        Greeting.class,
                        (request, greeting) -> new Greeting(greeting.message().toUpperCase()),
                        e -> e.status(201).summary("Shouts a greeting back"));
        // endregion functional
        // region mount
        builder.controller(new Notes()).controller(new Requests());
        // endregion mount
        return builder.config(setup.config().build()).build();
    }

    /** A form body as a browser encodes it, sent as it is (so {@code tags.=} and repeated names stay raw). */
    private static TestResponse form(PorticoClient client, String body) {
        return client.post("/api/notes/")
                .body("application/x-www-form-urlencoded", bytes(body))
                .send();
    }

    private static TestResponse json(PorticoClient client, String path, String body) {
        return client.post(path).json(body).send();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void functionalHandlers(PorticoClient client) {
        assertThat(client.get("/api/hello/ada/").send()).hasStatus(200).hasBody("{\"message\":\"Hello, ada!\"}");
        assertThat(client.get("/api/sum/2/3/").send()).hasBody("{\"a\":2,\"b\":3,\"total\":5}");
        assertThat(client.get("/api/sum/2/x/").send()).isProblem(404);
        assertThat(json(client, "/api/greetings/", "{\"message\":\"hi\"}"))
                .hasStatus(201)
                .hasBody("{\"message\":\"HI\"}");
    }

    @Test
    void jsonFormAndDottedNamesBindTheSameRecord(PorticoClient client) {
        TestResponse json = json(
                client,
                "/api/notes/",
                "{\"title\":\"Shopping\",\"author\":{\"name\":\"ada\"},\"tags\":[\"home\",\"food\"]}");
        assertThat(json).hasStatus(201);
        TestResponse form = form(client, "title=Shopping&author.name=ada&tags.0=home&tags.1=food");
        assertThat(form).hasStatus(201);
        assertThat(form.text().replaceFirst("\"id\":\\d+", ""))
                .isEqualTo(json.text().replaceFirst("\"id\":\\d+", ""));
        assertThat(form(client, "title=Again&tags=home&tags=food")).hasJsonPath("$.tags[1]", "food");
    }

    @Test
    void queryPathAndNotFound(PorticoClient client) {
        json(client, "/api/notes/", "{\"title\":\"Tagged\",\"tags\":[\"work\"]}");
        TestResponse list =
                client.get("/api/notes/").query("tag", "work").query("limit", 5).send();
        assertThat(list).hasStatus(200);
        assertThat(list.text()).contains("\"title\":\"Tagged\"");
        assertThat(client.get("/api/notes/").query("limit", 0).send())
                .isProblem(400)
                .hasFieldError("limit", "Ensure this value is greater than or equal to 1.");
        assertThat(client.get("/api/notes/").query("limit", "many").send())
                .isProblem(400)
                .hasFieldError("limit", "A valid integer is required.");
        assertThat(client.get("/api/notes/999/").send())
                .isProblem(404)
                .hasBody("{\"detail\":\"No note 999.\",\"code\":\"not_found\"}");
        int id = json(client, "/api/notes/", "{\"title\":\"Doomed\",\"tags\":[]}")
                .json()
                .path("id")
                .asInt();
        assertThat(client.delete("/api/notes/" + id + "/").send()).hasStatus(204);
        assertThat(client.put("/api/notes/" + id + "/").send())
                .isProblem(405)
                .hasDetail("Method \"PUT\" not allowed.")
                .hasHeader("Allow");
    }

    @Test
    void validationReportsEveryFieldAtOnce(PorticoClient client) {
        assertThat(json(client, "/api/notes/", "{\"title\":\"\",\"author\":{\"name\":\"\"},\"tags\":[\"\"]}"))
                .isProblem(400)
                .hasCode("invalid")
                .hasErrorsOnlyOn("title", "author.name", "tags.0");
        assertThat(json(client, "/api/notes/", "{\"title\":")).isProblem(400);
        assertThat(json(client, "/api/notes/", "{\"title\":\"x\",\"tags\":[],\"colour\":\"red\"}"))
                .isProblem(400)
                .hasFieldError("colour");
        assertThat(form(client, "title=Bare")).isProblem(400).hasFieldError("tags", "This field is required.");
        assertThat(form(client, "title=Bare&tags.=")).hasStatus(201).hasJsonPath("$.tags");
        assertThat(form(client, "title=Bare&tags.=").json().path("tags")).isEmpty();
        assertThat(form(client, "title=&author.name="))
                .as("a missing field beside the others' constraint errors")
                .isProblem(400)
                .hasErrorsOnlyOn("tags", "title", "author.name")
                .hasFieldError("tags", "This field is required.")
                .hasFieldError("author.name", "This field may not be blank.");
        assertThat(json(client, "/api/notes/", "{\"title\":\"\",\"author\":{\"name\":\"\"}}"))
                .as("the same in JSON")
                .isProblem(400)
                .hasErrorsOnlyOn("tags", "title", "author.name");
        assertThat(form(client, "title=&author.name=&tags.=")).isProblem(400).hasFieldError("title");
        assertThat(client.post("/api/notes/").body("text/plain", bytes("hello")).send())
                .isProblem(415);
    }

    @Test
    void headersCookiesAndUploads(PorticoClient client) {
        assertThat(client.get("/api/preferences/")
                        .header("X-Tenant", "acme")
                        .cookie("theme", "dark")
                        .send())
                .hasBody("{\"tenant\":\"acme\",\"theme\":\"dark\"}");
        assertThat(client.get("/api/preferences/").header("X-Tenant", "acme").send())
                .hasJsonPath("$.theme", "light");
        assertThat(client.get("/api/preferences/").send()).isProblem(400);

        String boundary = "docs-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello world\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfirst\r\n--" + boundary + "--\r\n";
        assertThat(client.post("/api/uploads/")
                        .body("multipart/form-data; boundary=" + boundary, bytes(body))
                        .send())
                .hasStatus(201)
                .hasBody("{\"name\":\"notes.txt\",\"contentType\":\"text/plain\",\"size\":11,\"note\":\"first\"}");
    }
}
