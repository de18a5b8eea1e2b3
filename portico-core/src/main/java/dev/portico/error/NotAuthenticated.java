package dev.portico.error;

/** 401: no credentials came with a request that needs them. */
public class NotAuthenticated extends ApiException {

    /** With the standard sentence: {@code Authentication credentials were not provided.}. */
    public NotAuthenticated() {
        super(401, "not_authenticated", "Authentication credentials were not provided.");
    }

    /** With a sentence of your own. */
    public NotAuthenticated(String detail) {
        super(401, "not_authenticated", detail);
    }
}
