package dev.portico.docs.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.redis.module.RedisModule;
import dev.portico.test.PorticoClient;
import dev.portico.throttle.Throttle;
import org.junit.jupiter.api.Test;

/** docs/throttling-and-caching.md with Redis: two instances on one Redis count as one and share the cache
 * (in-process: what is shared is Redis, not a socket). */
@RedisTest
class RedisSamplesTest {

    record Hello(String message) {}

    // region redis
    static Portico.Builder app(PorticoConfig config) {
        return Portico.builder()
                .config(config)
                .install(RedisModule.create()) // with redis.url: counts and cached responses in Redis, /ready too
                .throttle(Throttle.anonymous("3/min"))
                .get(
                        "/api/hello/",
                        Hello.class,
                        request -> new Hello("hi"),
                        e -> e.cacheFor(java.time.Duration.ofSeconds(30)));
    }
    // endregion redis

    @Test
    void twoInstancesShareTheCountsAndTheCache() {
        try (TestRedis redis = TestRedis.create()) {
            PorticoConfig config = PorticoConfig.builder()
                    .set(RedisSettings.URL, TestRedis.URL)
                    .set(RedisSettings.KEY_PREFIX, redis.prefix())
                    .build();
            Portico one = app(config).build();
            Portico two = app(config).build();
            try {
                PorticoClient a = PorticoClient.inProcess(one); // connects to Redis (the app's onStart)
                PorticoClient b = PorticoClient.inProcess(two);
                assertThat(a.get("/api/hello/").send()).hasHeader("X-Cache", "MISS");
                assertThat(b.get("/api/hello/").send()).hasHeader("X-Cache", "HIT");
                assertThat(a.get("/api/hello/").send()).hasStatus(200);
                assertThat(b.get("/api/hello/").send())
                        .as("the fourth call of 3/min, across both")
                        .isProblem(429);
            } finally {
                one.stop();
                two.stop();
            }
        }
    }
}
