package dev.portico.auth.account;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.Authenticator;
import dev.portico.auth.MutableClock;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.jwt.InvalidToken;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.jwt.TokenPair;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;

/**
 * Issue 18: {@code POST /auth/logout/} with {@code {"refresh": R}} blacklists R and its rotation family, as
 * dj-rest-auth's logout does with simplejwt's blacklist app; R then fails to refresh with simplejwt's sentence.
 */
class LogoutTest {
    private static final String PASSWORD = "correct horse battery";

    private record Setup(Accounts accounts, Tokens tokens, Portico app) implements AutoCloseable {
        static Setup of(TestDatabase test) {
            MutableClock clock = MutableClock.startingNow();
            PorticoConfig config = AuthTestSupport.config(
                    test,
                    b -> JwtSettings.register(SessionSettings.register(b))
                            .set(JwtSettings.SECRET, "test-secret-0123456789abcdef-0123456789abcdef"));
            Accounts accounts = Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, clock);
            Tokens tokens = Tokens.create(accounts, config);
            Sessions sessions = Sessions.create(accounts, config);
            Authenticator jwt = JwtAuthenticator.create(tokens);
            Portico.Builder builder = Portico.builder().config(config).shutdownHook(false);
            JwtEndpoints.create(accounts, tokens).addTo(builder);
            AccountEndpoints.create(accounts, sessions)
                    .authenticators(sessions.authenticator(), jwt)
                    .tokens(tokens)
                    .addTo(builder);
            return new Setup(accounts, tokens, builder.build());
        }

        Response post(String path, String authorization, String json) {
            TestRequest request = TestRequest.of("POST", path).json(json);
            return app.handle(authorization.isEmpty() ? request : request.header("Authorization", authorization));
        }

        @Override
        public void close() {
            accounts.database().close();
        }
    }

    private static void assertBlacklisted(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(json(response).get("code").asText()).isEqualTo(InvalidToken.CODE);
        assertThat(json(response).get("detail").asText()).isEqualTo(InvalidToken.BLACKLISTED);
    }

    @DatabaseTest
    void aRefreshTokenSentToLogoutIsBlacklistedWithItsFamily(TestDatabase test) {
        try (Setup s = Setup.of(test)) {
            TokenPair login = s.tokens().obtain(s.accounts().users().create(NewUser.of("ada", "", PASSWORD)));
            String rotated = json(s.post(JwtEndpoints.REFRESH, "", "{\"refresh\":\"" + login.refresh() + "\"}"))
                    .get("refresh")
                    .asText();
            TokenPair otherLogin =
                    s.tokens().obtain(s.accounts().users().find("ada").orElseThrow());

            Response out = s.post("/auth/logout/", "Bearer " + login.access(), "{\"refresh\":\"" + rotated + "\"}");
            assertThat(out.status()).isEqualTo(200);
            assertThat(json(out).get("detail").asText()).isEqualTo("Successfully logged out.");

            assertBlacklisted(s.post(JwtEndpoints.REFRESH, "", "{\"refresh\":\"" + rotated + "\"}"));
            assertBlacklisted(s.post(JwtEndpoints.REFRESH, "", "{\"refresh\":\"" + login.refresh() + "\"}"));
            assertBlacklisted(s.post(JwtEndpoints.VERIFY, "", "{\"token\":\"" + rotated + "\"}"));
            assertBlacklisted(s.post("/auth/logout/", "Bearer " + login.access(), "{\"refresh\":\"" + rotated + "\"}"));
            assertThat(s.post(JwtEndpoints.REFRESH, "", "{\"refresh\":\"" + otherLogin.refresh() + "\"}")
                            .status())
                    .as("another device's login lives on")
                    .isEqualTo(200);
        }
    }

    @DatabaseTest
    void aFormBodyWorksAndNoBodyIsAPlainLogout(TestDatabase test) {
        try (Setup s = Setup.of(test)) {
            TokenPair login = s.tokens().obtain(s.accounts().users().create(NewUser.of("ada", "", PASSWORD)));
            assertThat(s.app().handle(TestRequest.of("POST", "/auth/logout/")).status())
                    .isEqualTo(200);
            assertThat(s.app()
                            .handle(TestRequest.of("POST", "/auth/logout/")
                                    .header("Authorization", "Bearer " + login.access())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .body(("refresh=" + login.refresh()).getBytes(StandardCharsets.UTF_8)))
                            .status())
                    .isEqualTo(200);
            assertBlacklisted(s.post(JwtEndpoints.REFRESH, "", "{\"refresh\":\"" + login.refresh() + "\"}"));

            Response forged = s.post("/auth/logout/", "", "{\"refresh\":\"not-a-token\"}");
            assertThat(forged.status()).isEqualTo(401);
            assertThat(json(forged).get("detail").asText()).isEqualTo(InvalidToken.INVALID_OR_EXPIRED);
            assertThat(s.post("/auth/logout/", "", "{\"refresh\":").status()).isEqualTo(400);
        }
    }
}
