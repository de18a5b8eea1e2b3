package dev.portico.throttle;

import dev.portico.http.Request;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link Rate} per caller, counted in a {@link ThrottleStore}: immutable, each option returns a new throttle.
 * Made with {@link Throttle#of}, {@link Throttle#anonymous} or {@link Throttle#authenticated}, and bound to the
 * application's store when the pipelines are composed.
 *
 * <p>Its buckets are named {@code scope:key}. Without {@link #scope}, the application's default throttle counts in
 * the scope {@code default}, shared by every endpoint it covers, and an endpoint's own throttle counts in a scope named
 * after the endpoint ({@code GET /api/posts/}), so it never shares a count with another endpoint.
 */
public final class RateThrottle implements Throttle {

    /** Which callers a throttle counts. */
    public enum Callers {
        /** Everyone, by user id when signed in, else by client IP. */
        ANY,
        /** Anonymous callers only; signed-in callers pass uncounted. */
        ANONYMOUS,
        /** Signed-in callers only; anonymous callers pass uncounted. */
        AUTHENTICATED
    }

    private final Rate rate;
    private final boolean ban;
    private final Callers callers;
    private final Optional<String> scope;
    private final Optional<Function<Request, Optional<String>>> key;
    private final ThrottleStore store;
    private final ThrottleStore.Counter counter;

    private RateThrottle(
            Rate rate,
            boolean ban,
            Callers callers,
            Optional<String> scope,
            Optional<Function<Request, Optional<String>>> key,
            ThrottleStore store,
            String boundScope) {
        this.rate = rate;
        this.ban = ban;
        this.callers = callers;
        this.scope = scope;
        this.key = key;
        this.store = store;
        this.counter = boundScope == null ? null : store.counter(boundScope, rate, ban); // once, at bind time
    }

    static RateThrottle create(Rate rate) {
        return new RateThrottle(rate, false, Callers.ANY, Optional.empty(), Optional.empty(), null, null);
    }

    /**
     * The seed's ban: a caller who goes over the limit is refused for the rate's whole duration from then, instead of
     * until the window ends.
     */
    public RateThrottle ban() {
        return new RateThrottle(rate, true, callers, scope, key, store, null);
    }

    /** The callers counted; the others pass this throttle uncounted. */
    public RateThrottle callers(Callers callers) {
        return new RateThrottle(rate, ban, Objects.requireNonNull(callers), scope, key, store, null);
    }

    /**
     * The name of this throttle's buckets: endpoints whose throttles share a scope share one count per caller (DRF's
     * {@code ScopedRateThrottle}).
     */
    public RateThrottle scope(String scope) {
        if (scope.isBlank() || scope.indexOf(':') >= 0) {
            throw new IllegalArgumentException(
                    "a throttle scope is a non-blank name without ':' (was '" + scope + "')");
        }
        return new RateThrottle(rate, ban, callers, Optional.of(scope), key, store, null);
    }

    /**
     * Counts under {@code key}'s answer instead of the caller's key, such as {@code r -> r.header("X-Tenant")}; a
     * request for which it answers empty is not counted.
     */
    public RateThrottle key(Function<Request, Optional<String>> key) {
        return new RateThrottle(rate, ban, callers, scope, Optional.of(key), store, null);
    }

    /**
     * Counts every caller by client address ({@code ip:<address>}), signed in or not: for the login, token,
     * registration and password endpoints, where a token riding along must not move a guesser into that user's
     * generous bucket.
     */
    public RateThrottle byAddress() {
        return new RateThrottle(
                rate, ban, Callers.ANY, scope, Optional.of(r -> Optional.of("ip:" + r.clientAddress())), store, null);
    }

    /** The rate. */
    public Rate rate() {
        return rate;
    }

    /** Whether a caller over the limit is banned for the whole duration. */
    public boolean banning() {
        return ban;
    }

    /** The scope given with {@link #scope}, if any. */
    public Optional<String> scope() {
        return scope;
    }

    @Override
    public RateThrottle bind(ThrottleStore store, String defaultScope) {
        return new RateThrottle(
                rate, ban, callers, scope, key, Objects.requireNonNull(store), scope.orElse(defaultScope));
    }

    @Override
    public Optional<Decision> acquire(Request request, Function<Request, String> callerKey) {
        boolean signedIn = request.principal().isPresent();
        if (callers == Callers.ANONYMOUS && signedIn || callers == Callers.AUTHENTICATED && !signedIn) {
            return Optional.empty();
        }
        if (key.isEmpty()) {
            return Optional.of(acquire(callerKey.apply(request)));
        }
        Optional<String> counted = key.get().apply(request);
        return counted.isPresent() ? Optional.of(acquire(counted.get())) : Optional.empty();
    }

    @Override
    public Decision acquire(String key) {
        if (counter == null) {
            throw new IllegalStateException("throttle " + rate + " is not bound to a store: give it to Portico.Builder "
                    + "or an endpoint, or call bind(ThrottleStore.memory(10_000), \"scope\") first");
        }
        return counter.hit(key);
    }

    @Override
    public String toString() {
        return "Throttle " + rate + (ban ? " with ban" : "") + " for "
                + callers.name().toLowerCase(java.util.Locale.ROOT)
                + scope.map(s -> " in " + s).orElse("");
    }
}
