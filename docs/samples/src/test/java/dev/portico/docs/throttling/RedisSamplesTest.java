package dev.portico.docs.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.Http;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.redis.cache.RedisResponseCache;
import dev.portico.redis.throttle.RedisThrottleStore;
import dev.portico.throttle.Throttle;
import org.junit.jupiter.api.Test;

/** docs/throttling-and-caching.md with Redis: two instances on one Redis count as one and share the cache. */
@RedisTest
class RedisSamplesTest {

    record Hello(String message) {
    }

    // region redis
    static Portico.Builder app(PorticoConfig config) {
        Portico.Builder app = Portico.builder().config(config)
                .throttle(Throttle.anonymous("3/min"))
                .get("/api/hello/", Hello.class, request -> new Hello("hi"),
                        e -> e.cacheFor(java.time.Duration.ofSeconds(30)));
        Redis.create(config).ifPresent(redis -> app     // only when redis.url is set
                .onStart(redis::connect).onStop(redis)
                .throttleStore(RedisThrottleStore.create(redis))
                .responseCache(RedisResponseCache.create(redis)));
        return app;
    }
    // endregion redis

    @Test
    void twoInstancesShareTheCountsAndTheCache() {
        try (TestRedis redis = TestRedis.create()) {
            PorticoConfig config = RedisSettings.register(PorticoConfig.builder())
                    .set(Settings.SERVER_PORT, 0)
                    .set(RedisSettings.URL, TestRedis.URL)
                    .set(RedisSettings.KEY_PREFIX, redis.prefix())
                    .build();
            Portico one = app(config).build().start();
            Portico two = app(config).build().start();
            try {
                Http a = new Http(one.port());
                Http b = new Http(two.port());
                assertThat(a.get("/api/hello/").headers().firstValue("X-Cache")).hasValue("MISS");
                assertThat(b.get("/api/hello/").headers().firstValue("X-Cache")).hasValue("HIT");
                assertThat(a.get("/api/hello/").statusCode()).isEqualTo(200);
                assertThat(b.get("/api/hello/").statusCode()).isEqualTo(429);
            } finally {
                one.stop();
                two.stop();
            }
        }
    }
}
