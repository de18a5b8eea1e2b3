package dev.portico.pipeline;

import dev.portico.auth.Permission;
import dev.portico.error.PermissionDenied;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import java.util.List;

/**
 * Every permission must allow the request. A refusal is Portico's rule: 401 when the caller is anonymous and
 * the endpoint has authenticators (the authentication stage around this one adds the challenge of its first
 * authenticator that has one), 403 for a known caller, and 403 when the endpoint has no authenticators, since
 * no credentials could help.
 */
final class PermissionStage implements Middleware {
    private final Permission[] permissions;
    private final boolean anyAuthenticator;

    PermissionStage(List<Permission> permissions, boolean anyAuthenticator) {
        this.permissions = permissions.toArray(Permission[]::new);
        this.anyAuthenticator = anyAuthenticator;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            for (Permission permission : permissions) {
                if (!permission.allows(request)) {
                    throw anyAuthenticator ? Permission.refusal(request) : new PermissionDenied();
                }
            }
            return next.handle(request);
        };
    }
}
