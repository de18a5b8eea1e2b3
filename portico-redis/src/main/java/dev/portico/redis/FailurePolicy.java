package dev.portico.redis;

/**
 * What a Redis-backed feature does while Redis does not answer (down, paused, or slower than
 * {@code redis.command-timeout}). Which is right depends on what the feature protects, so it is a setting,
 * {@code redis.failure-policy}.
 */
public enum FailurePolicy {
    /** Carry on without Redis: a throttle lets the request through, a cache misses; each outage is logged. */
    OPEN,
    /** Refuse: the request is answered 503 until Redis answers again. */
    CLOSED
}
