package dev.portico.error;

/** 429: the caller is over a rate limit; {@code Retry-After} tells when to try again. */
public class Throttled extends ApiException {

    /** For a caller who may retry after {@code waitSeconds}. */
    public Throttled(long waitSeconds) {
        super(
                429,
                "throttled",
                "Request was throttled. Expected available in " + waitSeconds + " second"
                        + (waitSeconds == 1 ? "" : "s") + ".");
        withHeader("Retry-After", Long.toString(waitSeconds));
    }
}
