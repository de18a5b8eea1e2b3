package dev.portico.endpoint;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.throttle.Throttle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The policies of one endpoint. An empty value means "use the application's default", as DRF's per-view
 * {@code authentication_classes}, {@code permission_classes} and {@code throttle_classes} replace the
 * global settings when set.
 *
 * @param authenticators tried in order; replaces the default list when present
 * @param permissions all must allow; replaces the default list when present
 * @param throttle replaces the default throttle when present
 * @param cacheFor how long GET responses are cached; empty means not cached
 * @param cacheTag what the cached responses are filed under; empty means the path template
 * @param invalidates the tags whose cached responses this endpoint drops each time it runs (a write's)
 * @param objectAccess whether this caller may act on the object the path names, checked without acting on it (DRF's
 *                     {@code get_object()} for OPTIONS and the browsable API's forms); a resource's item writes load
 *                     the row and run its object permission; empty when the endpoint names no object
 */
public record Policies(
        Optional<List<Authenticator>> authenticators,
        Optional<List<Permission>> permissions,
        Optional<Throttle> throttle,
        Optional<Duration> cacheFor,
        Optional<String> cacheTag,
        List<String> invalidates,
        Optional<Permission> objectAccess) {

    /** Copies the tag list. */
    public Policies {
        invalidates = List.copyOf(invalidates);
    }

    /** Every policy from the application's defaults, no caching. */
    public static Policies defaults() {
        return new Policies(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }
}
