package dev.portico.docs.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/endpoints.md: every sample mounted on one app, and each answer the page shows checked over the socket. */
class EndpointsSamplesTest {
    private static Portico app;
    private static Http http;

    // region functional-types
    record Greeting(String message) {
    }

    record Sum(int a, int b, int total) {
    }
    // endregion functional-types

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder().set(Settings.SERVER_PORT, 0).build();
        // region functional
        Portico.Builder builder = Portico.builder()
                .get("/api/hello/{name}/", Greeting.class,
                        request -> new Greeting("Hello, " + request.path("name") + "!"))
                .get("/api/sum/{a:int}/{b:int}/", Sum.class, request -> {
                    int a = request.pathParam("a", Integer.class);
                    int b = request.pathParam("b", Integer.class);
                    return new Sum(a, b, a + b);
                })
                .post("/api/greetings/", Greeting.class, Greeting.class,
                        (request, greeting) -> new Greeting(greeting.message().toUpperCase()),
                        e -> e.status(201).summary("Shouts a greeting back"));
        // endregion functional
        // region mount
        builder.controller(new Notes())
                .controller(new Requests());
        // endregion mount
        app = builder.config(config).build().start();
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void functionalHandlers() {
        assertThat(http.get("/api/hello/ada/").body()).isEqualTo("{\"message\":\"Hello, ada!\"}");
        assertThat(http.get("/api/sum/2/3/").body()).isEqualTo("{\"a\":2,\"b\":3,\"total\":5}");
        HttpResponse<String> notInt = http.get("/api/sum/2/x/");
        System.out.println("sum x: " + notInt.statusCode() + " " + notInt.body());
        assertThat(notInt.statusCode()).isEqualTo(404);
        HttpResponse<String> shout = http.json("/api/greetings/", "{\"message\":\"hi\"}");
        assertThat(shout.statusCode()).isEqualTo(201);
        assertThat(shout.body()).isEqualTo("{\"message\":\"HI\"}");
    }

    @Test
    void jsonFormAndDottedNamesBindTheSameRecord() {
        HttpResponse<String> json = http.json("/api/notes/",
                "{\"title\":\"Shopping\",\"author\":{\"name\":\"ada\"},\"tags\":[\"home\",\"food\"]}");
        System.out.println("json: " + json.statusCode() + " " + json.body());
        assertThat(json.statusCode()).isEqualTo(201);
        HttpResponse<String> form = http.form("/api/notes/", "title=Shopping&author.name=ada&tags.0=home&tags.1=food");
        System.out.println("form: " + form.statusCode() + " " + form.body());
        assertThat(form.statusCode()).isEqualTo(201);
        assertThat(form.body().replaceFirst("\"id\":\\d+", "")).isEqualTo(json.body().replaceFirst("\"id\":\\d+", ""));
        HttpResponse<String> repeated = http.form("/api/notes/", "title=Again&tags=home&tags=food");
        assertThat(repeated.body()).contains("\"tags\":[\"home\",\"food\"]");
    }

    @Test
    void queryPathAndNotFound() {
        http.json("/api/notes/", "{\"title\":\"Tagged\",\"tags\":[\"work\"]}");
        HttpResponse<String> list = http.get("/api/notes/?tag=work&limit=5");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"title\":\"Tagged\"");
        HttpResponse<String> bad = http.get("/api/notes/?limit=0");
        System.out.println("limit=0: " + bad.statusCode() + " " + bad.body());
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> notNumber = http.get("/api/notes/?limit=many");
        System.out.println("limit=many: " + notNumber.statusCode() + " " + notNumber.body());
        HttpResponse<String> missing = http.get("/api/notes/999/");
        System.out.println("missing: " + missing.statusCode() + " " + missing.body());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"No note 999.\",\"code\":\"not_found\"}");
        HttpResponse<String> deleted = http.send(http.request("/api/notes/1/").DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> put = http.send(http.request("/api/notes/1/").PUT(HttpRequest.BodyPublishers.noBody()).build());
        System.out.println("put: " + put.statusCode() + " " + put.headers().firstValue("Allow") + " " + put.body());
        assertThat(put.statusCode()).isEqualTo(405);
    }

    @Test
    void validationReportsEveryFieldAtOnce() {
        HttpResponse<String> bad = http.json("/api/notes/", "{\"title\":\"\",\"author\":{\"name\":\"\"},\"tags\":[\"\"]}");
        System.out.println("invalid: " + bad.statusCode() + " " + bad.body());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"code\":\"invalid\"").contains("\"title\"").contains("\"author.name\"")
                .contains("\"tags.0\"");
        HttpResponse<String> broken = http.json("/api/notes/", "{\"title\":");
        System.out.println("broken: " + broken.statusCode() + " " + broken.body());
        assertThat(broken.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = http.json("/api/notes/", "{\"title\":\"x\",\"tags\":[],\"colour\":\"red\"}");
        System.out.println("unknown: " + unknown.statusCode() + " " + unknown.body());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("colour");
        assertThat(http.form("/api/notes/", "title=Bare").body()).contains("\"tags\":[\"This field is required.\"]");
        assertThat(http.form("/api/notes/", "title=Bare&tags.=").body()).contains("\"tags\":[]");
        HttpResponse<String> formBad = http.form("/api/notes/", "title=&author.name=");
        System.out.println("formBad: " + formBad.statusCode() + " " + formBad.body());
        HttpResponse<String> wrongType = http.post("/api/notes/", "text/plain", "hello");
        System.out.println("text/plain: " + wrongType.statusCode() + " " + wrongType.body());
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    void headersCookiesAndUploads() {
        HttpResponse<String> prefs = http.get("/api/preferences/", "X-Tenant", "acme", "Cookie", "theme=dark");
        assertThat(prefs.body()).isEqualTo("{\"tenant\":\"acme\",\"theme\":\"dark\"}");
        assertThat(http.get("/api/preferences/", "X-Tenant", "acme").body()).contains("\"theme\":\"light\"");
        HttpResponse<String> noTenant = http.get("/api/preferences/");
        System.out.println("no tenant: " + noTenant.statusCode() + " " + noTenant.body());
        assertThat(noTenant.statusCode()).isEqualTo(400);

        String boundary = "docs-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello world\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfirst\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = http.post("/api/uploads/", "multipart/form-data; boundary=" + boundary, body);
        System.out.println("upload: " + upload.statusCode() + " " + upload.body());
        assertThat(upload.statusCode()).isEqualTo(201);
        assertThat(upload.body())
                .isEqualTo("{\"name\":\"notes.txt\",\"contentType\":\"text/plain\",\"size\":11,\"note\":\"first\"}");
    }
}
