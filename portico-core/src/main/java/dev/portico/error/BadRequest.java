package dev.portico.error;

/** 400: the request is wrong in a way that is not about one field. */
public class BadRequest extends ApiException {

    /** With the standard sentence: {@code Bad request.}. */
    public BadRequest() {
        super(400, "bad_request", "Bad request.");
    }

    /** With a sentence of your own. */
    public BadRequest(String detail) {
        super(400, "bad_request", detail);
    }
}
