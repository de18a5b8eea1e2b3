package dev.portico.auth;

import java.util.Set;

/**
 * The authenticated caller of a request: a user, or a key acting for one.
 *
 * <p>Throttling and caching key on {@link #id()}; permissions read {@link #scopes()}.
 */
public interface Principal {

    /** A stable identifier, unique among principals (the user's id for users and their keys). */
    String id();

    /** A name for logs and messages. */
    default String name() {
        return id();
    }

    /** The permission scopes this caller holds. */
    default Set<String> scopes() {
        return Set.of();
    }

    /** A principal with just an id and scopes, for tests and simple authenticators. */
    static Principal of(String id, Set<String> scopes) {
        record Simple(String id, Set<String> scopes) implements Principal {
        }
        return new Simple(id, Set.copyOf(scopes));
    }
}
