package dev.portico.bench;

import dev.portico.redis.Redis;
import dev.portico.redis.RedisScript;
import dev.portico.redis.RedisSettings;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The throttled rows: {@code /throttled} counts each request in memory, {@code /throttled-redis} in Redis (with
 * {@code BENCH_REDIS_URL}), per client IP in fixed one-minute windows, with a limit no run reaches so every answer is a
 * 200 with the {@code RateLimit-*} headers. The baseline counts by hand: a {@link ConcurrentHashMap} of counters (no
 * size bound and no expiry, which Portico's Caffeine store has), and the same Lua script through one Lettuce
 * connection.
 */
final class Throttled {
    static final long LIMIT = 1_000_000_000L;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final String KEY_PREFIX = "portico-bench:";
    private static final RedisScript HIT = RedisScript.of("""
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """, ScriptOutputType.INTEGER);

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    private Throttled() {}

    static Throttled create() {
        return new Throttled();
    }

    /** The Redis to count in, from {@code BENCH_REDIS_URL}. */
    static Optional<Redis> redis() {
        return Optional.ofNullable(System.getenv("BENCH_REDIS_URL"))
                .filter(u -> !u.isBlank())
                .map(url -> Redis.create(RedisSettings.of(url).withKeyPrefix(KEY_PREFIX)));
    }

    /** One request of {@code ip} counted in memory: {limit, remaining, reset seconds}. */
    long[] memory(String ip) {
        long now = System.currentTimeMillis();
        long window = now / WINDOW.toMillis();
        long n = counters.computeIfAbsent(ip + '@' + window, k -> new AtomicLong())
                .incrementAndGet();
        return headers(n, now);
    }

    /** One request of {@code ip} counted in Redis. */
    long[] redis(Redis redis, String ip) {
        long now = System.currentTimeMillis();
        long toEnd = (now / WINDOW.toMillis() + 1) * WINDOW.toMillis() - now;
        String key = KEY_PREFIX + "raw:{ip:" + ip + "}:" + now / WINDOW.toMillis();
        Long n = HIT.run(redis.commands(), new String[] {key}, Long.toString(toEnd + 1000));
        return headers(n, now);
    }

    private static long[] headers(long n, long now) {
        long toEnd = (now / WINDOW.toMillis() + 1) * WINDOW.toMillis() - now;
        return new long[] {LIMIT, Math.max(0, LIMIT - n), (toEnd + 999) / 1000};
    }

    static final List<String> HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
}
