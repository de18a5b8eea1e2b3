package dev.portico.auth.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A user account as stored. It never holds the password or its hash.
 *
 * @param id the internal id
 * @param publicId the id the API shows ({@code u-} and 24 hex digits), as seed 002 sends models
 * @param username unique, as typed at creation (case-sensitive, as Django's)
 * @param email the address, possibly empty
 * @param active whether the user may authenticate at all
 * @param staff whether the user may use admin endpoints ({@code IsAdmin})
 * @param superuser whether the user holds every scope
 * @param defaultRole the role the user acts as when authenticated as themselves
 * @param roles every role the user holds, the default one included
 * @param authEpoch raised when every token and session of the user must stop working
 * @param createdAt when the account was made
 * @param lastLogin the last successful password login, if any
 */
public record User(
        long id,
        String publicId,
        String username,
        String email,
        boolean active,
        boolean staff,
        boolean superuser,
        Optional<String> defaultRole,
        Set<String> roles,
        long authEpoch,
        Instant createdAt,
        Optional<Instant> lastLogin) {

    /** Copies the roles. */
    public User {
        roles = Set.copyOf(roles);
    }
}
