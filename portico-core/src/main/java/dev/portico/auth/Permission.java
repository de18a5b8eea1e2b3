package dev.portico.auth;

import dev.portico.http.Request;

/**
 * Answers one question: may this caller do this? Checked after authentication, before throttling. A denial
 * is 401 when nobody is authenticated and the first authenticator has a challenge, 403 otherwise.
 *
 * <p>Permissions compose: {@code Permission.authenticated().and(hasScope("posts:write").or(isStaff))}.
 */
@FunctionalInterface
public interface Permission {

    /** Whether the request may proceed; {@link Request#endpoint()} and {@link Request#principal()} are set. */
    boolean allows(Request request);

    /** Everyone, authenticated or not: DRF's {@code AllowAny}, the default. */
    static Permission allowAny() {
        return request -> true;
    }

    /** Only authenticated callers: DRF's {@code IsAuthenticated}. */
    static Permission authenticated() {
        return request -> request.principal().isPresent();
    }

    /** Authenticated callers for writes, everyone for GET, HEAD and OPTIONS: DRF's {@code IsAuthenticatedOrReadOnly}. */
    static Permission authenticatedOrReadOnly() {
        return request -> !request.method().hasBody() && request.method() != dev.portico.http.HttpMethod.DELETE
                || request.principal().isPresent();
    }

    /** Callers holding {@code scope}. */
    static Permission hasScope(String scope) {
        return request -> request.principal().map(p -> p.scopes().contains(scope)).orElse(false);
    }

    /** Both this and {@code other}. */
    default Permission and(Permission other) {
        return request -> allows(request) && other.allows(request);
    }

    /** This or {@code other}. */
    default Permission or(Permission other) {
        return request -> allows(request) || other.allows(request);
    }

    /** The opposite of this. */
    default Permission not() {
        return request -> !allows(request);
    }
}
