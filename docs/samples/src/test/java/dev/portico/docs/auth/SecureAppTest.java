package dev.portico.docs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/authentication.md: a user signs in every way the page shows, in-process on the class's fresh H2. */
@PorticoTest
class SecureAppTest {
    private static final Map<String, String> ADA = Map.of("username", "ada", "password", "correct horse battery");
    private static PorticoConfig config;
    private static String credential;

    @App
    static Portico app(TestSetup setup) {
        config = setup.config()
                .set(JwtSettings.SECRET, "a-test-secret-of-at-least-32-bytes-long!")
                .build();
        return SecureApp.app(config).build();
    }

    @BeforeAll
    static void users() {
        // region users
        Database db = Database.create(config, Accounts.MIGRATIONS);
        Accounts accounts = Accounts.create(db, config);
        accounts.roles().define("reader", Set.of("notes:read"));
        User ada = accounts.users().create(NewUser.of("ada", "ada@example.com", "correct horse battery"));
        accounts.users().grant(ada.id(), "reader");
        CreatedApiKey key = ApiKeys.create(accounts)
                .create(
                        ada.id(),
                        "laptop",
                        Optional.of(Instant.now().plus(Duration.ofDays(30))),
                        Optional.of("reader"));
        String credential = key.credential(); // "k-...:secret": shown once, only its hash is stored
        // endregion users
        SecureAppTest.credential = credential;
        db.close();
    }

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousIsRefused(PorticoClient client) {
        assertThat(client.get("/api/me/").send())
                .isProblem(401)
                .hasCode("not_authenticated")
                .hasDetail("Authentication credentials were not provided.")
                .hasHeader("WWW-Authenticate");
    }

    @Test
    void jwt(PorticoClient client) {
        TestResponse pair = client.post("/auth/obtain_token/").json(ADA).send();
        assertThat(pair).hasStatus(200).hasJsonPath("$.access").hasJsonPath("$.refresh");
        String access = pair.json().path("access").asText();
        String refresh = pair.json().path("refresh").asText();
        assertThat(client.get("/api/me/").withJwt(access).send()).hasStatus(200).hasJsonPath("$.name", "ada");
        assertThat(client.post("/auth/refresh_token/")
                        .json(Map.of("refresh", refresh))
                        .send())
                .hasStatus(200)
                .hasJsonPath("$.access")
                .hasJsonPath("$.refresh");
        assertThat(client.post("/auth/refresh_token/")
                        .json(Map.of("refresh", refresh))
                        .send())
                .as("a spent refresh token")
                .isProblem(401);
        assertThat(client.post("/auth/verify_token/")
                        .json(Map.of("token", access))
                        .send())
                .hasStatus(200);
        assertThat(client.post("/auth/verify_token/")
                        .json(Map.of("token", "nope"))
                        .send())
                .isProblem(401);
        assertThat(client.post("/auth/obtain_token/")
                        .json(Map.of("username", "ada", "password", "nope"))
                        .send())
                .isProblem(401)
                .hasCode("no_active_account")
                .hasDetail("No active account found with the given credentials");
    }

    @Test
    void apiKeyAndBasic(PorticoClient client) {
        assertThat(client.get("/api/me/").withApiKey(credential).send()).hasStatus(200);
        assertThat(client.get("/api/me/")
                        .header("Authorization", basic("ada:" + credential))
                        .send())
                .hasStatus(200);
        assertThat(client.get("/api/me/")
                        .header("Authorization", basic("ada:correct horse battery"))
                        .send())
                .hasStatus(200);
        assertThat(client.get("/api/me/").withApiKey("k-0123456789abcdef:nope").send())
                .isProblem(401)
                .hasCode("authentication_failed")
                .hasDetail("Invalid API key.");
    }

    @Test
    void sessionWithCsrf(PorticoClient browser) {
        TestResponse csrf = browser.get("/auth/csrf/").send();
        assertThat(csrf).hasStatus(200).hasJsonPath("$.csrf_token");
        assertThat(browser.cookies().get("csrftoken")).isPresent();
        assertThat(browser.post("/auth/login/").withoutCsrfToken().form(ADA).send())
                .isProblem(403)
                .hasCode("csrf_failed")
                .hasDetail("CSRF Failed: CSRF token missing.");
        assertThat(browser.post("/auth/login/").json(ADA).send()) // X-CSRFToken from the csrftoken cookie
                .hasStatus(200)
                .hasJsonPath("$.user.username", "ada")
                .hasJsonPath("$.user.email", "ada@example.com")
                .hasJsonPath("$.access")
                .hasJsonPath("$.refresh");
        assertThat(browser.get("/api/me/").send()).hasStatus(200);
        TestResponse page = browser.get("/account/keys/").send();
        assertThat(page).hasStatus(200).hasContentType("text/html").hasHeader("Content-Security-Policy");
        assertThat(page.text()).contains("laptop");
        TestResponse signIn = browser.fork().logout().get("/account/keys/").send(); // no session: the sign-in form
        assertThat(signIn).hasContentType("text/html");
        assertThat(signIn.text()).doesNotContain("laptop");
    }
}
