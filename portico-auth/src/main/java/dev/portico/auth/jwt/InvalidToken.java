package dev.portico.auth.jwt;

import dev.portico.error.AuthenticationFailed;

/**
 * 401 {@code token_not_valid}: simplejwt's answer to a token that is malformed, badly signed, expired, of the
 * wrong type, revoked, or whose user is gone, inactive or has ended their sessions since. One sentence for every
 * reason, so a client learns nothing about which check failed.
 */
public final class InvalidToken extends AuthenticationFailed {
    /** simplejwt's code. */
    public static final String CODE = "token_not_valid";
    /** What {@code JWTAuthentication} says of a bad bearer token. */
    public static final String NOT_VALID_FOR_ANY_TYPE = "Given token not valid for any token type";
    /** What the refresh and verify views say ({@code InvalidToken}'s default detail). */
    public static final String INVALID_OR_EXPIRED = "Token is invalid or expired";

    /**
     * What simplejwt's blacklist app says of a refresh token that was revoked (a logout, a reused token's family) or
     * spent by a rotation.
     */
    public static final String BLACKLISTED = "Token is blacklisted";

    private InvalidToken(String detail) {
        super(CODE, detail);
    }

    /** The authenticator's answer: the endpoint's pipeline adds its challenge. */
    static InvalidToken bearer() {
        return new InvalidToken(NOT_VALID_FOR_ANY_TYPE);
    }

    /** The token endpoints' answer, with {@code Bearer realm="api"} as simplejwt's views send. */
    static InvalidToken atEndpoint() {
        return atEndpoint(INVALID_OR_EXPIRED);
    }

    /** The token endpoints' answer to a refresh token revoked or spent: {@value #BLACKLISTED}. */
    static InvalidToken blacklisted() {
        return atEndpoint(BLACKLISTED);
    }

    private static InvalidToken atEndpoint(String detail) {
        InvalidToken e = new InvalidToken(detail);
        e.withHeader("WWW-Authenticate", JwtAuthenticator.CHALLENGE);
        return e;
    }
}
