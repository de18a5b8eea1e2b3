package dev.portico.server;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP semantics and limits as a client sees them over a real socket. */
class HttpSemanticsTest {
    record Item(String name, int quantity) {}

    private static Portico app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0)
                .set(Settings.LIMITS_BODY_SIZE, 1024L)
                .set(Settings.LIMITS_HEADER_SIZE, 4096L)
                .set(Settings.LIMITS_JSON_DEPTH, 8)
                .set(Settings.LIMITS_JSON_STRING_LENGTH, 100)
                .build();
        app = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .get(
                        "/api/items/{id:int}/",
                        Item.class,
                        request -> new Item("item", request.pathParam("id", Integer.class)))
                .post("/api/items/", Item.class, Item.class, (request, item) -> item, e -> e.status(201))
                .endpoint(dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/api/any/")
                        .body(Object.class)
                        .output(Object.class)
                        .<Object>handleBody((request, body) -> body)
                        .build())
                .get(
                        "/api/text/",
                        String.class,
                        request -> "hi",
                        e -> e.produces(dev.portico.http.MediaType.TEXT_PLAIN_UTF8))
                .get(
                        "/api/peer/",
                        String.class,
                        request -> request.peerAddress() + " " + request.clientAddress() + " "
                                + request.remoteAddress().getAddress().getHostAddress(),
                        e -> e.produces(dev.portico.http.MediaType.TEXT_PLAIN_UTF8))
                .get(
                        "/api/cookies/",
                        dev.portico.http.Response.class,
                        request -> dev.portico.http.Response.of(204)
                                .header("Set-Cookie", "a=1; Path=/")
                                .header("Set-Cookie", "b=2; Path=/; HttpOnly"))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** The peer's address, kept per connection by the server, is the socket's: on every request of a connection. */
    @Test
    void thePeersAddressIsTheSocketsOnEveryRequestOfAConnection() throws Exception {
        for (int i = 0; i < 3; i++) { // the client keeps one connection alive across these
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/peer/")));
            assertThat(response.body()).isEqualTo("127.0.0.1 127.0.0.1 127.0.0.1");
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    @Test
    void aHeaderAddedTwiceIsSentTwice() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/cookies/")));
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1; Path=/", "b=2; Path=/; HttpOnly");
    }

    @Test
    void getReturnsJsonWithRequestId() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/items/3/")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body()).isEqualTo("{\"name\":\"item\",\"quantity\":3}");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/items/3/")).DELETE());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(json(response.body()).get("detail").asText()).isEqualTo("Method \"DELETE\" not allowed.");
    }

    @Test
    void headersGoOutAsTheAppWroteThem() throws Exception {
        // the server hands Jetty pre-encoded fields for the common ones; what reaches the client must not change
        RawHttp.Reply text =
                RawHttp.sendHead(app.port(), "HEAD /api/text/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(text.headers())
                .containsEntry("content-type", dev.portico.http.MediaType.TEXT_PLAIN_UTF8)
                .containsEntry("x-content-type-options", "nosniff");
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri("/api/items/3/")));
        assertThat(json.headers().allValues("Content-Type")).containsExactly("application/json");
        assertThat(json.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(json.headers().allValues("X-Request-Id"))
                .singleElement()
                .asString()
                .matches("[0-9a-f]{16}");
    }

    @Test
    void headHasTheGetHeadersAndNoBody() throws Exception {
        RawHttp.Reply reply =
                RawHttp.sendHead(app.port(), "HEAD /api/items/3/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("content-length", "28");
        assertThat(reply.headers()).containsEntry("content-type", "application/json");
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("HEAD /api/items/3/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(RawHttp.read(in, true).status()).isEqualTo(200);
            // Had the HEAD answer carried a body, the next bytes would be that body, not the GET's status line.
            out.write("GET /api/items/4/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Reply next = RawHttp.read(in);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).contains("\"quantity\":4");
        }
    }

    @Test
    void optionsAnswersAllowAndTheMetadata() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/items/")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"name\":\"Item\"");
        assertThat(response.headers().firstValue("Allow")).contains("POST, OPTIONS");
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/nope/")));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\",\"code\":\"not_found\"}");
    }

    @Test
    void unsupportedBodyTypeIs415() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/items/"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi")));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response.body()).get("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void acceptRulingOutJsonIs406() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/items/3/")).header("Accept", "text/html"));
        assertThat(response.statusCode()).isEqualTo(406);
    }

    @Test
    void declaredBodyPastTheLimitIs413() throws Exception {
        String body = "{\"name\":\"" + "x".repeat(2000) + "\",\"quantity\":1}";
        HttpResponse<String> response = postJson("/api/items/", body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response.body()).get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void chunkedBodyPastTheLimitIs413() throws Exception {
        String chunk = "x".repeat(600);
        String request = "POST /api/items/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n";
        RawHttp.Reply reply = RawHttp.send(app.port(), request);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(json(reply.body()).get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void headersPastTheLimitAre431InTheErrorFormat() throws Exception {
        String fits =
                "GET /api/items/3/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(3000) + "\r\nConnection: close\r\n\r\n";
        assertThat(RawHttp.send(app.port(), fits).status()).isEqualTo(200);
        String request = "GET /api/items/3/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(8000) + "\r\n\r\n";
        RawHttp.Reply reply = RawHttp.send(app.port(), request);
        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.headers()).containsEntry("connection", "close");
        assertThat(json(reply.body()).get("code").asText()).isEqualTo("request_header_fields_too_large");
    }

    @Test
    void malformedRequestLineIs400InTheErrorFormat() throws Exception {
        RawHttp.Reply reply =
                RawHttp.send(app.port(), "GET /api/items/3/ HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(json(reply.body()).get("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void jsonNestedPastTheLimitIs400() throws Exception {
        String deep = "[".repeat(20) + "]".repeat(20);
        HttpResponse<String> response = postJson("/api/any/", deep);
        assertThat(postJson("/api/any/", "[[[1]]]").statusCode()).isEqualTo(200);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("code").asText()).isEqualTo("json_limit_exceeded");
    }

    @Test
    void jsonStringPastTheLimitIs400() throws Exception {
        String body = "{\"name\":\"" + "x".repeat(200) + "\",\"quantity\":1}";
        HttpResponse<String> response = postJson("/api/items/", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("code").asText()).isEqualTo("json_limit_exceeded");
    }

    @Test
    void invalidJsonIs400NamingTheField() throws Exception {
        HttpResponse<String> response = postJson("/api/items/", "{\"name\":\"a\",\"quantity\":\"abc\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors").get("quantity").get(0).asText())
                .isEqualTo("Expected an integer.");
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 1; i <= 3; i++) {
                out.write(("GET /api/items/" + i + "/ HTTP/1.1\r\nHost: x\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                RawHttp.Reply reply = RawHttp.read(in);
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.body()).contains("\"quantity\":" + i);
            }
        }
    }
}
