package dev.portico.http;

import java.util.Set;

/**
 * The authenticated caller of a request: a user, or a key acting for one.
 *
 * <p>Throttling and caching key on {@link #id()}; permissions read {@link #scopes()}, {@link #roles()} and
 * {@link #admin()}. Every member but {@code id()} has a default, so a simple principal is one method; an
 * authentication module's own type (a {@code User} record) implements this interface, and a controller may
 * take it as a parameter ({@code Post create(PostInput body, User caller)}).
 */
public interface Principal {

    /** A stable identifier, unique among principals (the user's id for users and their keys). */
    String id();

    /** A name for logs and messages. */
    default String name() {
        return id();
    }

    /** The permission scopes this caller holds; {@link Permission#hasScope} reads them. */
    default Set<String> scopes() {
        return Set.of();
    }

    /**
     * Whether this caller holds {@code scope}, as {@link Permission#hasScope} asks: by default, whether
     * {@link #scopes()} holds it; a principal with a wildcard (a superuser) may answer more.
     */
    default boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    /** The roles (groups) this caller belongs to; {@link Permission#hasRole} reads them. Empty by default. */
    default Set<String> roles() {
        return Set.of();
    }

    /** Whether this caller administers the application: DRF's {@code is_staff}, read by {@link Permission#isAdmin}. */
    default boolean admin() {
        return false;
    }

    /** A principal with just an id and scopes, for tests and simple authenticators. */
    static Principal of(String id, Set<String> scopes) {
        record Simple(String id, Set<String> scopes) implements Principal {}
        return new Simple(id, Set.copyOf(scopes));
    }
}
