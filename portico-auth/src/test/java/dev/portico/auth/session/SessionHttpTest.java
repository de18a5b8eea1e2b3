package dev.portico.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.MutableClock;
import dev.portico.auth.SessionTestApp;
import dev.portico.auth.SetCookie;
import dev.portico.config.Settings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.testing.Bodies;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Sessions over a real socket, with the JDK's cookie store playing the browser's part. */
class SessionHttpTest {

    @DatabaseTest
    void loginLogoutAndCsrfOverTheWire(TestDatabase test) throws Exception {
        try (SessionTestApp t = SessionTestApp.create(
                test,
                MutableClock.startingNow(),
                b -> b.set(Settings.SERVER_PORT, 0).set(Settings.SERVER_HOST, "127.0.0.1"))) {
            t.user("ada");
            Portico server = t.app.start();
            try {
                String base = "http://127.0.0.1:" + server.port();
                CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
                HttpClient client = HttpClient.newBuilder().cookieHandler(jar).build();

                HttpResponse<String> csrf = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/auth/csrf/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(csrf.statusCode()).isEqualTo(200);
                String token = Bodies.json(csrf.body()).get("csrf_token").asText();

                HttpResponse<String> login = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/auth/login/"))
                                .header("Content-Type", "application/json")
                                .header(Csrf.HEADER, token)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"ada\",\"password\":\"" + SessionTestApp.PASSWORD + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(200);
                List<SetCookie> set = SetCookie.all(login);
                SetCookie session = SetCookie.find(set, "sessionid").orElseThrow();
                assertThat(session.has("HttpOnly")).isTrue();
                assertThat(session.attribute("SameSite")).contains("Lax");
                assertThat(session.attribute("Path")).contains("/");
                assertThat(session.has("Secure")).isFalse();
                assertThat(SetCookie.find(set, "csrftoken").orElseThrow().has("HttpOnly"))
                        .isFalse();
                HttpCookie stored = jar.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("sessionid"))
                        .findFirst()
                        .orElseThrow();
                assertThat(stored.isHttpOnly()).isTrue();

                HttpResponse<String> me = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/auth/user/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(Bodies.json(me.body()).get("username").asText()).isEqualTo("ada");

                String rotated = jar.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("csrftoken"))
                        .findFirst()
                        .orElseThrow()
                        .getValue();
                HttpResponse<String> forged = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/auth/logout/"))
                                .header("Origin", "https://evil.example")
                                .header(Csrf.HEADER, rotated)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(forged.statusCode()).isEqualTo(403);
                assertThat(Bodies.json(forged.body()).get("detail").asText())
                        .isEqualTo(
                                "CSRF Failed: Origin checking failed - https://evil.example does not match any trusted"
                                        + " origins.");

                HttpResponse<String> logout = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/auth/logout/"))
                                .header(Csrf.HEADER, rotated)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(logout.statusCode()).isEqualTo(200);
                assertThat(SetCookie.find(SetCookie.all(logout), "sessionid")
                                .orElseThrow()
                                .clears())
                        .isTrue();
                assertThat(jar.getCookieStore().getCookies())
                        .extracting(HttpCookie::getName)
                        .doesNotContain("sessionid");
                assertThat(client.send(
                                        HttpRequest.newBuilder(URI.create(base + "/auth/user/"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(403);
            } finally {
                server.stop();
            }
        }
    }
}
