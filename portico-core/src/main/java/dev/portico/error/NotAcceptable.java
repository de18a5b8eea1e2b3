package dev.portico.error;

/** 406: the Accept header rules out every media type the endpoint produces. */
public class NotAcceptable extends ApiException {

    /** With the standard sentence: {@code Could not satisfy the request Accept header.}. */
    public NotAcceptable() {
        super(406, "not_acceptable", "Could not satisfy the request Accept header.");
    }

    /** With a sentence of your own. */
    public NotAcceptable(String detail) {
        super(406, "not_acceptable", detail);
    }
}
