package dev.portico.pipeline;

import dev.portico.error.Throttled;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.throttle.Throttle;
import java.util.function.Function;

/**
 * Counts the request against the caller's key and refuses it with 429 and {@code Retry-After} when over the
 * rate; every answer from here in (the endpoint's and the later stages' errors) carries the {@code RateLimit-*}
 * headers. A caller no throttle applies to (an anonymous-only throttle, a signed-in caller) passes without them.
 */
final class ThrottleStage implements Middleware {
    private final Throttle throttle;
    private final Function<Request, String> key;

    ThrottleStage(Throttle throttle, Function<Request, String> key) {
        this.throttle = throttle;
        this.key = key;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            java.util.Optional<Throttle.Decision> counted = throttle.acquire(request, key);
            if (counted.isEmpty()) {
                return next.handle(request); // no throttle applies to this caller
            }
            Throttle.Decision decision = counted.get();
            if (!decision.allowed()) {
                Throttled refused = new Throttled(Math.max(1, decision.resetSeconds()));
                headers(decision, refused::withHeader);
                throw refused;
            }
            Response response;
            try {
                response = next.handle(request);
            } catch (dev.portico.error.ApiException e) {
                headers(decision, e::withHeader); // a 400 or 404 after the count carries it too
                throw e;
            }
            headers(decision, response::setHeader);
            return response;
        };
    }

    private void headers(Throttle.Decision d, java.util.function.BiConsumer<String, String> set) {
        set.accept("RateLimit-Limit", limit(d.limit()));
        set.accept("RateLimit-Remaining", Long.toString(Math.max(0, d.remaining())));
        set.accept("RateLimit-Reset", Long.toString(Math.max(0, d.resetSeconds())));
    }

    /** The limit's text, kept from the last request: one throttle's limit rarely changes (Throttle.all's can). */
    private String limit(long limit) {
        LimitText last = lastLimit;
        if (last == null || last.limit != limit) {
            last = new LimitText(limit, Long.toString(limit));
            lastLimit = last; // a racy cache of an immutable pair: at worst recomputed
        }
        return last.text;
    }

    private record LimitText(long limit, String text) {}

    private volatile LimitText lastLimit;
}
