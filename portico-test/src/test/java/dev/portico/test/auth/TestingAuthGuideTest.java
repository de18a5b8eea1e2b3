package dev.portico.test.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.accounts.User;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authentication samples of docs/testing.md, run on H2 in memory. */
@PorticoTest
class TestingAuthGuideTest {
    private static TestAccounts accounts;

    // region accounts
    @App
    static Portico app(TestSetup setup) {
        Portico app = AuthApp.builder(AuthApp.settings(setup.config()).build()).build();
        accounts = setup.closeAfterAll(TestAccounts.on(app.config())); // same database, clock and JWT keys
        setup.clients(client -> client.impersonation(accounts.jwt())); // as(user) mints an access token
        return app;
    }
    // endregion accounts

    @BeforeAll
    static void users() {
        accounts.createUser("ada");
    }

    @Test
    void signingIn(PorticoClient client) {
        User ada = accounts.accounts().users().find("ada").orElseThrow();
        // region credentials
        client.as(ada); // a JWT, through the app's real authenticator
        client.withApiKey(accounts.apiKey(ada)); // Authorization: Api-Key keyid:secret
        client.withJwt(accounts.accessToken(ada)); // Authorization: Bearer ...
        client.get("/api/me/").as(ada).send(); // one request only
        client.logout(); // no credentials, no cookies

        client.login("ada", TestAccounts.PASSWORD); // GET /auth/csrf/, then POST /auth/login/
        assertThat(client.post("/api/me/")
                        .json(Map.of("username", "ada", "via", "form"))
                        .send())
                .hasStatus(200); // X-CSRFToken sent from the csrftoken cookie
        // endregion credentials
    }

    @Test
    void aForgedRequestIsRefused(PorticoClient client) {
        client.login("ada", TestAccounts.PASSWORD);
        // region csrf
        assertThat(client.post("/api/me/")
                        .withoutCsrfToken()
                        .json(Map.of("username", "ada"))
                        .send())
                .isProblem(403)
                .hasCode("csrf_failed"); // the cookie, but no X-CSRFToken: as a forged form
        // endregion csrf
    }
}
