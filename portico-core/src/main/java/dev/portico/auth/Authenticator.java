package dev.portico.auth;

import dev.portico.http.Request;
import java.util.Optional;

/**
 * Answers one question: who sent this request? Authenticators are tried in the configured order (globally,
 * or per endpoint), as DRF's {@code DEFAULT_AUTHENTICATION_CLASSES}; the first that recognises the
 * credentials wins.
 *
 * <p>Return empty when the request carries no credentials of your kind, so the next authenticator gets a
 * turn; throw {@link dev.portico.error.AuthenticationFailed} when it carries yours and they are wrong.
 */
@FunctionalInterface
public interface Authenticator {

    /** The caller, or empty when this request carries no credentials of this kind. */
    Optional<Principal> authenticate(Request request);

    /**
     * The {@code WWW-Authenticate} challenge sent with a 401 when this is the first configured authenticator,
     * such as {@code Bearer realm="api"}. Empty means the scheme has no challenge, and DRF's rule applies:
     * an unauthenticated caller who may not proceed gets 403 instead of 401.
     */
    default Optional<String> challenge() {
        return Optional.empty();
    }
}
