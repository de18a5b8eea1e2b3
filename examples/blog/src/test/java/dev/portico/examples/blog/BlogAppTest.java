package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example app as a client sees it over a real socket. */
class BlogAppTest {
    private static Portico app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder().set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0).build();
        app = BlogApp.app(config).shutdownHook(false).build().start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = send(at("/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void helloGreetsByName() throws Exception {
        HttpResponse<String> response = send(at("/api/hello/ada/"));
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello, ada!\"}");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void postsSupportCrudWithDrfStatusCodes() throws Exception {
        HttpResponse<String> created = send(at("/api/posts/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hello\",\"content\":\"First post\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");

        assertThat(send(at("/api/posts/" + id + "/")).body()).contains("\"title\":\"Hello\"");
        assertThat(send(at("/api/posts/?search=Hello")).body()).contains("\"id\":" + id);
        HttpResponse<String> updated = send(at("/api/posts/" + id + "/").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Changed\",\"content\":\"x\"}")));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("Changed");
        assertThat(send(at("/api/posts/" + id + "/").DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(at("/api/posts/" + id + "/")).statusCode()).isEqualTo(404);
    }

    @Test
    void schemaEndpointServesYamlAndJson() throws Exception {
        HttpResponse<String> yaml = send(at("/api/schema/"));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type")).contains("application/vnd.oai.openapi; charset=utf-8");
        assertThat(yaml.body()).startsWith("openapi: 3.1.0").contains("operationId: listPosts");
        HttpResponse<String> json = send(at("/api/schema/?format=json"));
        assertThat(json.headers().firstValue("Content-Type")).contains("application/vnd.oai.openapi+json");
        assertThat(json.body()).contains("\"operationId\" : \"retrievePost\"");
        HttpResponse<String> accepted = send(at("/api/schema/").header("Accept", "application/vnd.oai.openapi+json"));
        assertThat(accepted.body()).isEqualTo(json.body());
        assertThat(send(at("/api/schema/?format=xml")).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethodIs405WithAllowAsTheSeedShows() throws Exception {
        HttpResponse<String> response = send(at("/api/hello/ada/").DELETE());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(response.body()).isEqualTo("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\",\"code\":\"method_not_allowed\"}");
    }

    @Test
    void invalidInputIs400NamingTheField() throws Exception {
        HttpResponse<String> response = send(at("/api/posts/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\",\"content\":\"y\",\"author\":\"me\"}")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"author\":[\"Unknown field.\"]");
    }

    @Test
    void postsAcceptAnHtmlFormAsWellAsJson() throws Exception {
        HttpResponse<String> created = send(at("/api/posts/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=From+a+form&content=caf%C3%A9")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"title\":\"From a form\"", "\"content\":\"caf\u00e9\"");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() throws Exception {
        String longTitle = "x".repeat(51);
        HttpResponse<String> response = send(at("/api/posts/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + longTitle + "\"}")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"content\":[\"This field is required.\"]");

        response = send(at("/api/posts/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + longTitle + "\",\"content\":\"\"}")));
        assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid input.\",\"code\":\"invalid\","
                + "\"errors\":{\"title\":[\"Ensure this field has no more than 50 characters.\"]}}");
        assertThat(send(at("/api/posts/?search=" + "s".repeat(101))).body())
                .contains("\"search\":[\"Ensure this field has no more than 100 characters.\"]");
    }

    @Test
    void aFileUploadArrivesAsAFileWithItsNote() throws Exception {
        String boundary = "----portico-test-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"../../notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "hello\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
                + "first draft\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = send(at("/api/uploads/")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"name\":\"notes.txt\",\"contentType\":\"text/plain\",\"size\":5,"
                + "\"sha256\":\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\","
                + "\"note\":\"first draft\"}");
        HttpResponse<String> json = send(at("/api/uploads/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(json.statusCode()).isEqualTo(415);
    }
}
