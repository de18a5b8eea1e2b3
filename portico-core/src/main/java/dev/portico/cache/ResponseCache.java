package dev.portico.cache;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Where the response-cache stage keeps the responses of GET endpoints that opted in
 * ({@code EndpointBuilder.cacheFor}). The stage builds the {@link CacheKey}; a store keeps responses and one
 * generation number per tag.
 *
 * <p>Invalidation is by generation: every key is filed under its tag's current generation, and
 * {@link #invalidate} moves the tag to a new one, so every response filed before is never read again and ages
 * out by its own TTL. One number per tag is all that instances share, which is why it works the same across
 * instances on Redis as in one process.
 *
 * <pre>{@code
 * Portico.builder().responseCache(ResponseCache.inMemory(64 * 1024 * 1024))
 *     .get("/api/stats/", Stats.class, r -> stats(), e -> e.cacheFor(Duration.ofSeconds(30)));
 * }</pre>
 */
public interface ResponseCache extends AutoCloseable {

    /** The longest {@code cacheFor} an endpoint may ask for; stores may rely on it for their own bookkeeping. */
    Duration MAX_TTL = Duration.ofDays(1);

    /** The response stored under {@code key} in its tag's current generation, if fresh, and that generation. */
    Lookup lookup(CacheKey key);

    /** Keeps {@code response} for {@code ttl} under the key and generation of {@code lookup}. */
    void store(Lookup lookup, CachedResponse response, Duration ttl);

    /**
     * Drops every response filed under {@code tag}, for every instance that shares this store. Called after a
     * write has been committed; it never throws, because the write has happened either way (a store that
     * cannot reach its server logs it and retries).
     */
    void invalidate(String tag);

    /** Releases what the store holds open; the application calls it when it stops. */
    @Override
    default void close() {}

    /** A cache that stores nothing: every lookup misses. Always the same instance. */
    static ResponseCache none() {
        return NoCache.INSTANCE;
    }

    /**
     * The embedded default: Caffeine in this process, bounded to about {@code maxBytes} of bodies and headers
     * (least recently used out first), each entry expiring by its own TTL.
     */
    static ResponseCache inMemory(long maxBytes) {
        return inMemory(maxBytes, InstantSource.system());
    }

    /** {@link #inMemory(long)} on {@code clock}, so tests can move time and watch entries expire. */
    static ResponseCache inMemory(long maxBytes, InstantSource clock) {
        return new MemoryResponseCache(maxBytes, clock);
    }
}
