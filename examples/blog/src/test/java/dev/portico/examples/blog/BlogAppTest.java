package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The example app as a client sees it over a real socket, on an H2 file in a temporary folder;
 * {@link BlogAppPostgresTest} runs the same suite on PostgreSQL. Tests share one database, so each works on
 * rows it marks as its own (a unique word in titles, a unique department).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlogAppTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private BlogDatabases database;
    private Portico app;
    /** A bearer token of user "writer", sent with every request to the resources (they need a signed-in caller). */
    private String token;

    /** The database of this run. */
    BlogDatabases database() throws Exception {
        return BlogDatabases.h2();
    }

    @BeforeAll
    void start() throws Exception {
        database = database();
        app = BlogApp.app(database.serverConfig()).shutdownHook(false).build().start();
        BlogUsers.create(database.serverConfig(), "writer", false);
        token = BlogUsers.token(app.port(), "writer");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        return path.startsWith("/api/posts/") || path.startsWith("/api/employees/")
                ? request.header("Authorization", "Bearer " + token) : request;
    }

    private HttpResponse<String> sendJson(String method, String path, String json) throws Exception {
        return send(at(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String unique() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String id(HttpResponse<String> created) {
        return created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    }

    @Test
    void postReadsAreCachedPerCallerAndDroppedByWrites() throws Exception {
        String word = unique();
        sendJson("POST", "/api/posts/", "{\"title\":\"" + word + "\",\"content\":\"c\"}");
        String list = "/api/posts/?search=" + word;
        HttpResponse<String> first = send(at(list));
        HttpResponse<String> second = send(at(list));
        assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(second.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(second.body()).isEqualTo(first.body()).contains("\"count\":1");
        assertThat(second.headers().firstValue("Cache-Control")).contains("private");
        assertThat(second.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Authorization"));
        String reader = unique();
        BlogUsers.create(database.serverConfig(), reader, false);
        HttpResponse<String> theirs = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + list))
                .header("Authorization", "Bearer " + BlogUsers.token(app.port(), reader)));
        assertThat(theirs.headers().firstValue("X-Cache")).contains("MISS"); // never the writer's entry
        sendJson("POST", "/api/posts/", "{\"title\":\"" + word + " two\",\"content\":\"c\"}");
        HttpResponse<String> after = send(at(list));
        assertThat(after.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(after.body()).contains("\"count\":2");
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = send(at("/health"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void readyChecksTheDatabase() throws Exception {
        HttpResponse<String> response = send(at("/ready"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"checks\":{\"database\":\"ok\"}}");
    }

    @Test
    void helloGreetsByName() throws Exception {
        HttpResponse<String> response = send(at("/api/hello/ada/"));
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello, ada!\"}");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void postsSupportCrudWithDrfStatusCodes() throws Exception {
        HttpResponse<String> created = sendJson("POST", "/api/posts/",
                "{\"title\":\"Hello\",\"content\":\"First post\",\"publish_date\":\"2050-03-08\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"draft\":false", "\"publish_date\":\"2050-03-08\"", "\"version\":1");
        String id = id(created);
        assertThat(created.headers().firstValue("Location")).contains("/api/posts/" + id + "/");
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");

        assertThat(send(at("/api/posts/" + id + "/")).body()).contains("\"title\":\"Hello\"");
        assertThat(send(at("/api/posts/?search=First+post")).body()).contains("\"id\":" + id);
        HttpResponse<String> updated = sendJson("PUT", "/api/posts/" + id + "/",
                "{\"title\":\"Changed\",\"content\":\"x\",\"draft\":true}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("\"title\":\"Changed\"", "\"draft\":true", "\"version\":2");
        HttpResponse<String> patched = sendJson("PATCH", "/api/posts/" + id + "/", "{\"content\":\"patched\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.body()).contains("\"title\":\"Changed\"", "\"content\":\"patched\"");
        assertThat(sendJson("PATCH", "/api/posts/" + id + "/", "{\"title\":\"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> stale = send(at("/api/posts/" + id + "/").header("If-Match", "\"1\"").DELETE());
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(send(at("/api/posts/" + id + "/").DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(at("/api/posts/" + id + "/")).statusCode()).isEqualTo(404);
        assertThat(sendJson("PUT", "/api/posts/" + id + "/", "{\"title\":\"x\",\"content\":\"y\"}").statusCode())
                .isEqualTo(404);
        assertThat(send(at("/api/posts/" + id + "/").DELETE()).statusCode()).isEqualTo(404);
    }

    @Test
    void postsFilterOrderAndPage() throws Exception {
        String word = unique();
        sendJson("POST", "/api/posts/", "{\"title\":\"b " + word + "\",\"content\":\"c\",\"publish_date\":\"2024-01-01\"}");
        sendJson("POST", "/api/posts/", "{\"title\":\"a " + word + "\",\"content\":\"c\",\"publish_date\":\"2025-06-01\"}");
        sendJson("POST", "/api/posts/", "{\"title\":\"c " + word + "\",\"content\":\"c\",\"draft\":true}");

        String list = "/api/posts/?title__icontains=" + word.toUpperCase();
        HttpResponse<String> byTitle = send(at(list + "&ordering=title"));
        assertThat(byTitle.statusCode()).isEqualTo(200);
        assertThat(byTitle.body()).contains("\"count\":3");
        assertThat(byTitle.body().indexOf("a " + word)).isLessThan(byTitle.body().indexOf("b " + word));
        HttpResponse<String> newest = send(at(list)); // -created_at by default
        assertThat(newest.body().indexOf("c " + word)).isLessThan(newest.body().indexOf("a " + word));
        assertThat(send(at(list + "&draft=true")).body()).contains("\"count\":1", "c " + word);
        assertThat(send(at(list + "&draft=false&publish_date__gte=2025-01-01")).body())
                .contains("\"count\":1", "a " + word);

        HttpResponse<String> page = send(at(list + "&ordering=-title&page_size=2"));
        assertThat(page.body()).contains("\"count\":3", "c " + word, "b " + word).doesNotContain("a " + word)
                .contains("\"next\":\"http://127.0.0.1:" + app.port() + "/api/posts/?");
        HttpResponse<String> second = send(at(list + "&ordering=-title&page_size=2&page=2"));
        assertThat(second.body()).contains("a " + word).doesNotContain("b " + word);

        // as DRF: a page size past the maximum is clamped to it, not refused
        assertThat(send(at(list + "&page_size=101")).body()).contains("\"count\":3");
        assertThat(send(at(list + "&publish_date__gte=yesterday")).statusCode()).isEqualTo(400);
        assertThat(send(at(list + "&author=me")).statusCode()).isEqualTo(400);
    }

    @Test
    void employeesFilterBySalaryHireDateAndDepartment() throws Exception {
        String department = unique();
        for (String e : new String[] {
                "{\"name\":\"Ada\",\"salary\":5000.00,\"hire_date\":\"2020-01-15\"",
                "{\"name\":\"Grace\",\"salary\":7000.50,\"hire_date\":\"2022-03-01\"",
                "{\"name\":\"Linus\",\"salary\":9000,\"hire_date\":\"2024-07-01\""}) {
            HttpResponse<String> created = sendJson("POST", "/api/employees/",
                    e + ",\"department\":\"" + department + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        String list = "/api/employees/?department=" + department;
        assertThat(send(at(list)).body()).contains("\"count\":3");
        HttpResponse<String> band = send(at(list + "&salary__gte=6000&salary__lte=9000&ordering=-salary"));
        assertThat(band.body()).contains("\"count\":2", "\"salary\":9000", "\"salary\":7000.5");
        assertThat(band.body().indexOf("Linus")).isLessThan(band.body().indexOf("Grace"));
        assertThat(send(at(list + "&hire_date__gte=2022-01-01&ordering=hire_date")).body())
                .contains("\"count\":2", "Grace", "Linus").doesNotContain("Ada");
        assertThat(send(at(list + "&page_size=1&ordering=name")).body()).contains("Ada").doesNotContain("Grace");
        assertThat(send(at(list + "&salary__gte=lots")).statusCode()).isEqualTo(400);
        assertThat(sendJson("POST", "/api/employees/", "{\"name\":\"x\",\"department\":\"d\"}").body())
                .contains("\"salary\":[\"This field is required.\"]");
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
    void aPatchClearsThePublishDateWithNullAsJsonAndAsAForm() throws Exception {
        String item = "/api/posts/" + id(sendJson("POST", "/api/posts/",
                "{\"title\":\"Dated\",\"content\":\"c\",\"publish_date\":\"2050-03-08\"}")) + "/";
        HttpResponse<String> untouched = sendJson("PATCH", item, "{\"content\":\"d\"}");
        assertThat(untouched.body()).contains("\"publish_date\":\"2050-03-08\"");
        HttpResponse<String> cleared = sendJson("PATCH", item, "{\"publish_date\":null}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.body()).contains("\"publish_date\":null", "\"content\":\"d\"", "\"version\":3");
        assertThat(send(at(item)).body()).contains("\"publish_date\":null");

        HttpResponse<String> dated = send(at(item).header("Content-Type", "application/x-www-form-urlencoded")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("publish_date=2051-01-02")));
        assertThat(dated.body()).contains("\"publish_date\":\"2051-01-02\"");
        HttpResponse<String> clearedByForm = send(at(item).header("Content-Type", "application/x-www-form-urlencoded")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("publish_date=")));
        assertThat(clearedByForm.statusCode()).as(clearedByForm.body()).isEqualTo(200);
        assertThat(clearedByForm.body()).contains("\"publish_date\":null", "\"version\":5");
        assertThat(sendJson("PATCH", item, "{\"publish_date\":\"soon\"}").body()).contains("\"publish_date\":[");
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

    @Test
    void aListAnswersOnlyHostsAllowedByConfiguration() throws Exception {
        dev.portico.testing.RawHttp.Reply reply = dev.portico.testing.RawHttp.send(app.port(),
                "GET /api/posts/ HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + token
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("Invalid Host header.");
    }
}
