package dev.portico.throttle;

/**
 * Answers one question: may the caller known by {@code key} make another request now? The throttling stage
 * derives the key (the user id, else the client IP) and answers 429 with {@code Retry-After} when refused.
 */
@FunctionalInterface
public interface Throttle {

    /** Counts one request against {@code key} and says whether it may proceed. */
    Decision acquire(String key);

    /**
     * The outcome of one acquire: whether it passed, the limit, what remains in the window and the seconds
     * until the window (or the ban) ends.
     */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }
}
