package dev.portico.auth.account;

import dev.portico.auth.accounts.User;

/**
 * The logged-in user as the account endpoints show it: dj-rest-auth's {@code UserDetailsSerializer}. Never the
 * password or its hash, nor anything of the account the user may not change themselves but through an admin.
 *
 * @param pk the user's id
 * @param username the username
 * @param email the email address, possibly empty
 */
public record UserDetails(long pk, String username, String email) {

    /** The details of {@code user}. */
    public static UserDetails of(User user) {
        return new UserDetails(user.id(), user.username(), user.email());
    }
}
