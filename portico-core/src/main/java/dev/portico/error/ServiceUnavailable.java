package dev.portico.error;

/** 503: a dependency is down or the server is shutting down. */
public class ServiceUnavailable extends ApiException {

    /** With the standard sentence: {@code Service temporarily unavailable, try again later.}. */
    public ServiceUnavailable() {
        super(503, "service_unavailable", "Service temporarily unavailable, try again later.");
    }

    /** With a sentence of your own. */
    public ServiceUnavailable(String detail) {
        super(503, "service_unavailable", detail);
    }
}
