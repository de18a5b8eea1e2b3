package dev.portico.redis;

import dev.portico.config.PorticoConfig;
import dev.portico.error.ServiceUnavailable;
import dev.portico.health.HealthCheck;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis connection of an application, shared by every Redis-backed feature (throttling, the response cache).
 * A Lettuce connection is thread-safe and pipelines the commands of concurrent callers, so one is enough for text
 * values; a second one, opened on first use, carries binary values ({@link #binaryCall}), which the response cache
 * stores as they are rather than in Base64.
 * <pre>{@code
 * Redis.create(config).ifPresent(redis -> builder.onStop(redis).throttleStore(RedisThrottleStore.create(redis)));
 * }</pre>
 *
 * <p>It connects on first use (building an app never connects, so {@code schema} needs no Redis) and then reconnects by
 * itself: Lettuce's watchdog retries with a back-off capped at {@code redis.reconnect-delay-max}, and while it is
 * disconnected commands are rejected at once instead of queued, so requests never wait for a dead server. Every call
 * goes through {@link #call}, which applies the failure policy and logs each outage once, when it starts and when it
 * ends.
 */
public final class Redis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RedisSettings settings;
    private final Clock clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final ReentrantLock connecting = new ReentrantLock();
    private final Outage outage = new Outage();
    private static final RedisCodec<String, byte[]> BINARY = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisConnection<String, byte[]> binary;
    private volatile long nextAttemptNanos;
    private volatile boolean closed;

    private Redis(RedisSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(
                        Duration.ofMillis(50), settings.reconnectDelayMax(), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.commandTimeout());
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(settings.connectTimeout())
                        .keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
    }

    /** A holder for {@code settings}, not yet connected, on the system clock; {@code settings.url()} must be set. */
    public static Redis create(RedisSettings settings) {
        if (settings.configuredUrl().isEmpty()) {
            throw new IllegalArgumentException(
                    "Redis.create needs redis.url (PORTICO_REDIS_URL), such as " + "redis://127.0.0.1:6379/0");
        }
        return new Redis(settings, Clock.systemUTC());
    }

    /**
     * A holder when {@code config} sets {@code redis.url} (registered with {@link RedisSettings#register}), else empty;
     * on the configuration's clock, which the features built on it read (a test's {@code MutableClock} moves them).
     */
    public static Optional<Redis> create(PorticoConfig config) {
        RedisSettings settings = RedisSettings.from(config);
        return settings.configuredUrl().map(url -> new Redis(settings, config.clock()));
    }

    /** The settings this holder was made with. */
    public RedisSettings settings() {
        return settings;
    }

    /** The clock of the configuration this holder was made from (the system's for {@link #create(RedisSettings)}). */
    public Clock clock() {
        return clock;
    }

    /** The key prefix every feature puts before its own ({@code portico:}). */
    public String keyPrefix() {
        return settings.keyPrefix();
    }

    /**
     * Connects now if not yet connected, for {@code Portico.Builder.onStart}: the first requests then find both
     * connections open. Redis being down is not fatal here; it is logged, and the failure policy answers until it is up.
     */
    public void connect() {
        try {
            commands();
            binaryCommands();
        } catch (RedisException e) {
            LOG.warn(
                    "Redis at {} does not answer yet ({}); failing {} until it does",
                    redacted(),
                    e.getMessage(),
                    settings.failurePolicy().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Runs {@code command} with the configured failure policy: when Redis fails, {@code whenOpen} gives the answer
     * under {@link FailurePolicy#OPEN}, and {@link FailurePolicy#CLOSED} answers 503.
     */
    public <T> T call(String feature, Function<RedisCommands<String, String>, T> command, Supplier<T> whenOpen) {
        return call(feature, settings.failurePolicy(), command, whenOpen);
    }

    /** {@link #call(String, Function, Supplier)} with a policy of the feature's own. */
    public <T> T call(
            String feature,
            FailurePolicy policy,
            Function<RedisCommands<String, String>, T> command,
            Supplier<T> whenOpen) {
        return run(feature, policy, this::commands, command, whenOpen);
    }

    /** {@link #call(String, FailurePolicy, Function, Supplier)} on the connection whose values are bytes. */
    public <T> T binaryCall(
            String feature,
            FailurePolicy policy,
            Function<RedisCommands<String, byte[]>, T> command,
            Supplier<T> whenOpen) {
        return run(feature, policy, this::binaryCommands, command, whenOpen);
    }

    private <C, T> T run(
            String feature, FailurePolicy policy, Supplier<C> commands, Function<C, T> command, Supplier<T> whenOpen) {
        T result;
        try {
            result = command.apply(commands.get());
        } catch (RedisException e) {
            outage.failed(feature, policy, e);
            if (policy == FailurePolicy.OPEN) {
                return whenOpen.get();
            }
            ServiceUnavailable refused = new ServiceUnavailable();
            refused.withHeader("Retry-After", "1");
            throw refused;
        }
        outage.succeeded();
        return result;
    }

    /**
     * This Redis as {@code /ready}'s check named {@code redis}: a {@code PING} within {@code redis.command-timeout}.
     * Under {@code redis.failure-policy=open} the instance serves without Redis, so it stays ready and the check
     * only reports; under {@code closed} a Redis outage makes it not ready, as it then answers 503 anyway.
     */
    public HealthCheck healthCheck() {
        return HealthCheck.of("redis", () -> {
            boolean up;
            try {
                up = "PONG".equalsIgnoreCase(commands().ping());
            } catch (RedisException e) {
                up = false;
            }
            return up || settings.failurePolicy() == FailurePolicy.OPEN;
        });
    }

    /** Whether the last call succeeded (no outage in progress). */
    public boolean healthy() {
        return outage.since == 0;
    }

    /** The synchronous commands of the shared connection, connecting first if needed; throws while Redis is down. */
    public RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> open = connection;
        return (open != null ? open : open(() -> connection, c -> connection = c, client::connect)).sync();
    }

    /** {@link #commands()} of the connection whose values are bytes, opened on first use. */
    public RedisCommands<String, byte[]> binaryCommands() {
        StatefulRedisConnection<String, byte[]> open = binary;
        return (open != null ? open : open(() -> binary, c -> binary = c, () -> client.connect(BINARY))).sync();
    }

    private <V> StatefulRedisConnection<String, V> open(
            Supplier<StatefulRedisConnection<String, V>> current,
            Consumer<StatefulRedisConnection<String, V>> keep,
            Supplier<StatefulRedisConnection<String, V>> connect) {
        if (closed) {
            throw new RedisException("the Redis holder is closed");
        }
        if (System.nanoTime() - nextAttemptNanos < 0) {
            throw new RedisException("Redis was unreachable a moment ago; the next connection attempt is soon");
        }
        try {
            if (!connecting.tryLock(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RedisException("still connecting to Redis");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("interrupted while connecting to Redis");
        }
        try {
            StatefulRedisConnection<String, V> open = current.get();
            if (open == null) {
                open = connect.get();
                keep.accept(open);
            }
            return open;
        } catch (RedisException e) {
            // Lettuce's watchdog only reconnects a connection it once opened; before that, attempts are ours, spaced
            // out
            nextAttemptNanos = System.nanoTime() + settings.reconnectDelayMax().toNanos();
            throw e;
        } finally {
            connecting.unlock();
        }
    }

    private String redacted() {
        return settings.url().replaceAll("//[^@/]*@", "//****@");
    }

    /** Closes the connection and the client's threads; for {@code Portico.Builder.onStop}. */
    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, String> open = connection;
        if (open != null) {
            open.close();
        }
        StatefulRedisConnection<String, byte[]> openBinary = binary;
        if (openBinary != null) {
            openBinary.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** One outage is logged when it starts, every ten seconds while it lasts, and when it ends. */
    private static final class Outage {
        private volatile long since;
        private volatile long lastLog;
        private final java.util.concurrent.atomic.LongAdder failures = new java.util.concurrent.atomic.LongAdder();

        void failed(String feature, FailurePolicy policy, RedisException e) {
            failures.increment();
            long now = System.nanoTime();
            String failing = policy == FailurePolicy.OPEN
                    ? "letting requests through (fail-open)"
                    : "answering 503 (fail-closed)";
            synchronized (this) {
                if (since == 0) {
                    since = now;
                    lastLog = now;
                    LOG.warn("Redis failed for {}: {}; {} until it answers", feature, e.getMessage(), failing);
                } else if (now - lastLog > LOG_EVERY_NANOS) {
                    lastLog = now;
                    LOG.warn("Redis still failing ({} failed calls so far); {}", failures.sum(), failing);
                }
            }
        }

        void succeeded() {
            if (since != 0) {
                synchronized (this) {
                    if (since != 0) {
                        LOG.info(
                                "Redis answers again after {} ms and {} failed calls",
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since),
                                failures.sumThenReset());
                        since = 0;
                    }
                }
            }
        }
    }
}
