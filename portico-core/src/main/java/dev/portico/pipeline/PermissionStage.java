package dev.portico.pipeline;

import dev.portico.auth.Permission;
import dev.portico.auth.Refusal;
import dev.portico.http.Handler;
import dev.portico.http.Middleware;
import java.util.List;

/**
 * Every permission must allow the request. A refusal is the endpoint's {@link Refusal}, chosen when the pipeline
 * is composed: 401 with the challenge for an anonymous caller where one can authenticate, 403 otherwise.
 */
final class PermissionStage implements Middleware {
    private final Permission[] permissions;
    private final Refusal refusal;

    PermissionStage(List<Permission> permissions, Refusal refusal) {
        this.permissions = permissions.toArray(Permission[]::new);
        this.refusal = refusal;
    }

    @Override
    public Handler wrap(Handler next) {
        return request -> {
            for (Permission permission : permissions) {
                if (!permission.allows(request)) {
                    throw refusal.refuse(request);
                }
            }
            return next.handle(request);
        };
    }
}
