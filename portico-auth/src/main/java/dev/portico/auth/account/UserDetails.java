package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portico.auth.accounts.User;

/**
 * The logged-in user as the account endpoints show it: dj-rest-auth's {@code UserDetailsSerializer}. Never the
 * password or its hash, nor anything of the account the user may not change themselves but through an admin.
 *
 * @param pk the user's id
 * @param username the username
 * @param email the email address, possibly empty
 * @param firstName the first name, possibly empty
 * @param lastName the last name, possibly empty
 */
public record UserDetails(
        long pk,
        String username,
        String email,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName) {

    /** The details of {@code user} with the names of {@code profile}. */
    static UserDetails of(User user, Profiles.Profile profile) {
        return new UserDetails(user.id(), user.username(), user.email(), profile.firstName(), profile.lastName());
    }
}
