package dev.portico.error;

/** 413: the body, a form or a multipart part is past a configured limit. */
public class PayloadTooLarge extends ApiException {

    /** With the standard sentence: {@code Request body is too large.}. */
    public PayloadTooLarge() {
        super(413, "payload_too_large", "Request body is too large.");
    }

    /** With a sentence of your own. */
    public PayloadTooLarge(String detail) {
        super(413, "payload_too_large", detail);
    }
}
