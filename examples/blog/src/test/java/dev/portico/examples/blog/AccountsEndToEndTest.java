package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's accounts in the example, end to end through the account endpoints, in-process on H2
 * ({@link AccountsEndToEndPostgresTest}: PostgreSQL): a session login with its CSRF token and a session caller on
 * posts, a token refresh, a JWT caller on the account endpoints, logout everywhere ending tokens and sessions at once,
 * seed 002's {@code authorisation} field and a key made for a role, acting with that role's scopes only. Every
 * credential here is obtained as a caller would, never minted; each test has users of its own.
 */
@PorticoTest
class AccountsEndToEndTest {
    private static final String EMPLOYEE =
            "{\"name\":\"Ada\",\"department\":\"eng\",\"salary\":100,\"hire_date\":\"2020-01-15\"}";
    private static final String POST = "{\"title\":\"Sally's\",\"content\":\"x\"}";
    private static TestAccounts accounts;
    /** A new anonymous client per test; {@link PorticoClient#fork()} gives each caller its own cookies. */
    private PorticoClient anonymous;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup);
        accounts = built.accounts();
        return built.app();
    }

    @BeforeEach
    void client(PorticoClient client) {
        this.anonymous = client;
    }

    /** A browser logged in with a session at /auth/login/, its CSRF token fetched first as a page would. */
    private PorticoClient loggedIn(String username, String password) {
        PorticoClient browser = anonymous.fork().login(username, password);
        assertThat(browser.get("/auth/user/").send()).hasStatus(200).hasJsonPath("$.username", username);
        assertThat(browser.cookies().get("sessionid")).isPresent();
        return browser;
    }

    /** The body of {@code /auth/obtain_token/}: {@code {"access": ..., "refresh": ...}}. */
    private TestResponse tokens(String username, String password) {
        TestResponse pair = anonymous
                .fork()
                .post("/auth/obtain_token/")
                .json(Map.of("username", username, "password", password))
                .send();
        assertThat(pair).hasStatus(200);
        return pair;
    }

    private String bearer(String username, String password) {
        return tokens(username, password).json().path("access").asText();
    }

    @Test
    void aSessionLogsInWithItsCsrfTokenAndWritesPostsOnlyWithIt() {
        accounts.createUser("sally");
        assertThat(anonymous
                        .fork()
                        .post("/auth/login/")
                        .form(Map.of("username", "sally", "password", TestAccounts.PASSWORD))
                        .send())
                .as("a login form needs the CSRF token")
                .isProblem(403)
                .hasCode("csrf_failed");

        PorticoClient browser = loggedIn("sally", TestAccounts.PASSWORD);
        assertThat(browser.get("/api/posts/").send()).hasStatus(200);
        assertThat(browser.post("/api/posts/").withoutCsrfToken().json(POST).send())
                .isProblem(403)
                .hasCode("csrf_failed");
        assertThat(browser.post("/api/posts/")
                        .header("X-CSRFToken", "a".repeat(64))
                        .json(POST)
                        .send())
                .as("a forged token")
                .isProblem(403)
                .hasCode("csrf_failed");

        TestResponse created = browser.post("/api/posts/").json(POST).send(); // the token of the secret login rotated
        assertThat(created).hasStatus(201);
        long sally = browser.get("/auth/user/").send().json().path("pk").asLong();
        assertThat(created).hasJsonPath("$.owner", sally);
        assertThat(browser.get("/api/posts/?search=Sally")
                        .send()
                        .json()
                        .path("results")
                        .findValuesAsText("title"))
                .containsExactly("Sally's");

        assertThat(browser.post("/auth/logout/").json("{}").send()).hasStatus(200);
        assertThat(browser.cookies().get("sessionid")).as("the cookie cleared").isEmpty();
        assertThat(browser.get("/api/posts/").send()).as("logged out").isProblem(401);
    }

    @Test
    void theSessionCookieOfALoginIsWhatABrowserKeeps() {
        accounts.createUser("cora");
        PorticoClient browser = anonymous.fork();
        browser.get("/auth/csrf/").send();
        TestResponse login = browser.post("/auth/login/")
                .json(Map.of("username", "cora", "password", TestAccounts.PASSWORD))
                .send();
        assertThat(login).hasStatus(200);
        assertThat(login.headers("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("sessionid=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
        TestResponse logout = browser.post("/auth/logout/").json("{}").send();
        assertThat(logout.headers("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("sessionid=").contains("Max-Age=0"));
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenThatWorks() {
        accounts.createUser("rita");
        String refresh =
                tokens("rita", TestAccounts.PASSWORD).json().path("refresh").asText();
        TestResponse refreshed = anonymous
                .post("/auth/refresh_token/")
                .json(Map.of("refresh", refresh))
                .send();
        assertThat(refreshed).hasStatus(200);
        String access = refreshed.json().path("access").asText();
        assertThat(access).isNotBlank();
        assertThat(anonymous.get("/api/posts/").withJwt(access).send()).hasStatus(200);
        assertThat(anonymous
                        .post("/auth/refresh_token/")
                        .json(Map.of("refresh", refresh))
                        .send())
                .as("a rotated refresh token is spent")
                .isProblem(401);
        assertThat(anonymous
                        .post("/auth/refresh_token/")
                        .json(Map.of("refresh", access))
                        .send())
                .as("an access token is no refresh token")
                .isProblem(401);
    }

    @Test
    void aJwtCallerUsesTheAccountEndpointsAndLogoutEverywhereEndsItsTokensAndSessions() {
        accounts.createUser("jo");
        PorticoClient jo = anonymous.fork().withJwt(bearer("jo", TestAccounts.PASSWORD));
        assertThat(jo.get("/auth/user/").send()).hasStatus(200).hasJsonPath("$.username", "jo");

        Map<String, String> change = new LinkedHashMap<>();
        change.put("old_password", TestAccounts.PASSWORD);
        change.put("new_password1", "another horse");
        change.put("new_password2", "another horse");
        assertThat(jo.post("/auth/password/change/").json(change).send()).hasStatus(200);
        assertThat(jo.get("/auth/user/").send())
                .as("a password change ends every token")
                .isProblem(401);

        PorticoClient again = anonymous.fork().withJwt(bearer("jo", "another horse"));
        PorticoClient session = loggedIn("jo", "another horse");
        assertThat(session.get("/api/posts/").send()).hasStatus(200);
        assertThat(again.get("/api/posts/").send()).hasStatus(200);

        assertThat(again.post("/auth/logout_everywhere/").json("{}").send())
                .hasStatus(200)
                .hasJsonPath("$.detail", "Successfully logged out.");
        assertThat(again.get("/api/posts/").send()).as("the token ended").isProblem(401);
        assertThat(session.get("/api/posts/").send()).as("the session ended").isProblem(401);
        assertThat(session.cookies().get("sessionid"))
                .as("its dead cookie cleared")
                .isEmpty();
    }

    @Test
    void aSessionLogsOutEverywhereWithItsCsrfToken() {
        accounts.createUser("sam");
        PorticoClient token = anonymous.fork().withJwt(bearer("sam", TestAccounts.PASSWORD));
        PorticoClient browser = loggedIn("sam", TestAccounts.PASSWORD);
        assertThat(browser.post("/auth/logout_everywhere/")
                        .withoutCsrfToken()
                        .json("{}")
                        .send())
                .as("no CSRF token")
                .isProblem(403)
                .hasCode("csrf_failed");
        assertThat(browser.post("/auth/logout_everywhere/").json("{}").send()).hasStatus(200);
        assertThat(browser.get("/auth/user/").send()).isProblem(401);
        assertThat(token.get("/api/posts/").send()).isProblem(401);
    }

    @Test
    void theAuthorisationFieldOfAFormCreatesAnEmployeeAsTheKeysUser() {
        User fay = accounts.createUser("fay");
        String key = accounts.apiKey(fay);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("authorisation", key);
        form.put("name", "Grace");
        form.put("department", "forms");
        form.put("salary", "6000");
        form.put("hire_date", "2021-03-01");
        assertThat(anonymous.post("/api/employees/").form(form).send())
                .hasStatus(201)
                .hasJsonPath("$.owner", fay.id())
                .hasJsonPath("$.name", "Grace");
        form.put("authorisation", key.split(":")[0] + ":wrong");
        assertThat(anonymous.post("/api/employees/").form(form).send())
                .isProblem(401)
                .hasHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    }

    @Test
    void aRoleKeyActsWithItsRolesScopesOnly() {
        User hal = accounts.createStaff("hal");
        String reader = accounts.apiKey(hal, "hr-reader", Set.of("employees:read"));
        String writer = accounts.apiKey(hal, "hr-writer", Set.of(Employees.WRITE_SCOPE));

        assertThat(anonymous.get("/api/employees/").withApiKey(reader).send()).hasStatus(200);
        assertThat(anonymous
                        .post("/api/employees/")
                        .withApiKey(reader)
                        .json(EMPLOYEE)
                        .send())
                .as("the role has no %s", Employees.WRITE_SCOPE)
                .isProblem(403)
                .hasCode("permission_denied");
        assertThat(anonymous
                        .post("/api/employees/")
                        .withApiKey(writer)
                        .json(EMPLOYEE)
                        .send())
                .hasStatus(201)
                .hasJsonPath("$.owner", hal.id());
    }
}
