package dev.portico.pipeline;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Principal;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import java.util.List;
import java.util.Optional;

/** Tries the authenticators in order; the first that recognises the request's credentials sets the caller. */
final class AuthenticationStage implements Middleware {
    private final Authenticator[] authenticators;

    AuthenticationStage(List<Authenticator> authenticators) {
        this.authenticators = authenticators.toArray(Authenticator[]::new);
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            for (Authenticator authenticator : authenticators) {
                Optional<Principal> principal = authenticator.authenticate(request);
                if (principal.isPresent()) {
                    request.principal(principal.get());
                    break;
                }
            }
            return next.handle(request);
        };
    }
}
