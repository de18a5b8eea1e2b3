package dev.portico.throttle;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.NotFound;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.MutableClock;
import dev.portico.testing.TestRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rate throttles through the whole pipeline, on the in-memory store with the clock injected. */
class ThrottlingTest {
    record Ok(String ok) {}

    private static final long T0 = 1_700_000_040_000L; // a minute boundary
    private final MutableClock clock = MutableClock.at(T0);

    /** {@code Authorization: User <id>} signs in as that id. */
    private static final Authenticator USERS = request -> request.header("Authorization")
            .filter(h -> h.startsWith("User "))
            .map(h -> Principal.of(h.substring(5), Set.of()));

    private Portico.Builder builder(PorticoConfig config) {
        return Portico.builder()
                .config(config)
                .throttleStore(ThrottleStore.memory(1000, clock))
                .authenticators(USERS)
                .get("/api/a/", Ok.class, r -> new Ok("a"))
                .get("/api/b/", Ok.class, r -> new Ok("b"))
                .get("/api/missing/", Ok.class, r -> {
                    throw new NotFound();
                })
                .get(
                        "/api/login/",
                        Ok.class,
                        r -> new Ok("in"),
                        e -> e.throttle(Throttle.of(2, Duration.ofMinutes(1)).ban()));
    }

    private static Response get(Portico app, String path, String user, String ip) {
        TestRequest request = TestRequest.get(path).from(ip);
        return app.handle(user == null ? request : request.header("Authorization", "User " + user));
    }

