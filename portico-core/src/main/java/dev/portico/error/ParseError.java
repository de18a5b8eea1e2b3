package dev.portico.error;

/** 400: the body could not be parsed in its declared media type. */
public class ParseError extends ApiException {

    /** With the standard sentence: {@code Malformed request.}. */
    public ParseError() {
        super(400, "parse_error", "Malformed request.");
    }

    /** With a sentence of your own. */
    public ParseError(String detail) {
        super(400, "parse_error", detail);
    }
}
