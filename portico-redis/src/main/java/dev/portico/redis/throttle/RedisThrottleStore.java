package dev.portico.redis.throttle;

import dev.portico.redis.FailurePolicy;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisScript;
import dev.portico.throttle.Rate;
import dev.portico.throttle.Throttle;
import dev.portico.throttle.ThrottleStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.util.List;

/**
 * Throttle counts in Redis, shared by every instance of the app: exactly {@code limit} requests pass per window across
 * all of them. Each request is one Lua script, which Redis runs atomically: it reads the ban, {@code INCR}s the
 * window's counter, gives a new counter its expiry ({@code PEXPIRE} when the count is 1, so in the same atomic step as
 * its creation: no key without a TTL, even when an instance dies mid-request) and sets the ban. Keys:
 * <pre>
 *   {prefix}throttle:{bucket}:{limit}/{window ms}:{window number}   the count, expiring a second after its window ends
 *   {prefix}throttle:{bucket}:{limit}/{window ms}:ban              the ban, expiring when it ends
 * </pre>
 * with the bucket in braces, a Redis Cluster hash tag that keeps one caller's keys in one slot. The window number
 * comes from the app's clock, so instances agree on windows as far as their clocks agree; the extra second of
 * expiry lets a slightly late instance still find the count.
 *
 * <p>When Redis fails, the holder's failure policy applies: open lets the request through (logged, with the limit as
 * what remains), closed answers 503.
 */
public final class RedisThrottleStore implements ThrottleStore {
    private static final RedisScript HIT = RedisScript.of("""
        local banned = redis.call('PTTL', KEYS[2])
        if banned > 0 then return {-1, banned} end
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        local ban = tonumber(ARGV[3])
        if ban > 0 and n > tonumber(ARGV[1]) then
          redis.call('SET', KEYS[2], '1', 'PX', ban)
          return {n, ban}
        end
        return {n, 0}
        """, ScriptOutputType.MULTI);
    /** {@link #HIT} for a throttle without a ban, which never reads one, as the memory store's: a third less work. */
    private static final RedisScript COUNT = RedisScript.of("""
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return n
        """, ScriptOutputType.INTEGER);

    private static final RedisScript PEEK = RedisScript.of("""
        local banned = redis.call('PTTL', KEYS[2])
        if banned > 0 then return {-1, banned} end
        return {tonumber(redis.call('GET', KEYS[1]) or '0'), 0}
        """, ScriptOutputType.MULTI);
    private static final long EXPIRY_MARGIN_MILLIS = 1000;

    private final Redis redis;
    private final FailurePolicy policy;
    private final Clock clock;
    private final String prefix;

    private RedisThrottleStore(Redis redis, FailurePolicy policy, Clock clock) {
        this.redis = redis;
        this.policy = policy;
        this.clock = clock;
        this.prefix = redis.keyPrefix() + "throttle:{";
    }

    /** Counting in {@code redis}, with its {@code redis.failure-policy}, on its clock (the configuration's). */
    public static RedisThrottleStore create(Redis redis) {
        return new RedisThrottleStore(redis, redis.settings().failurePolicy(), redis.clock());
    }

    /** With a failure policy and a clock of its own; tests move the clock to the exact edges of a window. */
    public static RedisThrottleStore create(Redis redis, FailurePolicy policy, Clock clock) {
        return new RedisThrottleStore(redis, policy, clock);
    }

    @Override
    public Throttle.Decision hit(String bucket, Rate rate, boolean ban) {
        long now = clock.millis();
        long toEnd = rate.millisToWindowEnd(now);
        String[] keys = keys(bucket, rate, now);
        if (!ban) {
            String[] window = {keys[0]};
            Long count = redis.call(
                    "throttling",
                    policy,
                    c -> COUNT.<Long>run(c, window, Long.toString(toEnd + EXPIRY_MARGIN_MILLIS)),
                    () -> null);
            return decision(count == null ? 0 : count, rate, toEnd); // null: fail-open, the count unknown
        }
        String[] args = {
            Long.toString(rate.limit()),
            Long.toString(toEnd + EXPIRY_MARGIN_MILLIS),
            Long.toString(rate.duration().toMillis())
        };
        List<Object> reply = redis.call("throttling", policy, c -> HIT.run(c, keys, args), () -> null);
        if (reply == null) { // fail-open: let it through, the count unknown
            return new Throttle.Decision(true, rate.limit(), rate.limit(), Rate.seconds(toEnd));
        }
        long count = (Long) reply.get(0);
        long banned = (Long) reply.get(1);
        if (banned > 0) {
            return new Throttle.Decision(false, rate.limit(), 0, Rate.seconds(banned));
        }
        return decision(count, rate, toEnd);
    }

    private static Throttle.Decision decision(long count, Rate rate, long toEnd) {
        return count <= rate.limit()
                ? new Throttle.Decision(true, rate.limit(), rate.limit() - count, Rate.seconds(toEnd))
                : new Throttle.Decision(false, rate.limit(), 0, Rate.seconds(toEnd));
    }

    /** The count and the ban read in one script, nothing written; when Redis fails, as {@link #hit} does. */
    @Override
    public Throttle.Decision peek(String bucket, Rate rate) {
        long now = clock.millis();
        long toEnd = rate.millisToWindowEnd(now);
        List<Object> reply =
                redis.call("throttling", policy, c -> PEEK.run(c, keys(bucket, rate, now), new String[0]), () -> null);
        if (reply == null) { // fail-open
            return new Throttle.Decision(true, rate.limit(), rate.limit(), Rate.seconds(toEnd));
        }
        long count = (Long) reply.get(0);
        long banned = (Long) reply.get(1);
        if (banned > 0) {
            return new Throttle.Decision(false, rate.limit(), 0, Rate.seconds(banned));
        }
        return new Throttle.Decision(
                count < rate.limit(), rate.limit(), Math.max(0, rate.limit() - count), Rate.seconds(toEnd));
    }

    /** The window's count and the ban; two rates never share a key. */
    private String[] keys(String bucket, Rate rate, long now) {
        String base =
                prefix + bucket + "}:" + rate.limit() + "/" + rate.duration().toMillis() + ":";
        return new String[] {base + rate.window(now), base + "ban"};
    }
}
