package dev.portico.error;

/** 405: the path exists but not for this method; carries the {@code Allow} header the client needs. */
public class MethodNotAllowed extends ApiException {

    /** For {@code method} on a path that allows {@code allow} (a comma-separated list). */
    public MethodNotAllowed(String method, String allow) {
        super(405, "method_not_allowed", "Method \"" + method + "\" not allowed.");
        withHeader("Allow", allow);
    }
}
