package dev.portico.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.cache.CacheKey;
import dev.portico.cache.CachedResponse;
import dev.portico.cache.Lookup;
import dev.portico.cache.ResponseCache;
import dev.portico.redis.Redis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached rows: {@code /cached} and {@code /cached-redis} answer the page of {@code /api/items?limit=20} (20 of the
 * 1000 records), each caller's answer cached for {@link #TTL}, so after the first request every answer is a hit.
 * Portico caches {@code /cached} in {@code ResponseCache.inMemory} and {@code /cached-redis} in
 * {@code RedisResponseCache} (one app holds one cache, so {@link ByPath} hands each endpoint's tag to its store). The
 * baseline does the same by hand: a {@link ConcurrentHashMap} of the answer's bytes per caller and query (no size
 * bound, no expiry), and a Redis {@code GET} of the same bytes (a {@code SET PX} on a miss) through one Lettuce
 * connection.
 */
final class Cached {
    static final Duration TTL = Duration.ofMinutes(1);
    static final String REDIS_PATH = "/cached-redis";

    private final ConcurrentHashMap<String, byte[]> memory = new ConcurrentHashMap<>();
    private final ObjectWriter page;

    Cached(ObjectWriter page) {
        this.page = page;
    }

    /** The page's bytes for {@code ip} asking {@code query}, from the map, built on the first request. */
    byte[] memory(String ip, String query, int limit, int offset) {
        return memory.computeIfAbsent(ip + '|' + query, k -> bytes(limit, offset));
    }

    /** The same from Redis: one GET, and on a miss a SET with the TTL. */
    byte[] redis(Redis redis, String ip, String query, int limit, int offset) {
        String key = Throttled.KEY_PREFIX + "raw-cache:" + ip + '|' + query;
        String stored = redis.commands().get(key);
        if (stored != null) {
            return stored.getBytes(StandardCharsets.UTF_8);
        }
        byte[] body = bytes(limit, offset);
        redis.commands().psetex(key, TTL.toMillis(), new String(body, StandardCharsets.UTF_8));
        return body;
    }

    private byte[] bytes(int limit, int offset) {
        try {
            return page.writeValueAsBytes(Items.page(limit, offset));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's one response cache: {@code /cached-redis}'s entries in Redis, every other endpoint's in memory. */
    record ByPath(ResponseCache memory, ResponseCache redis) implements ResponseCache {
        private ResponseCache of(String tag) {
            return REDIS_PATH.equals(tag) ? redis : memory;
        }

        @Override
        public Lookup lookup(CacheKey key) {
            return of(key.tag()).lookup(key);
        }

        @Override
        public void store(Lookup lookup, CachedResponse response, Duration ttl) {
            of(lookup.key().tag()).store(lookup, response, ttl);
        }

        @Override
        public void invalidate(String tag) {
            of(tag).invalidate(tag);
        }

        @Override
        public void close() {
            memory.close();
            redis.close();
        }
    }
}
