package dev.portico.metrics;

import dev.portico.endpoint.Endpoint;
import dev.portico.pipeline.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@code http.server.requests} timers of one endpoint (or of the requests that matched none), one per status
 * class. Tags are fixed when the endpoint is composed: {@code method}, {@code route} (the template, never the raw
 * path, so the series are bounded by the routes) and {@code status} ({@code 2xx}, ...). A status class's timer is
 * registered on its first request and kept in a slot, so later requests do no lookup and allocate nothing; classes
 * never seen make no empty series.
 */
final class EndpointTimers implements RequestObserver.Recorder {
    static final String NAME = "http.server.requests";
    private static final String[] CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final String method;
    private final String route;
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(CLASSES.length);

    EndpointTimers(MeterRegistry registry, String method, String route) {
        this.registry = registry;
        this.method = method;
        this.route = route;
    }

    static EndpointTimers of(MeterRegistry registry, Endpoint endpoint) {
        return new EndpointTimers(
                registry, endpoint.method().name(), endpoint.path().template());
    }

    @Override
    public void record(int status, long nanos) {
        int slot = status >= 100 && status < 600 ? status / 100 : 0;
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = Timer.builder(NAME)
                    .description("HTTP requests answered, by endpoint and status class")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", CLASSES[slot])
                    .register(registry); // the registry returns the one timer of these tags, so a race is harmless
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
