package dev.portico.redis.cache;

import dev.portico.cache.CacheKey;
import dev.portico.cache.CachedResponse;
import dev.portico.cache.Lookup;
import dev.portico.cache.ResponseCache;
import dev.portico.redis.FailurePolicy;
import dev.portico.redis.Redis;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache in Redis, shared by every instance on the same server, on the application's {@link Redis}
 * holder (its failure policy and outage log):
 * <pre>{@code
 * Redis.create(config).ifPresent(redis -> app.onStop(redis).responseCache(RedisResponseCache.create(redis)));
 * }</pre>
 *
 * <p>Keys, under the holder's prefix ({@code portico:}), all with a TTL:
 * <ul>
 *   <li>{@code cache:<tag>:gen}: the tag's generation, a random number set by each invalidation, kept for
 *   {@link ResponseCache#MAX_TTL} and an hour more. When it expires no entry written before it can still be
 *   alive, so readers fall back to generation 0 safely; random values never repeat an older generation.</li>
 *   <li>{@code cache:<tag>:e:<caller>:<hash>}: one response, for its endpoint's duration: the generation it was
 *   made in (8 bytes), then {@link CachedResponse#encode()}'s bytes as they are. The hash is SHA-256 of the path,
 *   normalised query and inputs, so one caller's entry can never be read for another.</li>
 * </ul>
 *
 * <p>A lookup is one round trip, one {@code MGET} of the generation and the entry: the entry is a hit only when it
 * was made in the current generation, so an invalidation makes every older entry a miss at once, and the next store
 * overwrites it. A Lua script naming the entry's key from the generation it read did the same in one round trip,
 * and cost Redis twice the CPU of the {@code MGET}. Both keys must live on one server (on Redis Cluster the tag would
 * need to be a hash tag).
 *
 * <p>When Redis fails (down, paused, slower than {@code redis.command-timeout}): under {@code fail-open} a lookup
 * misses and nothing is stored, so requests run the endpoint; under {@code fail-closed} the request is a 503. An
 * invalidation never fails the write that made it: it is kept and sent again with the next command that succeeds.
 */
public final class RedisResponseCache implements ResponseCache {
    private static final Logger LOG = LoggerFactory.getLogger(RedisResponseCache.class);
    private static final String FEATURE = "the response cache";
    /** A lookup that could not read Redis: there is nothing to store under. */
    private static final long UNREAD = -1;

    private static final Duration GENERATION_TTL = MAX_TTL.plusHours(1);
    /** The bytes before the encoded response in an entry: the generation it was made in. */
    private static final int HEADER = Long.BYTES;

    private final Redis redis;
    private final FailurePolicy policy;
    private final String prefix;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    private RedisResponseCache(Redis redis, FailurePolicy policy) {
        this.redis = redis;
        this.policy = policy;
        this.prefix = redis.keyPrefix() + "cache:";
    }

    /** The cache on {@code redis}, with its {@code redis.failure-policy}. */
    public static RedisResponseCache create(Redis redis) {
        return new RedisResponseCache(redis, redis.settings().failurePolicy());
    }

    /** The cache on {@code redis} with a failure policy of its own (a cache may fail open where throttling fails closed). */
    public static RedisResponseCache create(Redis redis, FailurePolicy policy) {
        return new RedisResponseCache(redis, policy);
    }

    @Override
    public Lookup lookup(CacheKey key) {
        if (!pending.isEmpty()) {
            redis.call(
                    FEATURE,
                    policy,
                    commands -> {
                        flushPending(commands);
                        return true;
                    },
                    () -> false);
        }
        String entry = entryKey(key);
        return redis.binaryCall(
                FEATURE,
                policy,
                commands -> {
                    List<KeyValue<String, byte[]>> found = commands.mget(generationKey(key.tag()), entry);
                    long generation = found.get(0).hasValue()
                            ? Long.parseLong(new String(found.get(0).getValue(), StandardCharsets.US_ASCII))
                            : 0;
                    byte[] stored = found.get(1).getValueOrElse(null);
                    Optional<CachedResponse> hit = stored != null
                                    && stored.length > HEADER
                                    && ByteBuffer.wrap(stored).getLong() == generation
                            ? CachedResponse.decode(stored, HEADER)
                            : Optional.empty();
                    return new Lookup(key, generation, hit);
                },
                () -> new Lookup(key, UNREAD, Optional.empty()));
    }

    @Override
    public void store(Lookup lookup, CachedResponse response, Duration ttl) {
        if (lookup.generation() == UNREAD) {
            return;
        }
        byte[] encoded = response.encode();
        byte[] value = ByteBuffer.allocate(HEADER + encoded.length)
                .putLong(lookup.generation())
                .put(encoded)
                .array();
        String entry = entryKey(lookup.key());
        redis.binaryCall(
                FEATURE,
                FailurePolicy.OPEN,
                commands -> commands.set(entry, value, SetArgs.Builder.px(ttl)),
                () -> null); // the response is made already: a store that fails only costs a later miss
    }

    private String entryKey(CacheKey key) {
        return prefix + key.tag() + ":e:" + key.caller() + ":" + digest(key.request());
    }

    @Override
    public void invalidate(String tag) {
        boolean sent = redis.call(
                FEATURE,
                FailurePolicy.OPEN,
                commands -> {
                    newGeneration(commands, tag);
                    flushPending(commands);
                    return true;
                },
                () -> false);
        if (!sent) {
            pending.add(tag);
            LOG.warn(
                    "could not invalidate the cached responses of {} in Redis; sending it again once Redis answers",
                    tag);
        }
    }

    /** Tags whose invalidation is waiting for Redis, for tests. */
    Set<String> pending() {
        return Set.copyOf(pending);
    }

    private void flushPending(RedisCommands<String, String> commands) {
        if (pending.isEmpty()) {
            return;
        }
        for (String tag : List.copyOf(pending)) {
            newGeneration(commands, tag);
            pending.remove(tag);
            LOG.info("sent the delayed invalidation of {} to Redis", tag);
        }
    }

    private void newGeneration(RedisCommands<String, String> commands, String tag) {
        long generation = 1 + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE - 1);
        commands.set(generationKey(tag), Long.toString(generation), SetArgs.Builder.px(GENERATION_TTL));
    }

    private String generationKey(String tag) {
        return prefix + tag + ":gen";
    }

    private static String digest(String request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RedisResponseCache[" + prefix + "]";
    }

    /** Not closed here: the {@link Redis} holder is the application's, shared with throttling. */
    @Override
    public void close() {}
}
