package dev.portico.error;

/** 404: the resource does not exist, or the caller may not know it does. */
public class NotFound extends ApiException {

    /** With the standard sentence: {@code Not found.}. */
    public NotFound() {
        super(404, "not_found", "Not found.");
    }

    /** With a sentence of your own. */
    public NotFound(String detail) {
        super(404, "not_found", detail);
    }
}
