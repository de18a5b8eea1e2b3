package dev.portico.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void defaultsLeaveRedisOff() {
        RedisSettings settings = RedisSettings.from(
                RedisSettings.register(PorticoConfig.builder()).build());
        assertThat(settings.configuredUrl()).isEmpty();
        assertThat(settings.failurePolicy()).isEqualTo(FailurePolicy.OPEN);
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.keyPrefix()).isEqualTo("portico:");
        assertThat(Redis.create(RedisSettings.register(PorticoConfig.builder()).build()))
                .isEmpty();
    }

    @Test
    void environmentVariablesSetThem() {
        PorticoConfig config = RedisSettings.register(PorticoConfig.builder())
                .fromEnvironment(Map.of(
                        "PORTICO_REDIS_URL",
                        "redis://127.0.0.1:6379/2",
                        "PORTICO_REDIS_FAILURE_POLICY",
                        "closed",
                        "PORTICO_REDIS_COMMAND_TIMEOUT",
                        "200ms"))
                .build();
        RedisSettings settings = RedisSettings.from(config);
        assertThat(settings.configuredUrl()).contains("redis://127.0.0.1:6379/2");
        assertThat(settings.failurePolicy()).isEqualTo(FailurePolicy.CLOSED);
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aUrlOfAnotherSchemeFailsNamingTheSettingWithoutThePassword() {
        assertThatThrownBy(() -> RedisSettings.of("http://user:hunter2@127.0.0.1:6379"))
                .hasMessageContaining("redis.url must start with redis://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void createWithoutAUrlSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> Redis.create(RedisSettings.of(""))).hasMessageContaining("PORTICO_REDIS_URL");
    }
}
