package dev.portico.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ResponseCache#inMemory}: a Caffeine cache weighed in bytes with a TTL per entry, and one counter per
 * tag. Counters are never dropped: there is one per cached endpoint or resource, not per request.
 */
final class MemoryResponseCache implements ResponseCache {
    private record Key(String tag, long generation, String caller, String request) {}

    private record Entry(CachedResponse response, long ttlNanos) {}

    private final Cache<Key, Entry> entries;
    private final ConcurrentHashMap<String, AtomicLong> generations = new ConcurrentHashMap<>();

    MemoryResponseCache(long maxBytes, InstantSource clock) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the in-memory response cache needs a positive size, not " + maxBytes);
        }
        this.entries = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the request's thread, as MemoryThrottleStore says why
                .maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.response().weight()
                        + k.caller().length()
                        + k.request().length())
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long now, long remaining) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                // the system clock's own ticker, nanoTime: no Instant made per read; a test's clock is read as given
                .ticker(clock.equals(InstantSource.system()) ? Ticker.systemTicker() : () -> nanos(clock))
                .build();
    }

    private static long nanos(InstantSource clock) {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public Lookup lookup(CacheKey key) {
        long generation = generation(key.tag()).get();
        Entry entry = entries.getIfPresent(new Key(key.tag(), generation, key.caller(), key.request()));
        return new Lookup(key, generation, entry == null ? Optional.empty() : Optional.of(entry.response()));
    }

    @Override
    public void store(Lookup lookup, CachedResponse response, Duration ttl) {
        CacheKey key = lookup.key();
        entries.put(
                new Key(key.tag(), lookup.generation(), key.caller(), key.request()),
                new Entry(response, ttl.toNanos()));
    }

    @Override
    public void invalidate(String tag) {
        generation(tag).incrementAndGet();
    }

    private AtomicLong generation(String tag) {
        AtomicLong generation = generations.get(tag);
        return generation != null ? generation : generations.computeIfAbsent(tag, t -> new AtomicLong());
    }

    /** How many entries are kept now, stale generations included, for tests. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
