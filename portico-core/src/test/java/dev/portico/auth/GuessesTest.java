package dev.portico.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.AuthenticationFailed;
import dev.portico.error.Throttled;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.MutableClock;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Rate;
import dev.portico.throttle.ThrottleStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The count of failed authentications: by address and by username, checked before a secret and counted after a
 * failure, in the application's throttle store, with the client address resolved through the trusted proxies.
 */
class GuessesTest {
    private static final long T0 = 1_700_000_040_000L; // the first millisecond of a minute window
    private final MutableClock clock = MutableClock.at(T0);

    /** An app whose one authenticator takes {@code X-User} and accepts only the secret {@code right}. */
    private Portico app(PorticoConfig.Builder config) {
        Authenticator checking = request -> {
            Optional<String> user = request.header("X-User");
            if (user.isEmpty()) {
                return Optional.empty();
            }
            Guesses guesses = Guesses.of(request);
            guesses.check(request, user.get());
            if (!request.header("X-Secret").orElse("").equals("right")) {
                guesses.failed(request, user.get());
                throw new AuthenticationFailed("Invalid username/password.");
            }
            return Optional.of(Principal.of(user.get(), java.util.Set.of()));
        };
        return Portico.builder()
                .config(config.clock(clock).build())
                .shutdownHook(false)
                .authenticators(checking)
                .get("/me/", String.class, r -> r.principal().map(Principal::id).orElse("anonymous"))
                .build();
    }

    private static Response call(Portico app, String address, String user, String secret) {
        return app.handle(
                TestRequest.get("/me/").from(address).header("X-User", user).header("X-Secret", secret));
    }

    @Test
    void theDefaultsAreTenAMinutePerAddressAndTenAnHourPerUsername() {
        assertThat(Settings.THROTTLE_FAILURES_ADDRESS.defaultValue()).isEqualTo("10/min");
        assertThat(Settings.THROTTLE_FAILURES_USERNAME.defaultValue()).isEqualTo("10/hour");
        Portico app = app(PorticoConfig.builder());
        for (int i = 0; i < 10; i++) {
            // the authenticator has no challenge, so bad credentials are a 403 (Refusal)
            assertThat(call(app, "203.0.113.1", "ada", "wrong").status()).isEqualTo(403);
        }
        Response refused = call(app, "203.0.113.1", "ada", "right");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headerValue("Retry-After")).contains("60");
        assertThat(call(app, "203.0.113.2", "ada", "right").status())
                .as("ada's hour")
                .isEqualTo(429);
        assertThat(call(app, "203.0.113.2", "bob", "right").status()).isEqualTo(200);
    }

    @Test
    void eachLimitIsASettingAndEmptyTurnsItOff() {
        Portico app = app(PorticoConfig.builder()
                .set(Settings.THROTTLE_FAILURES_ADDRESS, "2/min")
                .set(Settings.THROTTLE_FAILURES_USERNAME, ""));
        call(app, "203.0.113.1", "ada", "wrong");
        call(app, "203.0.113.1", "bob", "wrong");
        assertThat(call(app, "203.0.113.1", "carol", "right").status()).isEqualTo(429);
        for (int i = 0; i < 20; i++) { // no username limit: only addresses count
            assertThat(call(app, "198.51.100." + i, "ada", "wrong").status()).isEqualTo(403);
        }
    }

    @Test
    void theAddressIsTheOneTheTrustedProxiesSaw() {
        Portico app = app(PorticoConfig.builder()
                .set(Settings.SERVER_TRUSTED_PROXIES, 1)
                .set(Settings.THROTTLE_FAILURES_ADDRESS, "2/min"));
        for (String forged : new String[] {"1.1.1.1", "2.2.2.2"}) {
            app.handle(TestRequest.get("/me/")
                    .from("10.0.0.1")
                    .header("X-Forwarded-For", forged + ", 203.0.113.7")
                    .header("X-User", "u" + forged)
                    .header("X-Secret", "wrong"));
        }
        Response third = app.handle(TestRequest.get("/me/")
                .from("10.0.0.1")
                .header("X-Forwarded-For", "3.3.3.3, 203.0.113.7")
                .header("X-User", "x")
                .header("X-Secret", "right"));
        assertThat(third.status())
                .as("what the client wrote left of the proxy's entry is not its address")
                .isEqualTo(429);
        Response other = app.handle(TestRequest.get("/me/")
                .from("10.0.0.1")
                .header("X-Forwarded-For", "203.0.113.8")
                .header("X-User", "x")
                .header("X-Secret", "right"));
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void usernamesCountAlikeWhateverTheirCaseOrWidth() {
        assertThat(Guesses.usernameKey("ADA"))
                .isEqualTo(Guesses.usernameKey("ada"))
                .isEqualTo(Guesses.usernameKey("ａｄａ"));
        assertThat(Guesses.usernameKey("x".repeat(500))).startsWith("sha256-").hasSize(7 + 64);
    }

    @Test
    void unboundGuessesSayHowToBindThem() {
        Guesses unbound = Guesses.create(Optional.of(Rate.parse("1/min")), Optional.empty());
        var request = new dev.portico.http.Request[1];
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .get("/x/", String.class, r -> {
                    request[0] = r;
                    return "ok";
                })
                .build();
        app.handle(TestRequest.get("/x/"));
        assertThatThrownBy(() -> unbound.failed(request[0])).hasMessageContaining("bind(ThrottleStore.memory");
        Guesses bound = unbound.bind(ThrottleStore.memory(10, clock));
        bound.failed(request[0]);
        assertThatThrownBy(() -> bound.check(request[0])).isInstanceOf(Throttled.class);
        assertThat(Guesses.none().perAddress()).isEmpty();
    }

    @Test
    void aBadRateNamesTheSetting() {
        assertThatThrownBy(() -> app(PorticoConfig.builder().set(Settings.THROTTLE_FAILURES_USERNAME, "ten")))
                .hasMessageContaining("throttle.failures.username");
        clock.advance(Duration.ZERO);
    }
}
