package dev.portico.metrics;

import dev.portico.endpoint.Endpoint;
import dev.portico.pipeline.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Core's {@link RequestObserver} on Micrometer: each endpoint's timers are made when the application is composed;
 * requests that reached no endpoint (404, 405, redirects) share the route {@code unmatched} and method {@code *}, so a
 * scan of random paths cannot grow the series. A load balancer's polls of {@code /health} and {@code /ready} have
 * routes of their own (method {@code GET}), so they neither swell {@code unmatched} nor hide an outage in it.
 */
final class MicrometerObserver implements RequestObserver {
    static final String UNMATCHED = "unmatched";
    private final MeterRegistry registry;
    private final EndpointTimers unmatched;

    MicrometerObserver(MeterRegistry registry) {
        this.registry = registry;
        this.unmatched = new EndpointTimers(registry, "*", UNMATCHED);
    }

    @Override
    public Recorder endpoint(Endpoint endpoint) {
        return EndpointTimers.of(registry, endpoint);
    }

    @Override
    public Recorder probe(String path) {
        return new EndpointTimers(registry, "GET", path);
    }

    @Override
    public Recorder unmatched() {
        return unmatched;
    }
}
