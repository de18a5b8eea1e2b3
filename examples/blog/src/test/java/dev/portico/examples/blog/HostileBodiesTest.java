package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.data.Database;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.testing.Wire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10's hostile corpus, the quick part of the reliability suite ({@code bench/reliability/run hostile} sends the
 * full-size one through nginx): malformed and hostile bodies to every write endpoint of the example, anonymous, with a
 * JWT and with an API key. No answer may be a 5xx, and no row of the example's or the accounts' tables may change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesTest {
    /** The methods that take a body (a DELETE's body is ignored, and a DELETE with credentials rightly deletes). */
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private static final String BOUNDARY = "XyZ";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private BlogDatabases database;
    private Portico app;
    private String token;
    private String key;

    /** One hostile request body: what it is, its content type and its bytes. */
    record Body(String name, String contentType, byte[] bytes) {
        static Body of(String name, String contentType, String text) {
            return new Body(name, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    void start() throws Exception {
        database = BlogDatabases.h2();
        app = BlogApp.app(database.serverConfig()).shutdownHook(false).build().start();
        User user = BlogUsers.create(database.serverConfig(), "hostile", false);
        token = BlogUsers.token(app.port(), "hostile");
        key = BlogUsers.key(database.serverConfig(), user.id());
        send("POST", "/api/posts/", "application/json", "{\"title\":\"kept\",\"content\":\"c\"}".getBytes(), bearer());
        send(
                "POST",
                "/api/employees/",
                "application/json",
                "{\"name\":\"kept\",\"department\":\"d\",\"salary\":1,\"hire_date\":\"2024-01-01\"}".getBytes(),
                bearer());
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

    static List<Body> corpus() {
        String json = "application/json";
        String form = "application/x-www-form-urlencoded";
        String traversal = part("file\"; filename=\"../../../../etc/passwd", "root:x:0:0");
        return List.of(
                Body.of("broken json", json, "{\"title\": \"x\", "),
                Body.of("not json", json, "hello"),
                Body.of("empty", json, ""),
                Body.of("json null", json, "null"),
                Body.of("json array", json, "[1,2,3]"),
                Body.of("deep array", json, "[".repeat(50_000) + "]".repeat(50_000)),
                Body.of("deep object", json, "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)),
                Body.of("huge number", json, "{\"salary\": 1" + "0".repeat(100_000) + ", \"title\": 1e999999999}"),
                Body.of(
                        "huge exponent",
                        json,
                        "{\"salary\": 1e2147483647, \"hire_date\": \"2024-01-01\", \"name\": \"n\", "
                                + "\"department\": \"d\"}"),
                new Body("invalid utf-8", json, new byte[] {
                    '{',
                    '"',
                    't',
                    'i',
                    't',
                    'l',
                    'e',
                    '"',
                    ':',
                    '"',
                    (byte) 0xff,
                    (byte) 0xfe,
                    (byte) 0xc3,
                    '(',
                    '"',
                    '}'
                }),
                Body.of("lone surrogate", json, "{\"title\": \"\\ud800\", \"content\": \"x\"}"),
                Body.of(
                        "wrong types",
                        json,
                        "{\"title\": {\"a\": 1}, \"content\": [1], \"draft\": \"maybe\", \"salary\": \"x\"}"),
                Body.of("huge string", json, "{\"title\": \"" + "a".repeat(2_000_000) + "\"}"),
                Body.of(
                        "form bomb",
                        form,
                        IntStream.range(0, 100_000)
                                .mapToObj(i -> "a" + i + "=b")
                                .collect(Collectors.joining("&"))),
                Body.of("form deep", form, "a" + "[a]".repeat(10_000) + "=1"),
                Body.of("form huge index", form, "a[99999999999]=1"),
                Body.of("form bad percent", form, "title=%zz%&content=%"),
                Body.of(
                        "multipart many parts",
                        MULTIPART,
                        IntStream.range(0, 5_000)
                                        .mapToObj(i -> part("f" + i, "v"))
                                        .collect(Collectors.joining()) + "--" + BOUNDARY + "--\r\n"),
                Body.of("multipart traversal", MULTIPART, traversal + "--" + BOUNDARY + "--\r\n"),
                Body.of(
                        "multipart nul file name",
                        MULTIPART,
                        part("file\"; filename=\"a\u0000.txt", "x") + "--" + BOUNDARY + "--\r\n"),
                Body.of(
                        "multipart no end",
                        MULTIPART,
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv"),
                Body.of("multipart no boundary", "multipart/form-data", "--x\r\n\r\n"),
                Body.of("unknown type", "application/x-evil", "\u0000\u0001"),
                Body.of(
                        "xml entity",
                        "application/xml",
                        "<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>"));
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void noHostileBodyGetsA5xxOrChangesARow() throws Exception {
        String before = rows();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : app.endpoints()) {
            if (!WRITES.contains(endpoint.method())) {
                continue;
            }
            String path = endpoint.path().template().replaceAll("\\{[^}]+}", "1");
            for (String[] credentials :
                    List.of(new String[0], bearer(), new String[] {"Authorization", "Api-Key " + key})) {
                for (Body body : corpus()) {
                    int status = send(endpoint.method().name(), path, body.contentType(), body.bytes(), credentials);
                    sent++;
                    if (status >= 500) {
                        failures.add(endpoint.method() + " " + path + " " + body.name() + " -> " + status);
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(1_000);
        assertThat(failures).as("answers that were 5xx").isEmpty();
        assertThat(rows()).as("every row as before").isEqualTo(before);
    }

    /**
     * Issue 17: a body that stops short of its {@code Content-Length} because the client went away, sent on a raw
     * socket to every write endpoint, as a browser (the browsable page refills its form for the 4xx, which used to
     * find the body consumed and answer 500) and as an API client, in each body type, anonymous and with a JWT.
     */
    @Test
    void noBodyCutShortGetsA5xxEvenOnTheBrowsablePage() throws Exception {
        String before = rows();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int incomplete = 0;
        Map<String, String> cutBodies = Map.of(
                "application/x-www-form-urlencoded",
                "title=cut&content=sho",
                MULTIPART,
                part("title", "cut") + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"con",
                "application/json",
                "{\"title\":\"cut\",\"content\":\"sho");
        for (Endpoint endpoint : app.endpoints()) {
            if (!WRITES.contains(endpoint.method())) {
                continue;
            }
            String path = endpoint.path().template().replaceAll("\\{[^}]+}", "1");
            for (String credentials : List.of("", "Authorization: Bearer " + token + "\r\n")) {
                for (String accept : List.of("text/html", "application/json")) {
                    for (Map.Entry<String, String> body : cutBodies.entrySet()) {
                        String head = endpoint.method() + " " + path + " HTTP/1.1\r\nHost: x\r\n" + credentials
                                + "Accept: " + accept + "\r\nContent-Type: " + body.getKey()
                                + "\r\nContent-Length: 1000\r\n\r\n";
                        Wire.Received received;
                        try (Wire wire = Wire.open(app.port())) {
                            received = wire.send(head + body.getValue())
                                    .endOutput()
                                    .readUntilClosed(Duration.ofSeconds(10));
                        }
                        sent++;
                        int status = received.text().isEmpty() ? 0 : received.status();
                        incomplete += received.text().contains("incomplete_body") ? 1 : 0;
                        if (!received.closed() || status >= 500) {
                            failures.add(endpoint.method() + " " + path + " " + accept + " " + body.getKey()
                                    + (credentials.isEmpty() ? "" : " with a JWT") + " -> "
                                    + (received.closed() ? status : "left open"));
                        }
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(failures).as("5xx answers, or connections left open").isEmpty();
        assertThat(incomplete)
                .as("answers that read the body and said it was cut")
                .isGreaterThan(sent / 4);
        assertThat(rows()).as("every row as before").isEqualTo(before);
    }

    private String[] bearer() {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private int send(String method, String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The example's and the accounts' rows, as text, without the columns a refused request may touch (last use). */
    private String rows() {
        try (Database db = Database.connect(database.serverConfig())) {
            return db.jdbi()
                    .withHandle(h -> String.join(
                            "\n",
                            h.createQuery("select * from posts order by id")
                                    .mapToMap()
                                    .list()
                                    .toString(),
                            h.createQuery("select * from employees order by id")
                                    .mapToMap()
                                    .list()
                                    .toString(),
                            h.createQuery("select id, username, email, password_hash, active from auth_users order"
                                            + " by id")
                                    .mapToMap()
                                    .list()
                                    .toString(),
                            h.createQuery("select id, key_id, revoked_at from auth_api_keys order by id")
                                    .mapToMap()
                                    .list()
                                    .toString(),
                            h.createQuery("select count(*) from auth_refresh_tokens")
                                    .mapTo(Long.class)
                                    .one()
                                    .toString(),
                            h.createQuery("select count(*) from auth_sessions")
                                    .mapTo(Long.class)
                                    .one()
                                    .toString()));
        }
    }
}