    @Test
    void overTheLimitIs429InTheErrorFormatWithRetryAfterAndTheHeadersOnEveryAnswer() {
        Portico app =
                builder(PorticoConfig.defaults()).throttle(Throttle.of("2/min")).build();
        clock.set(T0 + 15_000);
        Response first = get(app, "/api/a/", null, "203.0.113.7");
        assertThat(first.headerValue("RateLimit-Limit")).contains("2");
        assertThat(first.headerValue("RateLimit-Remaining")).contains("1");
        assertThat(first.headerValue("RateLimit-Reset")).contains("45");
        Response missing = get(app, "/api/missing/", null, "203.0.113.7");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headerValue("RateLimit-Remaining")).contains("0");
        Response refused = get(app, "/api/b/", null, "203.0.113.7"); // the default counts across endpoints
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headerValue("Retry-After")).contains("45");
        assertThat(refused.headerValue("RateLimit-Remaining")).contains("0");
        assertThat(json(refused).get("code").asText()).isEqualTo("throttled");
        assertThat(json(refused).get("detail").asText())
                .isEqualTo("Request was throttled. Expected available in 45 seconds.");
        assertThat(get(app, "/api/a/", null, "198.51.100.1").status()).isEqualTo(200); // another IP, another bucket
        clock.set(T0 + 60_000);
        assertThat(get(app, "/api/a/", null, "203.0.113.7").status()).isEqualTo(200);
    }

    @Test
    void anEndpointsThrottleReplacesTheDefaultCountsApartAndBans() {
        Portico app = builder(PorticoConfig.defaults())
                .throttle(Throttle.of("100/min"))
                .build();
        assertThat(get(app, "/api/login/", null, "203.0.113.7").headerValue("RateLimit-Limit"))
                .contains("2");
        get(app, "/api/login/", null, "203.0.113.7");
        clock.set(T0 + 50_000);
        Response banned = get(app, "/api/login/", null, "203.0.113.7");
        assertThat(banned.status()).isEqualTo(429);
        assertThat(banned.headerValue("Retry-After")).contains("60"); // the whole duration, not the 10 s left
        clock.set(T0 + 100_000); // a new window, still banned
        assertThat(get(app, "/api/login/", null, "203.0.113.7").headerValue("Retry-After"))
                .contains("10");
        // the default's count was not touched by the login endpoint's requests
        assertThat(get(app, "/api/a/", null, "203.0.113.7").headerValue("RateLimit-Remaining"))
                .contains("99");
        clock.set(T0 + 110_000);
        assertThat(get(app, "/api/login/", null, "203.0.113.7").status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersAreCountedByIpAndSignedInOnesByUserInTheirOwnScopes() {
        Portico app = builder(PorticoConfig.defaults())
                .throttle(Throttle.all(Throttle.anonymous("1/min"), Throttle.authenticated("3/min")))
                .build();
        assertThat(get(app, "/api/a/", null, "203.0.113.7").status()).isEqualTo(200);
        assertThat(get(app, "/api/a/", null, "203.0.113.7").status()).isEqualTo(429);
        // the same IP signed in: the user's scope, with its own rate; one user from two IPs is one count
        assertThat(get(app, "/api/a/", "ada", "203.0.113.7").headerValue("RateLimit-Remaining"))
                .contains("2");
        assertThat(get(app, "/api/a/", "ada", "198.51.100.1").headerValue("RateLimit-Remaining"))
                .contains("1");
        assertThat(get(app, "/api/a/", "ada", "198.51.100.2").status()).isEqualTo(200);
        assertThat(get(app, "/api/a/", "ada", "198.51.100.3").status()).isEqualTo(429);
        assertThat(get(app, "/api/a/", "grace", "198.51.100.3").status()).isEqualTo(200);
    }

    @Test
    void theSettingsMakeTheDefaultAndEnvironmentVariablesOverrideThem() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.THROTTLE_ANONYMOUS, "100/min")
                .fromEnvironment(
                        Map.of("PORTICO_THROTTLE_ANONYMOUS", "1/min", "PORTICO_THROTTLE_AUTHENTICATED", "2/min"))
                .build();
        Portico app = builder(config).build();
        assertThat(get(app, "/api/a/", null, "203.0.113.7").headerValue("RateLimit-Limit"))
                .contains("1");
        assertThat(get(app, "/api/a/", null, "203.0.113.7").status()).isEqualTo(429);
        assertThat(get(app, "/api/a/", "ada", "203.0.113.7").headerValue("RateLimit-Limit"))
                .contains("2");
    }

    @Test
    void aCustomKeyCountsWhatItNamesAndAnEmptyKeyIsNotCounted() {
        Portico app = builder(PorticoConfig.defaults())
                .throttle(Throttle.of("1/min").key(r -> r.header("X-Tenant")))
                .build();
        assertThat(app.handle(TestRequest.get("/api/a/").from("1.1.1.1").header("X-Tenant", "acme"))
                        .status())
                .isEqualTo(200);
        assertThat(app.handle(TestRequest.get("/api/a/").from("2.2.2.2").header("X-Tenant", "acme"))
                        .status())
                .isEqualTo(429);
        Response untenanted = app.handle(TestRequest.get("/api/a/"));
        assertThat(untenanted.status()).isEqualTo(200);
        assertThat(untenanted.headerValue("RateLimit-Limit")).isEmpty();
    }

    @Test
    void aRateThrottleUsedWithoutAStoreSaysHowToBindIt() {
        assertThatThrownBy(() -> Throttle.of("1/min").acquire("k")).hasMessageContaining("bind(ThrottleStore.memory");
        Throttle bound = Throttle.of("1/min").bind(ThrottleStore.memory(10, clock), "test");
        assertThat(bound.acquire("k").allowed()).isTrue();
        assertThat(bound.acquire("k").allowed()).isFalse();
    }

    @Test
    void aBadRateInTheSettingsFailsAtBuild() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.THROTTLE_AUTHENTICATED, "5/fortnight")
                .build();
        assertThatThrownBy(() -> builder(config).build()).hasMessageContaining("'5/fortnight' has an unknown period");
    }

    @Test
    void optionalEmptyIsWhatAThrottleForOtherCallersAnswers() {
        RateThrottle anonymousOnly = Throttle.anonymous("1/min").bind(ThrottleStore.memory(10, clock), "x");
        Portico app = builder(PorticoConfig.defaults()).throttle(anonymousOnly).build();
        assertThat(get(app, "/api/a/", "ada", "1.1.1.1").headerValue("RateLimit-Limit"))
                .isEqualTo(Optional.empty());
    }
}
