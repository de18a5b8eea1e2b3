package dev.portico.auth.accounts;

import dev.portico.http.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of a request, as every authenticator of this module answers it: a user acting as
 * themselves, or through an API key, possibly as one of their roles. Endpoints may take it as a typed parameter.
 *
 * <p>Scopes follow seed 002: a key made for a role carries that role's scopes only; otherwise the caller has the
 * scopes of every role the user holds. A superuser acting as themselves holds every scope.
 *
 * @param user the account
 * @param role the role acted as, when a key was made for one
 * @param keyId the public id of the API key used, when one was
 * @param roleScopes the scopes granted by the role(s) in force
 */
public record Caller(User user, Optional<Role> role, Optional<String> keyId, Set<String> roleScopes)
        implements Principal {

    /** Copies the scopes. */
    public Caller {
        roleScopes = Set.copyOf(roleScopes);
    }

    /** The user's id, as text: what throttling, caching and owner checks key on. */
    @Override
    public String id() {
        return Long.toString(user.id());
    }

    /** The username. */
    @Override
    public String name() {
        return user.username();
    }

    /** The scopes in force for this call. */
    @Override
    public Set<String> scopes() {
        return roleScopes;
    }

    /** Whether this call holds {@code scope}: a superuser acting as themselves holds them all. */
    @Override
    public boolean hasScope(String scope) {
        return role.isEmpty() && user.superuser() || roleScopes.contains(scope);
    }

    /** The roles in force: the key's role alone, or every role the user holds. */
    @Override
    public Set<String> roles() {
        return role.map(r -> Set.of(r.name())).orElse(user.roles());
    }

    /**
     * Whether the caller may use admin endpoints: a staff user or a superuser (DRF's {@code IsAdminUser}) acting as
     * themselves. A key made for a role acts as that role only, so it is never admin.
     */
    @Override
    public boolean admin() {
        return role.isEmpty() && (user.staff() || user.superuser());
    }

    /** Whether the call came with an API key rather than the user's own credentials. */
    public boolean viaKey() {
        return keyId.isPresent();
    }
}
