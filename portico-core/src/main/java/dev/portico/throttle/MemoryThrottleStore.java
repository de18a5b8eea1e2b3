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
 *
 * <p>The cache's upkeep (draining its read buffer, expiring, evicting) runs on the thread of the request that fills
 * the buffer, not on {@code ForkJoinPool.commonPool()}, Caffeine's default: handing it over woke a pool thread about
 * every 18 requests, 0.05 context switches per request that a plain map never pays, on a server whose cores the
 * requests' own threads already keep busy. The upkeep is short and amortised, and a request that finds another's
 * upkeep under way goes on without it (Caffeine asks for its lock with {@code tryLock} there).
 */
final class MemoryThrottleStore implements ThrottleStore {
    private final Clock clock;
    private final Cache<Key, Expiring> counters;
    private final Cache<Key, Expiring> bans;

    MemoryThrottleStore(int maxKeys, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("throttle.memory-max-keys must be at least 1 (was " + maxKeys + ")");
        }
        this.clock = clock;
        this.counters = cache(maxKeys, clock);
        this.bans = cache(maxKeys, clock);
    }

    private static Cache<Key, Expiring> cache(int maxKeys, Clock clock) {
        return Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the request's thread: see the class comment
                .maximumSize(maxKeys)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new UntilEnd(clock))
                .build();
    }

    @Override
    public Throttle.Decision hit(String bucket, Rate rate, boolean ban) {
        int colon = bucket.indexOf(':'); // split as counter(scope, ...) splits, so both name one bucket alike
        return colon < 0
                ? new Bucket("", rate, ban).hit(bucket)
                : new Bucket(bucket.substring(0, colon + 1), rate, ban).hit(bucket.substring(colon + 1));
    }

    @Override
    public Throttle.Decision peek(String bucket, Rate rate) {
        int colon = bucket.indexOf(':');
        return colon < 0
                ? new Bucket("", rate, false).peek(bucket)
                : new Bucket(bucket.substring(0, colon + 1), rate, false).peek(bucket.substring(colon + 1));
    }

    @Override
    public Counter counter(String scope, Rate rate, boolean ban) {
        // a scope with a ':' of its own splits elsewhere in hit(bucket, ...): count it there, so the two agree
        return scope.indexOf(':') >= 0
                ? ThrottleStore.super.counter(scope, rate, ban)
                : new Bucket(scope + ':', rate, ban);
    }

    /**
     * One throttle's buckets: the scope and the rate, fixed when the throttle is bound, so a request builds no key
     * string, only a {@link Key} of these, the caller's key and the window.
     */
    private final class Bucket implements Counter {
        private final String scope;
        private final boolean ban;
        private final long limit;
        private final long millis;
        private final int hash; // of the scope and the rate, the part every request of this throttle shares

        Bucket(String scope, Rate rate, boolean ban) {
            this.scope = scope;
            this.ban = ban;
            this.limit = rate.limit();
            this.millis = rate.duration().toMillis();
            this.hash = (scope.hashCode() * 31 + Long.hashCode(limit)) * 31 + Long.hashCode(millis);
        }

        @Override
        public Throttle.Decision hit(String key) {
            long now = clock.millis();
            if (ban) {
                Expiring banned = bans.getIfPresent(new Key(this, key, BAN));
                if (banned != null && banned.endsAt > now) {
                    return new Throttle.Decision(false, limit, 0, Rate.seconds(banned.endsAt - now));
                }
            }
            long window = Math.floorDiv(now, millis); // as Rate.window and Rate.millisToWindowEnd count
            long toEnd = (window + 1) * millis - now;
            long count = counters.get(new Key(this, key, window), k -> new Expiring(now + toEnd))
                    .count
                    .incrementAndGet();
            if (count <= limit) {
                return new Throttle.Decision(true, limit, limit - count, Rate.seconds(toEnd));
            }
            if (ban) {
                long endsAt = bans.asMap()
                        .merge(
                                new Key(this, key, BAN),
                                new Expiring(now + millis),
                                (old, fresh) -> old.endsAt > now ? old : fresh)
                        .endsAt;
                return new Throttle.Decision(false, limit, 0, Rate.seconds(endsAt - now));
            }
            return new Throttle.Decision(false, limit, 0, Rate.seconds(toEnd));
        }

        Throttle.Decision peek(String key) {
            long now = clock.millis();
            Expiring banned = bans.getIfPresent(new Key(this, key, BAN));
            if (banned != null && banned.endsAt > now) {
                return new Throttle.Decision(false, limit, 0, Rate.seconds(banned.endsAt - now));
            }
            long window = Math.floorDiv(now, millis);
            long toEnd = (window + 1) * millis - now;
            Expiring counted = counters.getIfPresent(new Key(this, key, window));
            long count = counted == null ? 0 : counted.count.get();
            return new Throttle.Decision(count < limit, limit, Math.max(0, limit - count), Rate.seconds(toEnd));
        }

        boolean sameAs(Bucket other) { // two throttles of one scope and rate share their counts
            return this == other
                    || hash == other.hash
                            && limit == other.limit
                            && millis == other.millis
                            && scope.equals(other.scope);
        }
    }

    /** The window number of a ban's key: bans live in their own cache, one per bucket, whatever the window. */
    private static final long BAN = Long.MIN_VALUE;

    /** A bucket in one window: what {@code scope:key@limit/millis@window} named as a string before. */
    private static final class Key {
        private final Bucket bucket;
        private final String key;
        private final long window;
        private final int hash;

        Key(Bucket bucket, String key, long window) {
            this.bucket = bucket;
            this.key = key;
            this.window = window;
            this.hash = (bucket.hash * 31 + key.hashCode()) * 31 + Long.hashCode(window);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && hash == k.hash
                    && window == k.window
                    && key.equals(k.key)
                    && bucket.sameAs(k.bucket);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A count, or a ban, that lives until {@code endsAt} (epoch milliseconds on the store's clock). */
    private static final class Expiring {
        final long endsAt;
        final AtomicLong count = new AtomicLong();

        Expiring(long endsAt) {
            this.endsAt = endsAt;
        }
    }

    private record UntilEnd(Clock clock) implements Expiry<Key, Expiring> {
        @Override
        public long expireAfterCreate(Key key, Expiring value, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, value.endsAt - clock.millis()));
        }

        @Override
        public long expireAfterUpdate(Key key, Expiring value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, Expiring value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
