package dev.portico.pipeline;

import dev.portico.auth.Permission;
import dev.portico.error.ApiException;
import dev.portico.error.NotAuthenticated;
import dev.portico.error.PermissionDenied;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import java.util.List;
import java.util.Optional;

/**
 * Every permission must allow the request. A refusal is DRF's: 401 with {@code WWW-Authenticate} when the
 * caller is anonymous and the first authenticator has a challenge, 403 otherwise.
 */
final class PermissionStage implements Middleware {
    private final Permission[] permissions;
    private final boolean anyAuthenticator;
    private final Optional<String> challenge;

    PermissionStage(List<Permission> permissions, boolean anyAuthenticator, Optional<String> challenge) {
        this.permissions = permissions.toArray(Permission[]::new);
        this.anyAuthenticator = anyAuthenticator;
        this.challenge = challenge;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            for (Permission permission : permissions) {
                if (!permission.allows(request)) {
                    throw refusal(request.principal().isPresent());
                }
            }
            return next.handle(request);
        };
    }

    private ApiException refusal(boolean authenticated) {
        if (authenticated || !anyAuthenticator) {
            return new PermissionDenied();
        }
        if (challenge.isPresent()) {
            return new NotAuthenticated().withHeader("WWW-Authenticate", challenge.get());
        }
        // DRF: without a challenge to send, a 401 would be improper, so the same sentence goes out as 403.
        return new ApiException(403, "not_authenticated", new NotAuthenticated().detail());
    }
}
