package dev.portico.redis.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Guesses;
import dev.portico.config.PorticoConfig;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.redis.FailurePolicy;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.testing.MutableClock;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Rate;
import dev.portico.throttle.Throttle.Decision;
import dev.portico.throttle.ThrottleStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's failed authentications counted in Redis: a peek reads without counting, and two instances on one Redis
 * share the counts by address and by username, so a guesser gains nothing by spreading over instances.
 */
@RedisTest
class RedisGuessesTest {
    private static final long T0 = 1_700_000_040_000L; // a minute boundary
    private final MutableClock clock = MutableClock.at(T0);
    private final TestRedis server = TestRedis.create();
    private final Redis redis = Redis.create(server.settings());
    private final ThrottleStore store = RedisThrottleStore.create(redis, FailurePolicy.CLOSED, clock);
    private final Rate threePerMinute = new Rate(3, Duration.ofMinutes(1));

    @AfterEach
    void close() {
        try {
            assertThat(server.keysWithoutTtl()).isEmpty();
        } finally {
            redis.close();
            server.close();
        }
    }

    @Test
    void aPeekCountsNothingAndSaysWhetherTheNextHitWouldPass() {
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Decision(true, 3, 3, 60));
        assertThat(server.keys()).as("a peek writes nothing").isEmpty();
        store.hit("ip:1", threePerMinute, false);
        store.hit("ip:1", threePerMinute, false);
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Decision(true, 3, 1, 60));
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Decision(true, 3, 1, 60));
        store.hit("ip:1", threePerMinute, false);
        clock.set(T0 + 30_000);
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Decision(false, 3, 0, 30));
        clock.set(T0 + 60_000);
        assertThat(store.peek("ip:1", threePerMinute).allowed()).isTrue();
    }

    @Test
    void aPeekSeesABan() {
        for (int i = 0; i < 4; i++) {
            store.hit("ip:2", threePerMinute, true);
        }
        clock.set(T0 + 61_000);
        assertThat(store.peek("ip:2", threePerMinute).allowed()).isFalse();
    }

    /** An instance whose one authenticator takes {@code X-User} and accepts only the secret {@code right}. */
    private Portico instance() {
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
            return Optional.of(Principal.of(user.get(), Set.of()));
        };
        return Portico.builder()
                .config(PorticoConfig.builder().clock(clock).build())
                .shutdownHook(false)
                .throttleStore(store)
                .authenticators(checking)
                .get("/me/", String.class, r -> r.principal().map(Principal::id).orElse("anonymous"))
                .build();
    }

    private static int call(Portico app, String address, String user, String secret) {
        return app.handle(TestRequest.get("/me/")
                        .from(address)
                        .header("X-User", user)
                        .header("X-Secret", secret))
                .status();
    }

    @Test
    void twoInstancesOnOneRedisShareTheCounts() {
        Portico a = instance();
        Portico b = instance();
        for (int i = 0; i < 5; i++) {
            // "checking" has no challenge, so bad credentials are a 403 (dev.portico.auth.Refusal)
            assertThat(call(a, "203.0.113.1", "ada", "wrong")).isEqualTo(403);
            assertThat(call(b, "203.0.113.1", "ada", "wrong")).isEqualTo(403);
        }
        assertThat(call(a, "203.0.113.1", "bob", "right"))
                .as("the address spent ten, across both")
                .isEqualTo(429);
        assertThat(call(b, "198.51.100.2", "ada", "right"))
                .as("so did ada's name, from anywhere")
                .isEqualTo(429);
        assertThat(call(b, "198.51.100.2", "bob", "right")).isEqualTo(200);
        assertThat(server.keys())
                .anySatisfy(k -> assertThat(k).contains("failed-address:203.0.113.1"))
                .anySatisfy(k -> assertThat(k).contains("failed-username:ada"));
    }
}
