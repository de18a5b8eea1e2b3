package dev.portico.pipeline;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Refusal;
import dev.portico.error.ApiException;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.List;
import java.util.Optional;

/**
 * Tries the authenticators in order; the first that recognises the request's credentials sets the caller.
 * Every 401 that leaves this stage is finished by the endpoint's {@link Refusal}, made once here: bad credentials
 * ({@link dev.portico.error.AuthenticationFailed} from an authenticator), an anonymous caller refused by an object
 * permission or by the endpoint's own code, get the challenge, or become a 403 where no authenticator has one. It
 * also runs, with no authenticator, around an endpoint's own middlewares, so that they never see an unfinished 401.
 */
final class AuthenticationStage implements Middleware {
    private final Authenticator[] authenticators;
    private final Refusal refusal;

    AuthenticationStage(List<Authenticator> authenticators, Refusal refusal) {
        this.authenticators = authenticators.toArray(Authenticator[]::new);
        this.refusal = refusal;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            try {
                authenticate(request);
                return next.handle(request);
            } catch (ApiException e) {
                throw refusal.complete(e);
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
}
