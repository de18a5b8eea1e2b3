package dev.portico.redis.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.redis.FailurePolicy;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.testing.MutableClock;
import dev.portico.throttle.Rate;
import dev.portico.throttle.Throttle.Decision;
import dev.portico.throttle.ThrottleStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Lua script's answers at the exact edges of a window, on the real Redis, with the app's clock injected. */
@RedisTest
class RedisThrottleStoreTest {
    private static final long T0 = 1_700_000_040_000L; // a minute boundary
    private final MutableClock clock = MutableClock.at(T0);
    private final TestRedis server = TestRedis.create();
    private final Redis redis = Redis.create(server.settings());
    private final ThrottleStore store = RedisThrottleStore.create(redis, FailurePolicy.CLOSED, clock);
    private final Rate threePerMinute = new Rate(3, Duration.ofMinutes(1));

    @AfterEach
    void everyKeyHasATtl() {
        try {
            assertThat(server.keys()).isNotEmpty();
            assertThat(server.keysWithoutTtl()).isEmpty();
        } finally {
            redis.close();
            server.close();
        }
    }

    @Test
    void exactlyTheLimitPassesUntilTheLastMillisecondAndTheNextWindowStartsAfresh() {
        assertThat(store.hit("ip:1", threePerMinute, false)).isEqualTo(new Decision(true, 3, 2, 60));
        store.hit("ip:1", threePerMinute, false);
        clock.set(T0 + 59_001);
        assertThat(store.hit("ip:1", threePerMinute, false)).isEqualTo(new Decision(true, 3, 0, 1));
        clock.set(T0 + 59_999);
        assertThat(store.hit("ip:1", threePerMinute, false)).isEqualTo(new Decision(false, 3, 0, 1));
        clock.set(T0 + 60_000);
        assertThat(store.hit("ip:1", threePerMinute, false)).isEqualTo(new Decision(true, 3, 2, 60));
        assertThat(store.hit("ip:2", threePerMinute, false).remaining()).isEqualTo(2);
    }

    @Test
    void theBanLastsTheWholeDurationAndExpiresInRedisByItself() {
        for (int i = 0; i < 3; i++) {
            store.hit("ip:1", threePerMinute, true);
        }
        clock.set(T0 + 50_000);
        assertThat(store.hit("ip:1", threePerMinute, true)).isEqualTo(new Decision(false, 3, 0, 60));
        clock.set(T0 + 65_000); // the next window: still banned, and the refusals are not counted
        assertThat(store.hit("ip:1", threePerMinute, true).allowed()).isFalse();
        String ban = server.prefix() + "throttle:{ip:1}:3/60000:ban";
        assertThat(server.raw().pttl(ban)).isBetween(1L, 60_000L);
        server.raw().del(ban); // as if its 60 s had passed: Redis's expiry, not the clock, ends a ban
        assertThat(store.hit("ip:1", threePerMinute, true)).isEqualTo(new Decision(true, 3, 2, 55));
    }

    @Test
    void keysCarryThePrefixTheBucketAsAHashTagAndTheWindow() {
        store.hit("user:7", threePerMinute, false);
        String counter = server.prefix() + "throttle:{user:7}:3/60000:" + (T0 / 60_000);
        assertThat(server.keys()).containsExactly(counter);
        assertThat(server.raw().get(counter)).isEqualTo("1");
        assertThat(server.raw().pttl(counter)).isBetween(60_000L, 61_000L); // the window's end plus a second
    }
}
