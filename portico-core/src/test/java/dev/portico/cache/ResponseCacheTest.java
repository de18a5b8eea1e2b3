package dev.portico.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The in-memory store and the kept form of a response. */
class ResponseCacheTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();

    private static CachedResponse response(String body) {
        return CachedResponse.of(Response.of(200, "application/json", body.getBytes(StandardCharsets.UTF_8))
                .header("ETag", "\"3\"")
                .header("Set-Cookie", "sessionid=x")
                .header("X-Cache", "MISS"));
    }

    @Test
    void keepsStatusTypeAndHeadersButNeverSetCookie() {
        CachedResponse kept = response("{}");
        assertThat(kept.headers()).containsExactly("ETag", "\"3\"");
        Response replay = kept.toResponse();
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.contentType()).contains("application/json");
        assertThat(replay.headerValue("ETag")).contains("\"3\"");
        assertThat(replay.headerValue("Set-Cookie")).isEmpty();
    }

    @Test
    void encodesAndDecodesForRemoteStores() {
        CachedResponse kept = response("{\"a\":1}");
        CachedResponse back = CachedResponse.decode(kept.encode()).orElseThrow();
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.contentType()).isEqualTo(kept.contentType());
        assertThat(back.headers()).isEqualTo(kept.headers());
        assertThat(back.body()).isEqualTo(kept.body());
        CachedResponse empty = CachedResponse.of(Response.of(204));
        assertThat(CachedResponse.decode(empty.encode()).orElseThrow().contentType())
                .isEmpty();
        assertThat(CachedResponse.decode(new byte[] {9, 9})).isEmpty();
    }

    @Test
    void anEntryLivesForItsOwnTtlOnTheClock() {
        ResponseCache cache = ResponseCache.inMemory(1 << 20, clock);
        CacheKey short_ = new CacheKey("t", "user:1", "/a?");
        CacheKey long_ = new CacheKey("t", "user:1", "/b?");
        cache.store(cache.lookup(short_), response("1"), Duration.ofSeconds(1));
        cache.store(cache.lookup(long_), response("2"), Duration.ofSeconds(60));
        now.set(now.get().plusSeconds(2));
        assertThat(cache.lookup(short_).hit()).isEmpty();
        assertThat(cache.lookup(long_).hit()).isPresent();
    }

    @Test
    void invalidationMovesTheTagToANewGenerationOnly() {
        ResponseCache cache = ResponseCache.inMemory(1 << 20, clock);
        CacheKey posts = new CacheKey("/api/posts/", "user:1", "/api/posts/?");
        CacheKey other = new CacheKey("/api/other/", "user:1", "/api/other/?");
        cache.store(cache.lookup(posts), response("p"), Duration.ofMinutes(1));
        cache.store(cache.lookup(other), response("o"), Duration.ofMinutes(1));
        cache.invalidate("/api/posts/");
        Lookup after = cache.lookup(posts);
        assertThat(after.hit()).isEmpty();
        assertThat(after.generation()).isEqualTo(1);
        assertThat(cache.lookup(other).hit()).isPresent();
    }

    @Test
    void aResponseBuiltBeforeAnInvalidationIsNeverRead() {
        ResponseCache cache = ResponseCache.inMemory(1 << 20, clock);
        CacheKey key = new CacheKey("t", "user:1", "/a?");
        Lookup before = cache.lookup(key); // a read starts, then a write commits and invalidates
        cache.invalidate("t");
        cache.store(before, response("old data"), Duration.ofMinutes(1));
        assertThat(cache.lookup(key).hit()).isEmpty();
    }

    @Test
    void isBoundedBySize() {
        MemoryResponseCache cache = new MemoryResponseCache(64 * 1024, clock);
        String body = "x".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            CacheKey key = new CacheKey("t", "user:" + i, "/a?");
            cache.store(cache.lookup(key), response(body), Duration.ofMinutes(1));
        }
        assertThat(cache.size()).isLessThan(100);
    }

    @Test
    void noneStoresNothing() {
        ResponseCache none = ResponseCache.none();
        CacheKey key = new CacheKey("t", "c", "r");
        none.store(none.lookup(key), response("x"), Duration.ofMinutes(1));
        assertThat(none.lookup(key).hit()).isEqualTo(Optional.empty());
        assertThat(ResponseCache.none()).isSameAs(none);
    }
}
