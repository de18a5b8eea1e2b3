package dev.portico.auth.jwt;

/**
 * Why a token was refused, for a debug log line: never sent to the client (who learns only that the token is not
 * valid) and never holding the token. Cheap to throw: no stack trace.
 */
final class TokenRejected extends Exception {
    TokenRejected(String reason) {
        super(reason, null, false, false);
    }
}
