package dev.portico.redis.cache;

import static dev.portico.redis.cache.CachedApp.body;
import static dev.portico.redis.cache.CachedApp.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.cache.CacheKey;
import dev.portico.cache.CachedResponse;
import dev.portico.cache.Lookup;
import dev.portico.http.Response;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis response cache on the real server: two instances sharing it, isolation, invalidation and TTLs. */
@RedisTest
class RedisResponseCacheTest {
    private TestRedis server;
    private Redis first;
    private Redis second;

    @BeforeEach
    void connect() {
        server = TestRedis.create();
        first = Redis.create(server.settings());
        second = Redis.create(server.settings());
    }

    @AfterEach
    void checkAndClean() {
        try {
            assertThat(server.keysWithoutTtl()).as("Redis keys without a TTL").isEmpty();
        } finally {
            first.close();
            second.close();
            server.close();
        }
    }

    private static CachedResponse json(String body) {
        return CachedResponse.of(Response.of(200, "application/json", body.getBytes(StandardCharsets.UTF_8))
                .header("ETag", "\"1\"")
                .header("Set-Cookie", "sessionid=secret"));
    }

    @Test
    void storesAndReadsAResponseWithItsTtlAndWithoutSetCookie() {
        RedisResponseCache cache = RedisResponseCache.create(first);
        CacheKey key = new CacheKey("/api/posts/", "user:1", "/api/posts/?page=2");
        Lookup miss = cache.lookup(key);
        assertThat(miss.hit()).isEmpty();
        cache.store(miss, json("{\"é\":1}"), Duration.ofSeconds(30));
        CachedResponse hit = cache.lookup(key).hit().orElseThrow();
        assertThat(new String(hit.body(), StandardCharsets.UTF_8)).isEqualTo("{\"é\":1}");
        assertThat(hit.headers()).containsExactly("ETag", "\"1\"");
        List<String> keys = server.keys();
        assertThat(keys).hasSize(1).allSatisfy(k -> {
            assertThat(k).startsWith(server.prefix() + "cache:/api/posts/:e:user:1:");
            assertThat(server.raw().pttl(k)).isBetween(29_000L, 30_000L);
            // the generation's 8 bytes, then the encoded response as it is: no Base64
            assertThat(server.raw().strlen(k)).isEqualTo(8L + json("{\"é\":1}").encode().length);
        });
    }

    @Test
    void anEntryOfAnOlderGenerationIsAMissUntilTheNextStoreOverwritesIt() {
        RedisResponseCache cache = RedisResponseCache.create(first);
        CacheKey key = new CacheKey("t", "user:1", "/a?");
        cache.store(cache.lookup(key), json("old"), Duration.ofSeconds(30));
        cache.invalidate("t");
        Lookup stale = cache.lookup(key);
        assertThat(stale.hit()).isEmpty();
        cache.store(stale, json("new"), Duration.ofSeconds(30));
        assertThat(new String(cache.lookup(key).hit().orElseThrow().body(), StandardCharsets.UTF_8))
                .isEqualTo("new");
        assertThat(server.keys()).hasSize(2); // the generation and the one entry, overwritten in place
    }

    @Test
    void anInvalidationOnOneInstanceDropsTheEntriesOfTheOther() {
        CachedApp a = new CachedApp(RedisResponseCache.create(first));
        CachedApp b = new CachedApp(RedisResponseCache.create(second));
        assertThat(outcome(a.get("alice"))).isEqualTo("MISS");
        assertThat(outcome(b.get("alice"))).isEqualTo("HIT"); // the entry A stored
        b.write();
        assertThat(outcome(a.get("alice"))).isEqualTo("MISS");
        assertThat(outcome(b.get("alice"))).isEqualTo("HIT");
        assertThat(server.raw().pttl(server.prefix() + "cache:me:gen"))
                .isGreaterThan(Duration.ofHours(24).toMillis());
    }

    @Test
    void aResponseReadBeforeAnInvalidationIsNeverServedAfterIt() {
        RedisResponseCache one = RedisResponseCache.create(first);
        RedisResponseCache other = RedisResponseCache.create(second);
        CacheKey key = new CacheKey("t", "user:1", "/a?");
        Lookup before = one.lookup(key);
        other.invalidate("t"); // a write on another instance, while the read ran
        one.store(before, json("old"), Duration.ofSeconds(30));
        assertThat(other.lookup(key).hit()).isEmpty();
        assertThat(one.lookup(key).hit()).isEmpty();
    }

    @Test
    void interleavedUsersOnTwoInstancesNeverSeeEachOthersResponses() throws Exception {
        CachedApp a = new CachedApp(RedisResponseCache.create(first));
        CachedApp b = new CachedApp(RedisResponseCache.create(second));
        String[] users = {"alice", "bob", "carol", "dave", "erin", "frank"};
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> hits = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        String user = users[ThreadLocalRandom.current().nextInt(users.length)];
                        CachedApp instance = ThreadLocalRandom.current().nextBoolean() ? a : b;
                        Response r = instance.get(user);
                        if (!body(r).contains("\"who\":\"" + user + "\"")) {
                            wrong.add(user + " got " + body(r));
                        }
                        if (outcome(r).equals("HIT")) {
                            hits.add(user);
                        }
                        if (i % 25 == 0) {
                            instance.write();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(wrong).as("responses served to the wrong caller").isEmpty();
        assertThat(hits).hasSizeGreaterThan(1000);
    }
}
