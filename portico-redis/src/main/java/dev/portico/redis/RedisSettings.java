package dev.portico.redis;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code redis.*} settings, read once into a value. They live here, not in core's {@code Settings}, because core
 * never knows about optional modules; an application registers them so they load, validate and print like Portico's
 * own:
 * <pre>{@code
 * Manage.create(BlogApp::app).settings(RedisSettings::register)
 * }</pre>
 *
 * @param url the server, {@code redis://host:6379/0}; empty means no Redis (the in-memory backends)
 * @param connectTimeout how long one connection attempt may take
 * @param commandTimeout how long one command may take before it counts as a failure
 * @param reconnectDelayMax the longest wait between two reconnection attempts, so recovery takes at most about this
 * @param failurePolicy what a feature does while Redis fails: let requests through (logged) or answer 503
 * @param keyPrefix put before every key Portico writes, so several apps can share one server
 */
public record RedisSettings(
        String url,
        Duration connectTimeout,
        Duration commandTimeout,
        Duration reconnectDelayMax,
        FailurePolicy failurePolicy,
        String keyPrefix) {

    public static final Setting<String> URL = Setting.secret(
            "redis.url",
            "",
            "Redis server, redis://[:password@]host:6379/0; empty: throttling and caching stay in memory.");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration(
            "redis.connect-timeout", Duration.ofSeconds(2), "How long one connection attempt to Redis may take.");
    public static final Setting<Duration> COMMAND_TIMEOUT = Setting.duration(
            "redis.command-timeout",
            Duration.ofMillis(500),
            "How long one Redis command may take before the failure policy applies.");
    public static final Setting<Duration> RECONNECT_DELAY_MAX = Setting.duration(
            "redis.reconnect-delay-max",
            Duration.ofSeconds(1),
            "Longest wait between reconnection attempts: the app recovers within about this.");
    public static final Setting<FailurePolicy> FAILURE_POLICY = Setting.choice(
            "redis.failure-policy",
            FailurePolicy.class,
            FailurePolicy.OPEN,
            "While Redis fails: open (requests pass, a warning is logged) or closed (503).");
    public static final Setting<String> KEY_PREFIX =
            Setting.string("redis.key-prefix", "portico:", "Prefix of every key Portico writes in Redis.");

    /** Every Redis setting, in documentation order. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(RedisModule.create())",
            URL,
            CONNECT_TIMEOUT,
            COMMAND_TIMEOUT,
            RECONNECT_DELAY_MAX,
            FAILURE_POLICY,
            KEY_PREFIX);

    /** Checks the values: a misconfiguration fails at startup, naming the setting. */
    public RedisSettings {
        positive(connectTimeout, CONNECT_TIMEOUT);
        positive(commandTimeout, COMMAND_TIMEOUT);
        positive(reconnectDelayMax, RECONNECT_DELAY_MAX);
        if (!url.isBlank() && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("redis.url must start with redis:// or rediss:// (was '"
                    + url.replaceAll(":[^:@/]*@", ":****@") + "')");
        }
    }

    /** Registers every Redis setting; a method reference fits {@code Manage.settings(...)}. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }

    /** The settings of {@code config}; registers them there first. */
    public static RedisSettings from(PorticoConfig config) {
        config.register(ALL.toArray(Setting<?>[]::new));
        return new RedisSettings(
                config.get(URL).trim(),
                config.get(CONNECT_TIMEOUT),
                config.get(COMMAND_TIMEOUT),
                config.get(RECONNECT_DELAY_MAX),
                config.get(FAILURE_POLICY),
                config.get(KEY_PREFIX));
    }

    /** The defaults, for {@code url}. */
    public static RedisSettings of(String url) {
        return new RedisSettings(
                url,
                CONNECT_TIMEOUT.defaultValue(),
                COMMAND_TIMEOUT.defaultValue(),
                RECONNECT_DELAY_MAX.defaultValue(),
                FAILURE_POLICY.defaultValue(),
                KEY_PREFIX.defaultValue());
    }

    /** The same settings with another failure policy. */
    public RedisSettings withFailurePolicy(FailurePolicy policy) {
        return new RedisSettings(url, connectTimeout, commandTimeout, reconnectDelayMax, policy, keyPrefix);
    }

    /** The same settings with another key prefix (tests give each run its own). */
    public RedisSettings withKeyPrefix(String prefix) {
        return new RedisSettings(url, connectTimeout, commandTimeout, reconnectDelayMax, failurePolicy, prefix);
    }

    /** The URL when one is set: Redis is configured. */
    public Optional<String> configuredUrl() {
        return url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    private static void positive(Duration value, Setting<Duration> setting) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting.key() + " must be positive (was " + value + ")");
        }
    }
}
