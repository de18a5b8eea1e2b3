package dev.portico.test.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in without a password dance, on H2 in memory: {@code as(user)} with a minted JWT, {@code withApiKey},
 * {@code withJwt}, and {@code login} with the CSRF token sent on unsafe methods; and the clock moving a token past
 * its expiry.
 */
@PorticoTest
class TestAccountsTest {
    private static TestAccounts accounts;
    private static User ada;

    @App
    static Portico app(TestSetup setup) {
        Portico app = AuthApp.builder(AuthApp.settings(setup.config()).build()).build();
        accounts = setup.closeAfterAll(TestAccounts.on(app.config()));
        setup.clients(client -> client.impersonation(accounts.jwt()));
        return app;
    }

    @BeforeAll
    static void users() {
        ada = accounts.createUser("ada");
        accounts.createStaff("boss");
    }

    @Test
    void asSignsInWithAMintedTokenThroughTheRealAuthenticator(PorticoClient client) {
        assertThat(client.get("/api/me/").send()).isProblem(401).hasCode("not_authenticated");
        assertThat(client.as(ada).get("/api/me/").send()).hasStatus(200).hasJsonPath("$.username", "ada");
        assertThat(client.get("/api/me/").as("boss").send()).hasJsonPath("$.username", "boss");
        assertThat(client.post("/api/me/")
                        .json(Map.of("username", "x", "via", "y"))
                        .send())
                .as("a token needs no CSRF token")
                .hasStatus(200);
    }

    @Test
    void withApiKeyAndWithJwt(PorticoClient client) {
        assertThat(client.withApiKey(accounts.apiKey(ada)).get("/api/me/").send())
                .hasJsonPath("$.via", "key");
        assertThat(client.withApiKey("k-0000000000000000:wrong").get("/api/me/").send())
                .isProblem(401)
                .hasCode("authentication_failed");
        assertThat(client.withJwt(accounts.accessToken(ada)).get("/api/me/").send())
                .hasJsonPath("$.via", "person");
    }

    @Test
    void loginKeepsTheSessionAndSendsTheCsrfTokenOnUnsafeMethods(PorticoClient client) {
        client.login("ada", TestAccounts.PASSWORD);
        assertThat(client.cookies().get("sessionid")).isPresent();
        assertThat(client.get("/api/me/").send()).hasStatus(200).hasJsonPath("$.username", "ada");
        assertThat(client.post("/api/me/")
                        .json(Map.of("username", "x", "via", "y"))
                        .send())
                .hasStatus(200);
        assertThat(client.post("/api/me/")
                        .header("X-CSRFToken", "x".repeat(32))
                        .json(Map.of("username", "x", "via", "y"))
                        .send())
                .as("a session without the right CSRF token is refused")
                .isProblem(403)
                .hasCode("csrf_failed");
        client.logout();
        assertThat(client.get("/api/me/").send()).hasStatus(401);
    }

    @Test
    void aTokenExpiresWhenTheClockPassesItsLifetime(PorticoClient client, MutableClock clock) {
        TestResponse pair = client.post("/auth/obtain_token/")
                .json(Map.of("username", "ada", "password", TestAccounts.PASSWORD))
                .send();
        assertThat(pair).hasStatus(200).hasJsonPath("$.access");
        client.withJwt(pair.json().path("access").asText());
        assertThat(client.get("/api/me/").send()).hasStatus(200);
        clock.advance(Duration.ofMinutes(6)); // access lifetime 5 min, leeway 30 s
        assertThat(client.get("/api/me/").send()).isProblem(401).hasCode("token_not_valid");
        clock.advance(Duration.ofMinutes(-6));
    }
}
