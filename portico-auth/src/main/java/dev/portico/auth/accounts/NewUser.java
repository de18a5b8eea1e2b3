package dev.portico.auth.accounts;

import java.util.Optional;

/**
 * What {@link Users#create} needs to make an account.
 *
 * @param username unique; letters, digits and {@code @ . + - _}, at most 150 (Django's rule)
 * @param email an address or empty
 * @param password the plain password, hashed before it is stored; empty makes an account that cannot log in with one
 * @param staff whether the user may use admin endpoints
 * @param superuser whether the user holds every scope (a superuser is staff too)
 * @param defaultRole the role the user acts as by default, which must exist
 */
public record NewUser(
        String username,
        String email,
        String password,
        boolean staff,
        boolean superuser,
        Optional<String> defaultRole) {

    /** An ordinary user with no role. */
    public static NewUser of(String username, String email, String password) {
        return new NewUser(username, email, password, false, false, Optional.empty());
    }

    /** The same user, as a superuser (and staff). */
    public NewUser asSuperuser() {
        return new NewUser(username, email, password, true, true, defaultRole);
    }

    /** The same user, acting as {@code role} by default. */
    public NewUser withDefaultRole(String role) {
        return new NewUser(username, email, password, staff, superuser, Optional.of(role));
    }
}
