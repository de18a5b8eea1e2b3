package dev.portico.auth.jwt;

/**
 * Why a token was refused, for a debug log line: never sent to the client (who learns only that the token is not
 * valid) and never holding the token. Cheap to throw: no stack trace.
 */
final class TokenRejected extends Exception {
    private final boolean forged;

    TokenRejected(String reason) {
        this(reason, false);
    }

    private TokenRejected(String reason, boolean forged) {
        super(reason, null, false, false);
        this.forged = forged;
    }

    /** A token this server never signed (malformed, another algorithm, a bad signature): a guess, counted as one. */
    static TokenRejected forged(String reason) {
        return new TokenRejected(reason, true);
    }

    /**
     * Whether the token was never signed here; one that was (expired, of another type, audience or issuer) is the
     * normal end of a real token and is not counted as a failed authentication.
     */
    boolean forged() {
        return forged;
    }
}
