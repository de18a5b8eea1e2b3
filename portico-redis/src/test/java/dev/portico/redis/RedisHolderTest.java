package dev.portico.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@RedisTest
class RedisHolderTest {

    @Test
    void connectsOnFirstUseAndSharesOneConnection() {
        try (TestRedis server = TestRedis.create();
                Redis redis = Redis.create(server.settings())) {
            assertThat(redis.call("test", c -> c.ping(), () -> "fallback")).isEqualTo("PONG");
            assertThat(redis.commands()).isSameAs(redis.commands());
            assertThat(redis.healthy()).isTrue();
        }
    }
}
