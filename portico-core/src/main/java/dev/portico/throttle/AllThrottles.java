package dev.portico.throttle;

import dev.portico.http.Request;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Several throttles, all of which must pass, as DRF's list of {@code throttle_classes}. They are asked in order and the
 * first refusal answers, so a later throttle does not count a refused request; the headers of a passing request are
 * those of the throttle with the least remaining.
 */
final class AllThrottles implements Throttle {
    private final List<Throttle> throttles;

    AllThrottles(List<Throttle> throttles) {
        if (throttles.isEmpty()) {
            throw new IllegalArgumentException("Throttle.all needs at least one throttle");
        }
        this.throttles = List.copyOf(throttles);
    }

    @Override
    public Decision acquire(String key) {
        return first(t -> Optional.of(t.acquire(key))).orElseThrow();
    }

    @Override
    public Optional<Decision> acquire(Request request, Function<Request, String> callerKey) {
        return first(t -> t.acquire(request, callerKey));
    }

    private Optional<Decision> first(Function<Throttle, Optional<Decision>> ask) {
        Decision tightest = null;
        for (Throttle throttle : throttles) {
            Optional<Decision> decision = ask.apply(throttle);
            if (decision.isPresent() && !decision.get().allowed()) {
                return decision;
            }
            if (decision.isPresent() && (tightest == null || decision.get().remaining() < tightest.remaining())) {
                tightest = decision.get();
            }
        }
        return Optional.ofNullable(tightest);
    }

    @Override
    public Throttle bind(ThrottleStore store, String scope) {
        return new AllThrottles(
                throttles.stream().map(t -> t.bind(store, scope)).toList());
    }
}
