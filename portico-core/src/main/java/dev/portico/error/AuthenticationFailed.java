package dev.portico.error;

/** 401: credentials came but are wrong, expired or revoked. */
public class AuthenticationFailed extends ApiException {

    /** With the standard sentence: {@code Incorrect authentication credentials.}. */
    public AuthenticationFailed() {
        super(401, "authentication_failed", "Incorrect authentication credentials.");
    }

    /** With a sentence of your own. */
    public AuthenticationFailed(String detail) {
        super(401, "authentication_failed", detail);
    }

    /** With a code and sentence of your own, such as simplejwt's {@code token_not_valid}. */
    public AuthenticationFailed(String code, String detail) {
        super(401, code, detail);
    }
}
