package dev.portico.throttle;

import java.time.Clock;

/**
 * Where throttles count: one atomic step per request, so that exactly {@code limit} requests pass per window however
 * many arrive at once. The in-memory store is the default; {@code portico-redis}'s store is shared by every instance.
 */
public interface ThrottleStore {

    /**
     * Counts one request in {@code bucket}'s current window of {@code rate}. With {@code ban}, a bucket that goes over
     * the limit is refused for the rate's whole duration from then, whatever the window, and refused requests during
     * the ban are not counted.
     */
    Throttle.Decision hit(String bucket, Rate rate, boolean ban);

    /**
     * The state of {@code bucket}'s current window of {@code rate}, without counting: allowed while a ban is not running
     * and fewer than {@code limit} were counted, so that the next {@link #hit} would still pass. What
     * {@link dev.portico.auth.Guesses} asks before a password is checked, counting only the failures.
     */
    Throttle.Decision peek(String bucket, Rate rate);

    /**
     * The counting of one bound throttle, made once per endpoint when the pipelines are composed: its
     * {@link #hit(String) hit} of {@code key} counts exactly as {@code hit(scope + ':' + key, rate, ban)} does, and a
     * store may precompute the endpoint's part of the bucket here instead of building it on every request.
     */
    default Counter counter(String scope, Rate rate, boolean ban) {
        String prefix = scope + ':';
        return key -> hit(prefix + key, rate, ban);
    }

    /** One throttle's buckets in a store: {@link #counter}. */
    @FunctionalInterface
    interface Counter {
        /** Counts one request of the caller known by {@code key}. */
        Throttle.Decision hit(String key);
    }

    /** In memory, for one instance: at most {@code maxKeys} buckets (and as many bans), on the system clock. */
    static ThrottleStore memory(int maxKeys) {
        return memory(maxKeys, Clock.systemUTC());
    }

    /** In memory on {@code clock}, which tests move to the exact edges of a window. */
    static ThrottleStore memory(int maxKeys, Clock clock) {
        return new MemoryThrottleStore(maxKeys, clock);
    }
}
