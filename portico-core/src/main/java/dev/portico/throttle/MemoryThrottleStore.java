package dev.portico.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters in a Caffeine cache bounded by size: one {@link AtomicLong} per bucket and window, created atomically by
 * the cache and incremented without a lock, so concurrent requests of one caller never lose a count and requests of
 * different callers never wait for each other. Each entry expires at the end of its window (a ban at its end), on the
 * store's clock. A bucket evicted because the cache is full starts again from zero: {@code throttle.memory-max-keys}
 * should exceed the callers active in one window.
 */
final class MemoryThrottleStore implements ThrottleStore {
    private final Clock clock;
    private final Cache<String, Expiring> counters;
    private final Cache<String, Expiring> bans;

    MemoryThrottleStore(int maxKeys, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("throttle.memory-max-keys must be at least 1 (was " + maxKeys + ")");
        }
        this.clock = clock;
        this.counters = cache(maxKeys, clock);
        this.bans = cache(maxKeys, clock);
    }

    private static Cache<String, Expiring> cache(int maxKeys, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new UntilEnd(clock))
                .build();
    }

    @Override
    public Throttle.Decision hit(String bucket, Rate rate, boolean ban) {
        long now = clock.millis();
        String rateKey = bucket + '@' + rate.limit() + '/' + rate.duration().toMillis();   // two rates never share
        if (ban) {
            Expiring banned = bans.getIfPresent(rateKey);
            if (banned != null && banned.endsAt > now) {
                return new Throttle.Decision(false, rate.limit(), 0, Rate.seconds(banned.endsAt - now));
            }
        }
        long toEnd = rate.millisToWindowEnd(now);
        String key = rateKey + '@' + rate.window(now);
        long count = counters.get(key, k -> new Expiring(now + toEnd)).count.incrementAndGet();
        if (count <= rate.limit()) {
            return new Throttle.Decision(true, rate.limit(), rate.limit() - count, Rate.seconds(toEnd));
        }
        if (ban) {
            long endsAt = bans.asMap().merge(rateKey, new Expiring(now + rate.duration().toMillis()),
                    (old, fresh) -> old.endsAt > now ? old : fresh).endsAt;
            return new Throttle.Decision(false, rate.limit(), 0, Rate.seconds(endsAt - now));
        }
        return new Throttle.Decision(false, rate.limit(), 0, Rate.seconds(toEnd));
    }

    /** A count, or a ban, that lives until {@code endsAt} (epoch milliseconds on the store's clock). */
    private static final class Expiring {
        final long endsAt;
        final AtomicLong count = new AtomicLong();

        Expiring(long endsAt) {
            this.endsAt = endsAt;
        }
    }

    private record UntilEnd(Clock clock) implements Expiry<String, Expiring> {
        @Override
        public long expireAfterCreate(String key, Expiring value, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, value.endsAt - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(String key, Expiring value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Expiring value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
