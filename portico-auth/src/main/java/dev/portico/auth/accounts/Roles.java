package dev.portico.auth.accounts;

import dev.portico.error.ValidationFailed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/** The roles table: define a role with its scopes, look one up. */
public final class Roles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_.:*/-]{1,100}");
    private final Jdbi jdbi;

    Roles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates the role, or replaces the scopes of an existing one; returns it. */
    public Role define(String name, Set<String> scopes) {
        if (!NAME.matcher(name).matches()) {
            throw ValidationFailed.of("name", "Enter a valid role name: letters, digits and _ . : - (at most 64).");
        }
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw ValidationFailed.of("scopes", "Enter valid scopes: no spaces, at most 100 characters each.");
            }
        }
        Role role = new Role(name, scopes);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("update auth_roles set scopes = :scopes where name = :name")
                    .bind("name", name)
                    .bind("scopes", Rows.scopes(role.scopes()))
                    .execute();
            if (updated == 0) {
                h.createUpdate("insert into auth_roles (name, scopes) values (:name, :scopes)")
                        .bind("name", name)
                        .bind("scopes", Rows.scopes(role.scopes()))
                        .execute();
            }
        });
        return role;
    }

    /** The role of that name. */
    public Optional<Role> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("select name, scopes from auth_roles where name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Role(rs.getString("name"), Rows.scopes(rs.getString("scopes"))))
                .findOne());
    }

    /** Every role, by name. */
    public List<Role> all() {
        return jdbi.withHandle(h -> h.createQuery("select name, scopes from auth_roles order by name")
                .map((rs, ctx) -> new Role(rs.getString("name"), Rows.scopes(rs.getString("scopes"))))
                .list());
    }
}
