package dev.portico.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.error.ServiceUnavailable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The policy when nothing listens: port 1 on loopback refuses at once, so no real Redis is needed here. */
class RedisFailurePolicyTest {
    private static final RedisSettings NOBODY = RedisSettings.of("redis://127.0.0.1:1/0");

    @Test
    void openAnswersWithTheFallbackAndReportsTheOutage() {
        try (Redis redis = Redis.create(NOBODY.withFailurePolicy(FailurePolicy.OPEN))) {
            assertThat(redis.call("test", c -> "from redis", () -> "fallback")).isEqualTo("fallback");
            assertThat(redis.healthy()).isFalse();
        }
    }

    @Test
    void closedAnswers503WithRetryAfter() {
        try (Redis redis = Redis.create(NOBODY.withFailurePolicy(FailurePolicy.CLOSED))) {
            ServiceUnavailable refused = catchThrowableOfType(
                    ServiceUnavailable.class, () -> redis.call("test", c -> "from redis", () -> "fallback"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers()).containsEntry("Retry-After", "1");
        }
    }

    @Test
    void aFailedConnectionIsNotRetriedByEveryRequest() {
        try (Redis redis = Redis.create(NOBODY)) {
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                redis.call("test", c -> "x", () -> "fallback");
            }
            // one real attempt, then refusals without a connection until redis.reconnect-delay-max has passed
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
