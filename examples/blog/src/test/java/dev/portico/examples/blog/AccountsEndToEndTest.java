package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.config.PorticoConfig;
import dev.portico.testing.Bodies;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 5's accounts in the example, end to end over a real socket on H2 ({@link AccountsEndToEndPostgresTest}:
 * PostgreSQL): a session login with its CSRF token and a session caller on posts, a token refresh, a JWT caller on
 * the account endpoints, logout everywhere ending tokens and sessions at once, seed 002's {@code authorisation}
 * field and a key made for a role, acting with that role's scopes only. Each test has users of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsEndToEndTest {
    private static final String EMPLOYEE = "{\"name\":\"Ada\",\"department\":\"eng\",\"salary\":100,\"hire_date\":\"2020-01-15\"}";
    private BlogServer server;
    private PorticoConfig config;

    BlogDatabases database() throws Exception {
        return BlogDatabases.h2();
    }

    @BeforeAll
    void start() throws Exception {
        server = BlogServer.start(database());
        config = server.config;
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private BlogClient client() {
        return new BlogClient(server.port());
    }

    /** A client logged in with a session at /auth/login/, its CSRF token fetched first as a page would. */
    private BlogClient loggedIn(String username, String password) throws Exception {
        BlogClient browser = client();
        String token = browser.csrfToken();
        HttpResponse<String> login = browser.json("POST", "/auth/login/",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", "X-CSRFToken", token);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(Bodies.json(login.body()).path("username").asText()).isEqualTo(username);
        assertThat(browser.hasCookie("sessionid")).isTrue();
        return browser;
    }

    @Test
    void aSessionLogsInWithItsCsrfTokenAndWritesPostsOnlyWithIt() throws Exception {
        BlogUsers.create(config, "sally", false);
        BlogClient anonymous = client();
        HttpResponse<String> noToken = anonymous.json("POST", "/auth/login/",
                "{\"username\":\"sally\",\"password\":\"" + BlogUsers.PASSWORD + "\"}");
        assertThat(noToken.statusCode()).as("login needs the CSRF token").isEqualTo(403);
        assertThat(Bodies.json(noToken.body()).path("code").asText()).isEqualTo("csrf_failed");

        BlogClient browser = loggedIn("sally", BlogUsers.PASSWORD);
        assertThat(browser.get("/api/posts/").statusCode()).isEqualTo(200);
        assertThat(Bodies.json(browser.get("/auth/user/").body()).path("username").asText()).isEqualTo("sally");

        HttpResponse<String> unchecked = browser.json("POST", "/api/posts/", "{\"title\":\"Sally's\",\"content\":\"x\"}");
        assertThat(unchecked.statusCode()).isEqualTo(403);
        assertThat(Bodies.json(unchecked.body()).path("code").asText()).isEqualTo("csrf_failed");
        HttpResponse<String> forged = browser.json("POST", "/api/posts/", "{\"title\":\"Sally's\",\"content\":\"x\"}",
                "X-CSRFToken", "a".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(403);

        String token = browser.csrfToken();   // login rotated the secret: a token of the new one
        HttpResponse<String> created = browser.json("POST", "/api/posts/", "{\"title\":\"Sally's\",\"content\":\"x\"}",
                "X-CSRFToken", token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long sally = Bodies.json(browser.get("/auth/user/").body()).path("pk").asLong();
        assertThat(Bodies.json(created.body()).path("owner").asLong()).isEqualTo(sally);
        HttpResponse<String> list = browser.get("/api/posts/?search=Sally");
        assertThat(Bodies.json(list.body()).path("results").findValuesAsText("title")).containsExactly("Sally's");

        assertThat(browser.json("POST", "/auth/logout/", "{}", "X-CSRFToken", token).statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/posts/").statusCode()).as("logged out").isEqualTo(401);
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenThatWorks() throws Exception {
        BlogUsers.create(config, "rita", false);
        JsonNode pair = Bodies.json(BlogUsers.tokens(server.port(), "rita", BlogUsers.PASSWORD));
        HttpResponse<String> refreshed = client().json("POST", "/auth/refresh_token/",
                "{\"refresh\":\"" + pair.path("refresh").asText() + "\"}");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String access = Bodies.json(refreshed.body()).path("access").asText();
        assertThat(access).isNotBlank();
        assertThat(client().json("GET", "/api/posts/", "", "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = client().json("POST", "/auth/refresh_token/",
                "{\"refresh\":\"" + pair.path("refresh").asText() + "\"}");
        assertThat(again.statusCode()).as("a rotated refresh token is spent").isEqualTo(401);
        assertThat(client().json("POST", "/auth/refresh_token/", "{\"refresh\":\"" + access + "\"}").statusCode())
                .as("an access token is no refresh token").isEqualTo(401);
    }

    @Test
    void aJwtCallerUsesTheAccountEndpointsAndLogoutEverywhereEndsItsTokensAndSessions() throws Exception {
        BlogUsers.create(config, "jo", false);
        String bearer = "Bearer " + BlogUsers.token(server.port(), "jo");
        HttpResponse<String> me = client().json("GET", "/auth/user/", "", "Authorization", bearer);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Bodies.json(me.body()).path("username").asText()).isEqualTo("jo");

        HttpResponse<String> changed = client().json("POST", "/auth/password/change/", "{\"old_password\":\""
                + BlogUsers.PASSWORD + "\",\"new_password1\":\"another horse\",\"new_password2\":\"another horse\"}",
                "Authorization", bearer);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(client().json("GET", "/auth/user/", "", "Authorization", bearer).statusCode())
                .as("a password change ends every token").isEqualTo(401);

        String token = "Bearer " + Bodies.json(BlogUsers.tokens(server.port(), "jo", "another horse")).path("access")
                .asText();
        BlogClient session = loggedIn("jo", "another horse");
        assertThat(session.get("/api/posts/").statusCode()).isEqualTo(200);
        assertThat(client().json("GET", "/api/posts/", "", "Authorization", token).statusCode()).isEqualTo(200);

        HttpResponse<String> everywhere = client().json("POST", "/auth/logout_everywhere/", "{}",
                "Authorization", token);
        assertThat(everywhere.statusCode()).as(everywhere.body()).isEqualTo(200);
        assertThat(Bodies.json(everywhere.body()).path("detail").asText()).isEqualTo("Successfully logged out.");
        assertThat(client().json("GET", "/api/posts/", "", "Authorization", token).statusCode())
                .as("the token ended").isEqualTo(401);
        assertThat(session.get("/api/posts/").statusCode()).as("the session ended").isEqualTo(401);
        assertThat(session.hasCookie("sessionid")).as("its dead cookie cleared").isFalse();
    }

    @Test
    void aSessionLogsOutEverywhereWithItsCsrfToken() throws Exception {
        BlogUsers.create(config, "sam", false);
        String token = "Bearer " + BlogUsers.token(server.port(), "sam");
        BlogClient browser = loggedIn("sam", BlogUsers.PASSWORD);
        assertThat(browser.json("POST", "/auth/logout_everywhere/", "{}").statusCode()).as("no CSRF token")
                .isEqualTo(403);
        HttpResponse<String> out = browser.json("POST", "/auth/logout_everywhere/", "{}", "X-CSRFToken",
                browser.csrfToken());
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        assertThat(browser.get("/auth/user/").statusCode()).isEqualTo(401);
        assertThat(client().json("GET", "/api/posts/", "", "Authorization", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theAuthorisationFieldOfAFormCreatesAnEmployeeAsTheKeysUser() throws Exception {
        long fay = BlogUsers.create(config, "fay", false).id();
        String key = BlogUsers.key(config, fay);
        HttpResponse<String> created = client().form("/api/employees/",
                "authorisation=" + key + "&name=Grace&department=forms&salary=6000&hire_date=2021-03-01");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Bodies.json(created.body()).path("owner").asLong()).isEqualTo(fay);
        assertThat(Bodies.json(created.body()).path("name").asText()).isEqualTo("Grace");
        HttpResponse<String> wrong = client().form("/api/employees/",
                "authorisation=" + key.split(":")[0] + ":wrong&name=Eve&department=forms&salary=1&hire_date=2021-03-01");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
    }

    @Test
    void aRoleKeyActsWithItsRolesScopesOnly() throws Exception {
        long hal = BlogUsers.create(config, "hal", true).id();
        String reader = BlogUsers.roleKey(config, hal, "hr-reader", Set.of("employees:read"));
        String writer = BlogUsers.roleKey(config, hal, "hr-writer", Set.of(Employees.WRITE_SCOPE));

        assertThat(client().json("GET", "/api/employees/", "", "Authorization", "Api-Key " + reader).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = client().json("POST", "/api/employees/", EMPLOYEE,
                "Authorization", "Api-Key " + reader);
        assertThat(refused.statusCode()).as("the role has no %s", Employees.WRITE_SCOPE).isEqualTo(403);
        assertThat(Bodies.json(refused.body()).path("code").asText()).isEqualTo("permission_denied");
        HttpResponse<String> created = client().json("POST", "/api/employees/", EMPLOYEE,
                "Authorization", "Api-Key " + writer);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Bodies.json(created.body()).path("owner").asLong()).isEqualTo(hal);
    }
}
