package dev.portico.auth;

import dev.portico.error.ApiException;
import dev.portico.error.NotAuthenticated;
import dev.portico.error.PermissionDenied;
import dev.portico.http.Request;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Portico's one rule for refusing a request, 401 or 403, as DRF's {@code permission_denied} and
 * {@code handle_exception} decide it. Every refusal goes through here: the permit stage, an object permission, a
 * required caller parameter, bad credentials, and a {@code 401} an endpoint throws itself.
 *
 * <ul>
 *   <li>A known caller refused: 403 {@code permission_denied}.</li>
 *   <li>An anonymous caller refused where no authenticator runs: 403 {@code permission_denied}, since no
 *       credentials could help (DRF: no {@code request.authenticators}).</li>
 *   <li>An anonymous caller refused, or bad credentials: 401 with the {@code WWW-Authenticate} challenge of the
 *       first authenticator that has one, whatever their order (where DRF asks only the first). When none has one
 *       (a session alone), 403 with the 401's code and sentence, as DRF coerces it: RFC 9110 forbids a 401 without a
 *       challenge, and a made-up scheme helps no client.</li>
 * </ul>
 *
 * <p>One instance per endpoint, made once when its pipeline is composed, holds the challenge, so no request looks
 * for it. Code that does not know the endpoint's authenticators (a handler, {@link ObjectPermission#check}) throws
 * {@link #of(Request)}; the endpoint's pipeline finishes that answer with {@link #complete(ApiException)}.
 *
 * <pre>{@code
 * Refusal refusal = Refusal.of(List.of(session, bearer)); // challenge: Bearer realm="api"
 * throw refusal.refuse(request);                          // 401 + challenge when anonymous, else 403
 * }</pre>
 */
public final class Refusal {
    /** The header that names the challenge on a 401. */
    public static final String HEADER = "WWW-Authenticate";

    private static final Refusal NONE = new Refusal(false, null);

    private final boolean authenticates;
    private final String challenge; // null when no authenticator has one

    private Refusal(boolean authenticates, String challenge) {
        this.authenticates = authenticates;
        this.challenge = challenge;
    }

    /** The rule of an endpoint whose authenticators are {@code authenticators}, in their configured order. */
    public static Refusal of(List<? extends Authenticator> authenticators) {
        if (authenticators.isEmpty()) {
            return NONE;
        }
        for (Authenticator authenticator : authenticators) {
            Optional<String> challenge = authenticator.challenge();
            if (challenge.isPresent()) {
                return new Refusal(true, challenge.get());
            }
        }
        return new Refusal(true, null);
    }

    /** The rule where no authenticator runs: outside any endpoint, or on an endpoint without authenticators. */
    public static Refusal none() {
        return NONE;
    }

    /**
     * The refusal of {@code request} where the endpoint's authenticators are not at hand (a handler, an object
     * permission): 403 for a known caller, else a 401 {@code not_authenticated} that the endpoint's pipeline
     * {@linkplain #complete completes} with its challenge, or turns into a 403 where nothing can authenticate.
     */
    public static ApiException of(Request request) {
        return request.principal().isPresent() ? new PermissionDenied() : new AnonymousRefused();
    }

    /** The challenge of this endpoint's 401s: its first authenticator's that has one. */
    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** The finished refusal of {@code request} on this endpoint (see the class comment). */
    public ApiException refuse(Request request) {
        return complete(of(request));
    }

    /**
     * What {@code e} becomes on this endpoint. A 401 that names no challenge gets this endpoint's, or becomes a 403
     * when it has none: {@code permission_denied} for a refusal made by {@link #of(Request)} where nothing
     * authenticates, the 401's own code and sentence otherwise. Every other error, and a 401 that names its own
     * challenge (an authenticator that chose one), is returned as it is.
     */
    public ApiException complete(ApiException e) {
        if (e.status() != 401 || hasChallenge(e)) {
            return e;
        }
        if (challenge != null) {
            return e.withHeader(HEADER, challenge);
        }
        if (!authenticates && e instanceof AnonymousRefused) {
            return new PermissionDenied();
        }
        ApiException forbidden = new ApiException(403, e.code(), e.detail(), e.errors());
        e.headers().forEach(forbidden::withHeader);
        return forbidden;
    }

    /**
     * Whether a refusal here can be a 401: only where a challenge can name how to authenticate. The OpenAPI
     * document lists 401 where this is true.
     */
    public boolean mayAnswer401() {
        return challenge != null;
    }

    /**
     * Whether a refusal here can be a 403 when the endpoint has no permission to refuse a known caller: where
     * authenticators run without a challenge, bad credentials and an anonymous caller without one are a 403.
     * The OpenAPI document lists 403 where this is true or where permissions apply.
     */
    public boolean mayAnswer403WithoutPermissions() {
        return authenticates && challenge == null;
    }

    /** Whether {@code e} already names a challenge. */
    public static boolean hasChallenge(ApiException e) {
        for (Map.Entry<String, String> header : e.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(HEADER)) {
                return true;
            }
        }
        return false;
    }

    /** An anonymous caller refused by a permission: a 401 to be completed, told apart from one an endpoint throws. */
    private static final class AnonymousRefused extends NotAuthenticated {}
}
