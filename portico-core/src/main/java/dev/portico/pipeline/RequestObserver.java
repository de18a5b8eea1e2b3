package dev.portico.pipeline;

import dev.portico.endpoint.Endpoint;

/**
 * Sees every request's outcome, for metrics: the hook {@code portico-metrics} implements, so core needs no
 * metrics library. The application asks once per endpoint, at startup, for that endpoint's {@link Recorder}, so a
 * recorder can hold its meters already resolved (by route template, never the raw path) and a request costs one
 * call with no lookup.
 * <pre>{@code
 * Portico.builder().observer(new RequestObserver() {
 *     public Recorder endpoint(Endpoint e) { return (status, nanos) -> counts.get(e).increment(); }
 *     public Recorder unmatched() { return Recorder.NONE; }
 * })
 * }</pre>
 */
public interface RequestObserver {
    /** Observes nothing: the default. */
    RequestObserver NONE = new RequestObserver() {
        @Override
        public Recorder endpoint(Endpoint endpoint) {
            return Recorder.NONE;
        }

        @Override
        public Recorder unmatched() {
            return Recorder.NONE;
        }
    };

    /** Called once per served endpoint while the application is composed; the recorder of its requests. */
    Recorder endpoint(Endpoint endpoint);

    /**
     * The recorder of requests that reached no endpoint: 404, 405, 308 to the other trailing-slash form, OPTIONS
     * answered by the method stage, and unknown methods.
     */
    Recorder unmatched();

    /**
     * The recorder of a probe {@code path} answered before routing, {@code /health} or {@code /ready}: called once per
     * path at startup, so a load balancer's polls are told apart from the requests that found no endpoint. By
     * default they are counted with those, as {@link #unmatched()}.
     */
    default Recorder probe(String path) {
        return unmatched();
    }

    /** Records one finished request; called on the request's thread after the response is complete. */
    @FunctionalInterface
    interface Recorder {
        /** Records nothing. */
        Recorder NONE = (status, nanos) -> {};

        /** One request answered with {@code status} after {@code nanos} nanoseconds; must not throw. */
        void record(int status, long nanos);
    }
}
