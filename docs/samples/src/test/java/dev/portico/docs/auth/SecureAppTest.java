package dev.portico.docs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.auth.session.SessionSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.docs.Http;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/authentication.md: a user signs in every way the page shows, over HTTP. */
class SecureAppTest {
    private static Portico app;
    private static Http http;
    private static PorticoConfig config;

    @BeforeAll
    static void start() {
        String url = "jdbc:h2:mem:auth-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        config = SessionSettings.register(JwtSettings.register(AuthSettings.register(
                DatabaseSettings.register(PorticoConfig.builder()))))
                .set(Settings.SERVER_PORT, 0)
                .set(DatabaseSettings.URL, url)
                .set(JwtSettings.SECRET, "a-test-secret-of-at-least-32-bytes-long!")
                .build();
        app = SecureApp.app(config).build().start();
        http = new Http(app.port());
        // region users
        Database db = Database.create(config, Accounts.MIGRATIONS);
        Accounts accounts = Accounts.create(db, config);
        accounts.roles().define("reader", Set.of("notes:read"));
        User ada = accounts.users().create(NewUser.of("ada", "ada@example.com", "correct horse battery"));
        accounts.users().grant(ada.id(), "reader");
        CreatedApiKey key = ApiKeys.create(accounts).create(ada.id(), "laptop",
                Optional.of(Instant.now().plus(Duration.ofDays(30))), Optional.of("reader"));
        String credential = key.credential();   // "k-...:secret": shown once, only its hash is stored
        // endregion users
        SecureAppTest.credential = credential;
        db.close();
    }

    private static String credential;

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void anonymousIsRefused() {
        HttpResponse<String> r = http.get("/api/me/");
        System.out.println("anon: " + r.statusCode() + " " + r.headers().allValues("WWW-Authenticate") + " " + r.body());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void jwt() {
        HttpResponse<String> pair = http.json("/auth/obtain_token/",
                "{\"username\":\"ada\",\"password\":\"correct horse battery\"}");
        System.out.println("pair: " + pair.statusCode() + " " + pair.body());
        assertThat(pair.statusCode()).isEqualTo(200);
        String access = pair.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
        String refresh = pair.body().replaceAll(".*\"refresh\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = http.get("/api/me/", "Authorization", "Bearer " + access);
        System.out.println("me: " + me.body());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"ada\"");
        HttpResponse<String> refreshed = http.json("/auth/refresh_token/", "{\"refresh\":\"" + refresh + "\"}");
        System.out.println("refreshed: " + refreshed.statusCode() + " " + refreshed.body());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        HttpResponse<String> verify = http.json("/auth/verify_token/", "{\"token\":\"" + access + "\"}");
        System.out.println("verify: " + verify.statusCode() + " " + verify.body());
        HttpResponse<String> wrong = http.json("/auth/obtain_token/", "{\"username\":\"ada\",\"password\":\"nope\"}");
        System.out.println("wrong: " + wrong.statusCode() + " " + wrong.body());
    }

    @Test
    void apiKeyAndBasic() {
        HttpResponse<String> key = http.get("/api/me/", "Authorization", "Api-Key " + credential);
        System.out.println("key: " + key.statusCode() + " " + key.body());
        assertThat(key.statusCode()).isEqualTo(200);
        String basicKey = Base64.getEncoder().encodeToString(("ada:" + credential).getBytes(StandardCharsets.UTF_8));
        assertThat(http.get("/api/me/", "Authorization", "Basic " + basicKey).statusCode()).isEqualTo(200);
        String basic = Base64.getEncoder().encodeToString("ada:correct horse battery".getBytes(StandardCharsets.UTF_8));
        assertThat(http.get("/api/me/", "Authorization", "Basic " + basic).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = http.get("/api/me/", "Authorization", "Api-Key k-0123456789abcdef:nope");
        System.out.println("bad key: " + bad.statusCode() + " " + bad.body());
        assertThat(bad.statusCode()).isEqualTo(401);
    }

    @Test
    void sessionWithCsrf() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + app.port();
        HttpResponse<String> csrf = browser.send(HttpRequest.newBuilder(URI.create(base + "/auth/csrf/")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("csrf: " + csrf.statusCode() + " " + csrf.body() + " " + csrf.headers().allValues("Set-Cookie"));
        String token = csrf.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> noToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/auth/login/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ada\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("noToken: " + noToken.statusCode() + " " + noToken.body());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/auth/login/"))
                .header("Content-Type", "application/json").header("X-CSRFToken", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"ada\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("login: " + login.statusCode() + " " + login.body() + " " + login.headers().allValues("Set-Cookie"));
        assertThat(login.statusCode()).isEqualTo(200);
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/account/keys/")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("keys page: " + page.statusCode() + " " + page.headers().firstValue("Content-Type"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("laptop");
        HttpResponse<String> anonymousPage = http.get("/account/keys/");
        System.out.println("anon page: " + anonymousPage.statusCode() + " " + anonymousPage.headers().map());
    }
}
