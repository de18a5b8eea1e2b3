package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.testing.Bodies;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10's shared state: two instances of the example on one database, as behind a load balancer without sticky
 * sessions. What one instance does (log in, rotate a refresh token, log out everywhere, revoke a key) holds on the
 * other at once, because sessions, refresh families, the revocation epoch and keys live only in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
    private BlogDatabases database;
    private Portico a;
    private Portico b;

    @BeforeAll
    void start() throws Exception {
        database = BlogDatabases.h2();
        a = BlogApp.app(database.serverConfig()).shutdownHook(false).build().start();
        b = BlogApp.app(database.serverConfig()).shutdownHook(false).build().start();
    }

    @AfterAll
    void stop() {
        for (Portico app : new Portico[] {a, b}) {
            if (app != null) {
                app.stop();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSessionAndItsCsrfTokenFromOneInstanceWorkOnTheOtherUntilLogout() throws Exception {
        BlogUsers.create(database.serverConfig(), "sam", false);
        BlogClient onA = new BlogClient(a.port());
        HttpResponse<String> login = onA.json("POST", "/auth/login/",
                "{\"username\":\"sam\",\"password\":\"" + BlogUsers.PASSWORD + "\"}", "X-CSRFToken", onA.csrfToken());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String csrf = onA.csrfToken();

        BlogClient onB = onA.on(b.port());
        assertThat(Bodies.json(onB.get("/auth/user/").body()).path("username").asText()).isEqualTo("sam");
        HttpResponse<String> written = onB.json("POST", "/api/posts/", "{\"title\":\"from b\",\"content\":\"c\"}",
                "X-CSRFToken", csrf);
        assertThat(written.statusCode()).as("B accepts A's session and A's CSRF secret: " + written.body()).isEqualTo(201);

        assertThat(onB.json("POST", "/auth/logout/", "{}", "X-CSRFToken", csrf).statusCode()).isEqualTo(200);
        BlogClient stale = new BlogClient(a.port());
        assertThat(onA.get("/auth/user/").statusCode()).as("logged out on B, so on A too").isIn(401, 403);
        assertThat(stale.get("/auth/user/").statusCode()).isIn(401, 403);
    }

    @Test
    void refreshFamiliesAndLogoutEverywhereHoldAcrossInstances() throws Exception {
        BlogUsers.create(database.serverConfig(), "tess", false);
        String pair = BlogUsers.tokens(a.port(), "tess", BlogUsers.PASSWORD);
        String access = Bodies.json(pair).path("access").asText();
        String refresh = Bodies.json(pair).path("refresh").asText();
        BlogClient onB = new BlogClient(b.port());
        assertThat(onB.send(onB.at("/api/posts/").header("Authorization", "Bearer " + access)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> rotated = onB.json("POST", "/auth/refresh_token/", "{\"refresh\":\"" + refresh + "\"}");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        BlogClient onA = new BlogClient(a.port());
        assertThat(onA.json("POST", "/auth/refresh_token/", "{\"refresh\":\"" + refresh + "\"}").statusCode())
                .as("spent on B, so refused on A (and its family revoked)").isEqualTo(401);
        String next = Bodies.json(rotated.body()).path("refresh").asText();
        assertThat(onB.json("POST", "/auth/refresh_token/", "{\"refresh\":\"" + next + "\"}").statusCode())
                .as("the whole family is revoked, on every instance").isEqualTo(401);

        String fresh = Bodies.json(BlogUsers.tokens(b.port(), "tess", BlogUsers.PASSWORD)).path("access").asText();
        assertThat(onA.json("POST", "/auth/logout_everywhere/", "{}", "Authorization", "Bearer " + fresh).statusCode())
                .isEqualTo(200);
        assertThat(onB.send(onB.at("/api/posts/").header("Authorization", "Bearer " + fresh)).statusCode())
                .as("logged out everywhere on A: B refuses the token at once").isEqualTo(401);
    }

    @Test
    void aKeyRevokedIsRefusedByEveryInstanceAtOnce() throws Exception {
        User user = BlogUsers.create(database.serverConfig(), "kim", false);
        String key = BlogUsers.key(database.serverConfig(), user.id());
        for (Portico app : new Portico[] {a, b}) {
            BlogClient client = new BlogClient(app.port());
            assertThat(client.send(client.at("/api/employees/").header("Authorization", "Api-Key " + key)).statusCode())
                    .isEqualTo(200);
        }
        BlogUsers.revoke(database.serverConfig(), key);
        for (Portico app : new Portico[] {a, b}) {
            BlogClient client = new BlogClient(app.port());
            assertThat(client.send(client.at("/api/employees/").header("Authorization", "Api-Key " + key)).statusCode())
                    .isEqualTo(401);
        }
    }
}
