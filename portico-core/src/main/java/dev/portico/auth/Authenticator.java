package dev.portico.auth;

import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.Optional;

/**
 * Answers one question: who sent this request? Authenticators are tried in the configured order (globally,
 * or per endpoint), as DRF's {@code DEFAULT_AUTHENTICATION_CLASSES}; the first that recognises the
 * credentials wins.
 *
 * <p>Return empty when the request carries no credentials of your kind, so the next authenticator gets a
 * turn; throw {@link dev.portico.error.AuthenticationFailed} when it carries yours and they are wrong (401 at
 * once, with the endpoint's challenge, or 403 where it has none: {@link Refusal}).
 */
@FunctionalInterface
public interface Authenticator {

    /** The caller, or empty when this request carries no credentials of this kind. */
    Optional<Principal> authenticate(Request request);

    /**
     * The {@code WWW-Authenticate} challenge of this scheme, such as {@code Bearer realm="api"}; empty when the
     * scheme has none (a session cookie). Every 401 of an endpoint carries the challenge of its first
     * authenticator that has one, whatever their order; when none has one, its refusals are 403 ({@link Refusal}).
     */
    default Optional<String> challenge() {
        return Optional.empty();
    }

    /** How the credentials travel, for the OpenAPI document; empty leaves this authenticator undocumented. */
    default Optional<SecurityScheme> scheme() {
        return Optional.empty();
    }

    /**
     * The type of every principal this authenticator returns. A controller parameter of a {@link Principal}
     * subtype that this type can never be fails the build, naming both; {@code Principal} (the default) says
     * nothing, and a mismatch is then found on the request (a logged 500).
     */
    default Class<? extends Principal> principalType() {
        return Principal.class;
    }

    /**
     * The form fields this authenticator reads from a urlencoded or multipart body (seed 002's
     * {@code authorisation}): the endpoint's input leaves them out, so a form may carry them beside the endpoint's
     * own fields, and the endpoint never sees the credential.
     */
    default java.util.Set<String> formFields() {
        return java.util.Set.of();
    }

    /**
     * Whether one of {@link #formFields()} alone identifies the caller (seed 002's {@code authorisation}; a session's
     * {@code csrf_token} does not). OpenAPI has no security location for a body field, so an operation with a form
     * body and such an authenticator also lists the empty requirement {@code {}}: a call whose only credential is in
     * the form satisfies none of its schemes, and validators (Prism) would refuse it otherwise.
     */
    default boolean formFieldIdentifies() {
        return false;
    }

    /**
     * The headers a caller recognised by this authenticator must add to an unsafe request (POST, PUT, PATCH,
     * DELETE), by name, with what each carries: a session's {@code X-CSRFToken}. The document lists each as an
     * optional header parameter of the unsafe operations that accept this authenticator (optional, since their other
     * schemes do without it), as it lists {@code If-Match}.
     */
    default java.util.Map<String, String> unsafeMethodHeaders() {
        return java.util.Map.of();
    }
}
