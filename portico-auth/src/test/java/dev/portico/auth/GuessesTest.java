package dev.portico.auth;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.basic.BasicAuthenticator;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.jwt.TokenPair;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.FormKeyAuthenticator;
import dev.portico.auth.session.Csrf;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Issue 18's guessing: every authenticator that checks a secret, and every endpoint that takes a password, counts its
 * failures by client address ({@code throttle.failures.address}, 10/min by default) and by username tried
 * ({@code throttle.failures.username}, 10/hour), and answers 429 with {@code Retry-After} once either is spent, before
 * a password's hash is computed.
 */
class GuessesTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String SECRET = "test-secret-0123456789abcdef-0123456789abcdef";

    /** Every authenticator of the module, the account and token endpoints, on a clock at the start of an hour. */
    private static final class App implements AutoCloseable {
        final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        final Accounts accounts;
        final ApiKeys keys;
        final Tokens tokens;
        final Portico app;

        App(TestDatabase test) {
            PorticoConfig config = AuthTestSupport.config(test, b -> {
                JwtSettings.register(SessionSettings.register(AccountSettings.register(b)))
                        .set(JwtSettings.SECRET, SECRET)
                        .set(AccountSettings.OLD_PASSWORD_REQUIRED, true); // the old password is a guess too
                b.clock(clock);
            });
            accounts = Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, clock);
            keys = ApiKeys.create(accounts);
            tokens = Tokens.create(accounts, config);
            Sessions sessions = Sessions.create(accounts, config);
            Authenticator jwt = JwtAuthenticator.create(tokens);
            Portico.Builder builder = Portico.builder()
                    .config(config)
                    .shutdownHook(false)
                    .authenticators(
                            jwt,
                            sessions.authenticator(),
                            ApiKeyAuthenticator.create(keys),
                            BasicAuthenticator.create(accounts, keys),
                            FormKeyAuthenticator.create(keys))
                    .get("/api/me/", CallerApp.Me.class, request -> CallerApp.Me.of(request.principal()))
                    .post(
                            "/api/notes/",
                            CallerApp.Note.class,
                            CallerApp.Seen.class,
                            (request, note) -> new CallerApp.Seen(note.title(), CallerApp.Me.of(request.principal())));
            JwtEndpoints.create(accounts, tokens).addTo(builder);
            AccountEndpoints.create(accounts, sessions)
                    .config(config)
                    .authenticators(sessions.authenticator(), jwt)
                    .addTo(builder);
            app = builder.build();
        }

        User user(String name) {
            return accounts.users().create(NewUser.of(name, name + "@example.com", PASSWORD));
        }

        Response me(String address, String authorization) {
            return app.handle(TestRequest.get("/api/me/")
                    .header("Authorization", authorization)
                    .from(address));
        }

        @Override
        public void close() {
            accounts.database().close();
        }
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertThrottled(Response response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headerValue("Retry-After")).isPresent();
        assertThat(json(response).get("code").asText()).isEqualTo("throttled");
    }

    /** Ten failures answered as failures, then 429 for the eleventh whatever it carries. */
    private static void tenThenThrottled(Function<Integer, Response> attempt, int failure) {
        for (int i = 0; i < 10; i++) {
            assertThat(attempt.apply(i).status())
                    .as("guess %d is checked", i + 1)
                    .isEqualTo(failure);
        }
        assertThrottled(attempt.apply(10));
    }

    @DatabaseTest
    void passwordGuessesOverBasicAre429FromTheEleventhEvenWithTheRightPassword(TestDatabase test) {
        try (App t = new App(test)) {
            User ada = t.user("ada");
            t.user("bob");
            tenThenThrottled(i -> t.me("203.0.113.5", basic("ada:guess" + i)), 401);
            Response right = t.me("203.0.113.5", basic("ada:" + PASSWORD));
            assertThrottled(right);
            assertThat(Long.parseLong(right.headerValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 60L);
            assertThat(t.accounts.users().find(ada.id()).orElseThrow().lastLogin())
                    .as("refused before the password was checked")
                    .isEmpty();
            assertThrottled(t.me("203.0.113.5", basic("bob:" + PASSWORD))); // the address is spent, for any name

            // another address: ada's own count (10/hour) is spent from everywhere; bob's is not
            assertThrottled(t.me("198.51.100.7", basic("ada:" + PASSWORD)));
            assertThrottled(t.me("198.51.100.7", basic("ADA:x"))); // one count, any case
            assertThat(t.me("198.51.100.7", basic("bob:" + PASSWORD)).status()).isEqualTo(200);

            t.clock.advance(Duration.ofMinutes(1)); // the address's minute is over; ada's hour is not
            assertThat(t.me("203.0.113.5", basic("bob:" + PASSWORD)).status()).isEqualTo(200);
            Response stillAda = t.me("203.0.113.5", basic("ada:" + PASSWORD));
            assertThrottled(stillAda);
            assertThat(Long.parseLong(stillAda.headerValue("Retry-After").orElseThrow()))
                    .isGreaterThan(60);
            t.clock.advance(Duration.ofHours(1));
            assertThat(t.me("203.0.113.5", basic("ada:" + PASSWORD)).status()).isEqualTo(200);
        }
    }

    @DatabaseTest
    void successesAreNeverCounted(TestDatabase test) {
        try (App t = new App(test)) {
            t.user("ada");
            for (int i = 0; i < 30; i++) {
                assertThat(t.me("203.0.113.5", basic("ada:" + PASSWORD)).status())
                        .isEqualTo(200);
            }
        }
    }

    @DatabaseTest
    void everyKindOfSecretCountsItsFailuresByAddress(TestDatabase test) {
        try (App t = new App(test)) {
            User ada = t.user("ada");
            String key = t.keys.create(ada.id(), "", Optional.empty(), Optional.empty())
                    .credential();
            String keyId = key.substring(0, key.indexOf(':'));
            tenThenThrottled(i -> t.me("192.0.2.1", "Api-Key " + keyId + ":wrong" + i), 401);
            assertThat(t.me("192.0.2.1", "Api-Key " + key).status())
                    .as("a real key is no guess")
                    .isEqualTo(200);

            tenThenThrottled(i -> t.me("192.0.2.2", basic("ada:" + keyId + ":wrong" + i)), 401);

            tenThenThrottled(
                    i -> t.app.handle(TestRequest.of("POST", "/api/notes/")
                            .from("192.0.2.3")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .body(("title=t&authorisation=" + keyId + ":wrong" + i).getBytes(StandardCharsets.UTF_8))),
                    401);

            String forged = t.tokens.obtain(ada).access();
            tenThenThrottled(
                    i -> t.me("192.0.2.4", "Bearer " + forged.substring(0, forged.length() - 4) + "AAA" + i), 401);

            tenThenThrottled(
                    i -> t.app.handle(
                            TestRequest.get("/api/me/").from("192.0.2.5").header("Cookie", "sessionid=guess" + i)),
                    200); // an unknown session is anonymous, counted
        }
    }

    @DatabaseTest
    void anExpiredRealTokenIsNoGuess(TestDatabase test) {
        try (App t = new App(test)) {
            String access = t.tokens.obtain(t.user("ada")).access();
            t.clock.advance(Duration.ofMinutes(59)); // past the access lifetime, inside the failures' window of a user
            for (int i = 0; i < 20; i++) {
                assertThat(t.me("192.0.2.9", "Bearer " + access).status()).isEqualTo(401);
                t.clock.advance(Duration.ofMillis(100));
            }
        }
    }

    @DatabaseTest
    void theTokenEndpointCountsByAddressWhateverBearerRidesAlong(TestDatabase test) {
        try (App t = new App(test)) {
            t.user("ada");
            TokenPair bobs = t.tokens.obtain(t.user("bob"));
            tenThenThrottled(
                    i -> t.app.handle(TestRequest.of("POST", JwtEndpoints.OBTAIN)
                            .from("203.0.113.8")
                            .header("Authorization", "Bearer " + bobs.access())
                            .json("{\"username\":\"ada\",\"password\":\"guess" + i + "\"}")),
                    401);
            assertThrottled(t.app.handle(TestRequest.of("POST", JwtEndpoints.OBTAIN)
                    .from("203.0.113.8")
                    .json("{\"username\":\"ada\",\"password\":\"" + PASSWORD + "\"}")));
        }
    }

    @DatabaseTest
    void theLoginAndPasswordEndpointsShareOneRatePerAddress(TestDatabase test) {
        try (App t = new App(test)) {
            t.user("ada");
            TokenPair bobs = t.tokens.obtain(t.user("bob"));
            // auth.throttle, 30/min by client address: a token of bob's own buys no more
            for (int i = 0; i < 30; i++) {
                Response ok = t.app.handle(TestRequest.of("POST", JwtEndpoints.OBTAIN)
                        .from("203.0.113.9")
                        .header("Authorization", "Bearer " + bobs.access())
                        .json("{\"username\":\"bob\",\"password\":\"" + PASSWORD + "\"}"));
                assertThat(ok.status()).isEqualTo(200);
            }
            Browser browser = new Browser(t.app);
            browser.send(TestRequest.get("/auth/csrf/").from("203.0.113.9"));
            assertThrottled(browser.send(TestRequest.of("POST", "/auth/login/")
                    .from("203.0.113.9")
                    .header("Authorization", "Bearer " + bobs.access())
                    .header(Csrf.HEADER, browser.cookie("csrftoken"))
                    .json("{\"username\":\"bob\",\"password\":\"" + PASSWORD + "\"}")));
        }
    }

    @DatabaseTest
    void forgedTokensAtTheRefreshAndVerifyEndpointsAreCounted(TestDatabase test) {
        try (App t = new App(test)) {
            User ada = t.user("ada");
            String refresh = t.tokens.obtain(ada).refresh();
            String forged = refresh.substring(0, refresh.length() - 4) + "AAA";
            tenThenThrottled(
                    i -> t.app.handle(TestRequest.of("POST", "/auth/refresh_token/")
                            .from("192.0.2.20")
                            .json("{\"refresh\":\"" + forged + i + "\"}")),
                    401);
            tenThenThrottled(
                    i -> t.app.handle(TestRequest.of("POST", "/auth/verify_token/")
                            .from("192.0.2.21")
                            .json("{\"token\":\"" + forged + i + "\"}")),
                    401);
            // a real token still refreshes from an address that forged too often: only failures are counted
            assertThat(t.app.handle(TestRequest.of("POST", "/auth/refresh_token/")
                                    .from("192.0.2.20")
                                    .json("{\"refresh\":\"" + refresh + "\"}"))
                            .status())
                    .isEqualTo(200);
        }
    }

    @DatabaseTest
    void loginAndPasswordChangeGuessesAreCounted(TestDatabase test) {
        try (App t = new App(test)) {
            t.user("ada");
            t.user("bob");
            Browser guesser = new Browser(t.app);
            guesser.send(TestRequest.get("/auth/csrf/").from("203.0.113.10"));
            tenThenThrottled(
                    i -> guesser.send(TestRequest.of("POST", "/auth/login/")
                            .from("203.0.113.10")
                            .header(Csrf.HEADER, guesser.cookie("csrftoken"))
                            .json("{\"username\":\"ada\",\"password\":\"guess" + i + "\"}")),
                    400);

            String bobs = t.tokens
                    .obtain(t.accounts.users().find("bob").orElseThrow())
                    .access();
            tenThenThrottled(
                    i -> t.app.handle(TestRequest.of("POST", "/auth/password/change/")
                            .from("203.0.113.11")
                            .header("Authorization", "Bearer " + bobs)
                            .json("{\"old_password\":\"guess" + i
                                    + "\",\"new_password1\":\"a new horse"
                                    + " staple\",\"new_password2\":\"a new horse staple\"}")),
                    400);
        }
    }
}
