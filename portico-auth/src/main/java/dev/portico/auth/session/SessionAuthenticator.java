package dev.portico.auth.session;

import dev.portico.auth.Authenticator;
import dev.portico.auth.SecurityScheme;
import dev.portico.auth.accounts.Caller;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates the {@code sessionid} cookie, as DRF's {@code SessionAuthentication}: no cookie, or one that names
 * no live session (unknown, expired, an inactive user, an epoch raised since login), is simply anonymous, as
 * Django treats an invalid session, and the response clears that cookie. A request it authenticates with an unsafe
 * method must then pass the CSRF check, or is refused with 403 {@code csrf_failed}; requests authenticated otherwise
 * (a token, a key) never need a CSRF token. It has no {@code WWW-Authenticate} challenge of its own; when no
 * authenticator of an endpoint has one, an anonymous refusal there is a 403, as DRF answers
 * ({@link dev.portico.auth.Refusal}). OpenAPI scheme: {@code sessionAuth}, an {@code apiKey} in cookie
 * {@code sessionid}, whose description names the CSRF header.
 */
public final class SessionAuthenticator implements Authenticator {
    private final Sessions sessions;

    SessionAuthenticator(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Principal> authenticate(Request request) {
        Optional<Principal> caller = sessions.authenticate(request).map(c -> c);
        if (caller.isPresent()) {
            sessions.csrf().check(request);
        }
        return caller;
    }

    /** {@code sessionAuth}: the session cookie. */
    @Override
    public Optional<SecurityScheme> scheme() {
        return Optional.of(SecurityScheme.apiKeyCookie("sessionAuth", sessions.cookieName())
                .description("The session cookie of a login. Unsafe methods (POST, PUT, PATCH, DELETE) also need the"
                        + " X-CSRFToken header, from GET /auth/csrf/ (at the account endpoints' default"
                        + " prefix) or the csrftoken cookie."));
    }

    /** The CSRF token of an HTML form, which the endpoint's own input leaves out. */
    @Override
    public Set<String> formFields() {
        return Set.of(Csrf.FIELD);
    }

    /** {@code X-CSRFToken}: a session caller's unsafe request is refused without it (or the form's field). */
    @Override
    public Map<String, String> unsafeMethodHeaders() {
        return Map.of(
                Csrf.HEADER,
                "The CSRF token (the csrftoken cookie, or GET /auth/csrf/ at the account "
                        + "endpoints' default prefix): required with the session cookie, as Django's CSRF check; other "
                        + "credentials do without it.");
    }

    @Override
    public Class<? extends Principal> principalType() {
        return Caller.class;
    }
}
