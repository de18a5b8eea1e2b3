package dev.portico.auth.accounts;

import java.util.Set;

/**
 * A role: a name and the permission scopes it carries ({@code posts:write}). A user has a default role and may
 * hold more; an API key made for a role acts as that role only, as seed 002's keys do.
 *
 * @param name the role's unique name
 * @param scopes the scopes its holders get
 */
public record Role(String name, Set<String> scopes) {

    /** Copies the scopes. */
    public Role {
        scopes = Set.copyOf(scopes);
    }
}
