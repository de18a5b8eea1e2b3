package dev.portico.pipeline;

import dev.portico.auth.Authenticator;
import dev.portico.error.ApiException;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.List;
import java.util.Optional;

/**
 * Tries the authenticators in order; the first that recognises the request's credentials sets the caller.
 * Every 401 that leaves this stage carries the endpoint's {@code WWW-Authenticate} challenge, chosen once here:
 * bad credentials ({@link dev.portico.error.AuthenticationFailed} from an authenticator), an anonymous caller
 * refused by a permission or an object permission, or a required caller parameter left without one.
 */
final class AuthenticationStage implements Middleware {
    /** The challenge when no authenticator has one: RFC 9110 requires one on every 401, and clients skip unknown schemes. */
    static final String GENERIC_CHALLENGE = "Session realm=\"api\"";
    private static final String HEADER = "WWW-Authenticate";

    private final Authenticator[] authenticators;
    private final String challenge;

    AuthenticationStage(List<Authenticator> authenticators) {
        this.authenticators = authenticators.toArray(Authenticator[]::new);
        this.challenge = challenge(authenticators);
    }

    /** The challenge of the first authenticator that has one, whatever their order; else the generic one. */
    static String challenge(List<Authenticator> authenticators) {
        for (Authenticator authenticator : authenticators) {
            Optional<String> challenge = authenticator.challenge();
            if (challenge.isPresent()) {
                return challenge.get();
            }
        }
        return GENERIC_CHALLENGE;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            try {
                authenticate(request);
                return next.handle(request);
            } catch (ApiException e) {
                if (e.status() == 401 && !hasChallenge(e)) {
                    e.withHeader(HEADER, challenge);
                }
                throw e;
            }
        };
    }

    private void authenticate(Request request) {
        for (Authenticator authenticator : authenticators) {
            Optional<Principal> principal = authenticator.authenticate(request);
            if (principal.isPresent()) {
                Exchange.of(request).principal(principal.get());
                return;
            }
        }
    }

    /** Whether {@code e} already names its challenge (an authenticator that chose its own). */
    static boolean hasChallenge(ApiException e) {
        for (String name : e.headers().keySet()) {
            if (name.equalsIgnoreCase(HEADER)) {
                return true;
            }
        }
        return false;
    }
}
