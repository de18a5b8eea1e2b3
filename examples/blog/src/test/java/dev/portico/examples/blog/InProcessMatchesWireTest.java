package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.test.Differences;
import dev.portico.test.Multipart;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.data.ClassDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * portico-test's in-process client answers as the example does over a socket: two copies of the app, each on a fresh
 * H2 database and a clock stopped at the same instant, one served in-process and one by Jetty on loopback, get the
 * same requests in the same order (a user's posts and employees, errors, the method check, the schema, the API
 * methods, an upload, a session login with CSRF), and every answer's status, headers that matter and body are equal.
 */
class InProcessMatchesWireTest {
    private static final Instant T0 = Instant.parse("2030-06-01T12:00:00Z");
    private static final List<AutoCloseable> CLOSING = new ArrayList<>();
    private static PorticoClient memory;
    private static PorticoClient wire;

    @BeforeAll
    static void start() {
        Portico inProcess = app();
        Portico served = app().start();
        memory = client(PorticoClient.inProcess(inProcess), inProcess).header("Host", "127.0.0.1:" + served.port());
        wire = client(PorticoClient.overTheWire(served), served);
    }

    private static Portico app() {
        ClassDatabase database = ClassDatabase.h2();
        CLOSING.add(database);
        PorticoConfig config = database.configure(BlogDatabases.unthrottled(BlogApp.settings(PorticoConfig.builder()))
                        .clock(MutableClock.at(T0))
                        .set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET)
                        .set(AuthSettings.ARGON2_MEMORY, 1024)
                        .set(AuthSettings.ARGON2_ITERATIONS, 1)
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0))
                .build();
        Portico app = BlogApp.app(config).shutdownHook(false).build();
        CLOSING.add(app::stop);
        return app;
    }

    /** A client signed in as "writer", a user made in that app's own database. */
    private static PorticoClient client(PorticoClient client, Portico app) {
        TestAccounts accounts = TestAccounts.on(app.config());
        CLOSING.add(accounts);
        accounts.createUser("writer");
        return client.impersonation(accounts.jwt());
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = CLOSING.size() - 1; i >= 0; i--) {
            CLOSING.get(i).close();
        }
    }

    private static final String POST =
            "{\"title\":\"Parity\",\"content\":\"Same on both\",\"publish_date\":\"2050-03-08\"}";
    private static final String EMPLOYEE =
            "{\"name\":\"Ada\",\"department\":\"eng\",\"salary\":100,\"hire_date\":\"2020-01-15\"}";

    private static final List<Function<PorticoClient, TestResponse>> REQUESTS = List.of(
            c -> c.get("/health").send(),
            c -> c.head("/health").send(),
            c -> c.get("/api/hello/ada/").send(),
            c -> c.get("/api/hello/ada").send(),
            c -> c.options("/api/posts/").send(),
            c -> c.get("/api/posts/").send(),
            c -> c.get("/api/posts/").withJwt("not.a.token").send(),
            c -> c.get("/api/posts/").as("writer").send(),
            c -> c.post("/api/posts/").as("writer").json(POST).send(),
            c -> c.post("/api/posts/")
                    .as("writer")
                    .json(POST.replace("Parity", "Second"))
                    .send(),
            c -> c.post("/api/posts/")
                    .as("writer")
                    .json("{\"content\":\"no title\"}")
                    .send(),
            c -> c.post("/api/posts/").as("writer").json("{\"title\":").send(),
            c -> c.post("/api/posts/")
                    .as("writer")
                    .body("text/plain", "x".getBytes(StandardCharsets.UTF_8))
                    .send(),
            c -> c.get("/api/posts/1/").as("writer").send(),
            c -> c.get("/api/posts/1/")
                    .as("writer")
                    .header("If-None-Match", "\"nope\"")
                    .send(),
            c -> c.patch("/api/posts/1/").as("writer").json("{\"draft\":true}").send(),
            c -> c.get("/api/posts/").as("writer").query("page_size", 1).send(),
            c -> c.get("/api/posts/")
                    .as("writer")
                    .query("page_size", 1)
                    .query("page", 2)
                    .send(),
            c -> c.get("/api/posts/")
                    .as("writer")
                    .query("search", "Second")
                    .query("ordering", "-title")
                    .send(),
            c -> c.get("/api/posts/").as("writer").query("page", "x").send(),
            c -> c.get("/api/posts/999/").as("writer").send(),
            c -> c.put("/api/posts/").as("writer").json(POST).send(),
            c -> c.delete("/api/posts/2/").as("writer").send(),
            c -> c.post("/api/employees/").as("writer").json(EMPLOYEE).send(),
            c -> c.get("/api/employees/").as("writer").send(),
            c -> c.post("/api/uploads/")
                    .multipart(Multipart.create()
                            .field("note", "n")
                            .file("file", "a.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8)))
                    .send(),
            c -> c.post("/api/uploads/")
                    .multipart(Multipart.create().field("note", "no file"))
                    .send(),
            c -> c.post("/api/types/echo")
                    .form(Map.of("count", "7", "tags", List.of("a", "b"), "name", "x y"))
                    .send(),
            c -> c.post("/api/types/echo").form(Map.of("count", "seven")).send(),
            c -> c.get("/api/_index").send(),
            c -> c.get("/api/schema/").send(),
            c -> c.get("/api/schema/").query("format", "json").send(),
            c -> c.get("/api/schema/").query("format", "xml").send(),
            c -> c.post("/auth/login/")
                    .json(Map.of("username", "writer", "password", "wrong"))
                    .send(),
            c -> c.post("/auth/login/")
                    .header("X-CSRFToken", "")
                    .form(Map.of("username", "writer", "password", TestAccounts.PASSWORD))
                    .send()); // a form: JSON would log in, with random tokens

    @Test
    void theExampleAnswersAlikeInProcessAndOverTheWire() {
        assertThat(Differences.whenSent(REQUESTS, memory, wire)).isEmpty();
    }

    @Test
    void aCsrfTokenDiffersByNatureButNotInShape() {
        TestResponse a = memory.fork().get("/auth/csrf/").send();
        TestResponse b = wire.fork().get("/auth/csrf/").send();
        assertThat(a.status()).isEqualTo(b.status()).isEqualTo(200);
        assertThat(a.headers("Content-Type")).isEqualTo(b.headers("Content-Type"));
        assertThat(a.json().path("csrf_token").asText())
                .hasSize(b.json().path("csrf_token").asText().length())
                .isNotEqualTo(b.json().path("csrf_token").asText());
        assertThat(a.headers("Set-Cookie").getFirst().split("=")[0])
                .isEqualTo(b.headers("Set-Cookie").getFirst().split("=")[0]);
    }

    @Test
    void aSessionLoginWithCsrfWorksTheSameBothWays() {
        for (PorticoClient client : List.of(memory.fork().logout(), wire.fork().logout())) {
            client.login("writer", TestAccounts.PASSWORD);
            assertThat(client.get("/api/posts/").send()).as(client.toString()).hasStatus(200);
            assertThat(client.post("/api/posts/")
                            .json(POST.replace("Parity", "By session"))
                            .send())
                    .as(client.toString())
                    .hasStatus(201);
        }
    }
}
