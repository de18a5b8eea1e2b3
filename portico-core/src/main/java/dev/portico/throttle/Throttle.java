package dev.portico.throttle;

import dev.portico.http.Request;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers one question: may the caller known by {@code key} make another request now? The throttling stage
 * derives the key (the user id, else the client IP) and answers 429 with {@code Retry-After} when refused.
 *
 * <p>The usual throttles are rates counted in the application's {@link ThrottleStore} (memory, or Redis with
 * {@code portico-redis}), as DRF's {@code AnonRateThrottle} and {@code UserRateThrottle}:
 * <pre>{@code
 * Portico.builder()
 *         .throttle(Throttle.all(Throttle.anonymous("20/min"), Throttle.authenticated("100/min")))   // the default
 *         .post("/api/login/", Login.class, Token.class, login,
 *               e -> e.throttle(Throttle.of(5, Duration.ofMinutes(1)).ban()));   // replaces it here
 * }</pre>
 * Any lambda is a throttle too; it is given the caller's key.
 */
@FunctionalInterface
public interface Throttle {

    /** Counts one request against {@code key} and says whether it may proceed. */
    Decision acquire(String key);

    /**
     * The decision for one request, or empty when this throttle does not apply to its caller (an anonymous-only
     * throttle and a signed-in caller). By default the request is counted under {@code callerKey}'s answer.
     */
    default Optional<Decision> acquire(Request request, Function<Request, String> callerKey) {
        return Optional.of(acquire(callerKey.apply(request)));
    }

    /**
     * This throttle counting in {@code store}, with {@code scope} naming its buckets unless it has a scope of its
     * own; called once per endpoint when the pipelines are composed. A lambda keeps its own counting.
     */
    default Throttle bind(ThrottleStore store, String scope) {
        return this;
    }

    /** {@code limit} requests per {@code duration} for every caller, each counted under their own key. */
    static RateThrottle of(long limit, Duration duration) {
        return RateThrottle.create(new Rate(limit, duration));
    }

    /** The same from DRF's rate string, {@code "100/min"} (see {@link Rate#parse}). */
    static RateThrottle of(String rate) {
        return RateThrottle.create(Rate.parse(rate));
    }

    /** DRF's {@code AnonRateThrottle}: anonymous callers only, by client IP, in the scope {@code anon}. */
    static RateThrottle anonymous(String rate) {
        return of(rate).callers(RateThrottle.Callers.ANONYMOUS).scope("anon");
    }

    /** Signed-in callers only, by user id, in the scope {@code user}; DRF's {@code UserRateThrottle} for them. */
    static RateThrottle authenticated(String rate) {
        return of(rate).callers(RateThrottle.Callers.AUTHENTICATED).scope("user");
    }

    /** Every throttle must let the request through; they are asked in order and the first refusal answers. */
    static Throttle all(Throttle... throttles) {
        return new AllThrottles(java.util.List.of(throttles));
    }

    /**
     * The outcome of one acquire: whether it passed, the limit, what remains in the window and the seconds
     * until the window (or the ban) ends.
     */
    record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {}
}
