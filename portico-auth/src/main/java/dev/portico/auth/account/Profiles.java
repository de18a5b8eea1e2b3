package dev.portico.auth.account;

import dev.portico.auth.accounts.Passwords;
import dev.portico.auth.accounts.Rows;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the account endpoints keep of a user beside {@link dev.portico.auth.accounts.Users}: the first and last name
 * (Django's {@code AbstractUser}), whether the address was confirmed (allauth's {@code EmailAddress.verified}), the
 * accounts of an address, and the revocation of a user's API keys at a password reset.
 */
final class Profiles {
    /** The names and the confirmation of one user. */
    record Profile(String firstName, String lastName, boolean emailVerified) {}

    /** An active account at an address, as a password reset or a resent confirmation needs it. */
    record Holder(long id, String username, String email, boolean emailVerified, boolean usablePassword) {}

    private final Jdbi jdbi;
    private final Clock clock;

    Profiles(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Profile find(long id) {
        return jdbi.withHandle(
                h -> h.createQuery("select first_name, last_name, email_verified from auth_users " + "where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new Profile(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                        .findOne()
                        .orElseThrow(() -> new IllegalArgumentException("no user " + id)));
    }

    /** Sets the names given; an absent one stays. */
    void updateNames(long id, Optional<String> firstName, Optional<String> lastName) {
        if (firstName.isEmpty() && lastName.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("update auth_users set first_name = coalesce(:first, first_name), "
                        + "last_name = coalesce(:last, last_name), updated_at = :now where id = :id")
                .bind("first", firstName.orElse(null))
                .bind("last", lastName.orElse(null))
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }

    /** Marks the address unconfirmed: a new address must be confirmed anew. */
    void unverify(long id) {
        jdbi.useHandle(h -> h.createUpdate("update auth_users set email_verified = false where id = :id")
                .bind("id", id)
                .execute());
    }

    /** Confirms the user's address. */
    void verify(long id) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update auth_users set email_verified = true, updated_at = :now " + "where id = :id")
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }

    /** The active accounts whose address is {@code email}, in any case (Django's {@code email__iexact}). */
    List<Holder> holders(String email) {
        return jdbi.withHandle(h -> h.createQuery("select id, username, email, email_verified, password_hash "
                        + "from auth_users where lower(email) = lower(:email) and email <> '' and active order by id")
                .bind("email", email)
                .map((rs, ctx) -> new Holder(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        !rs.getString(5).startsWith(Passwords.UNUSABLE)))
                .list());
    }

    /** Revokes every live API key of the user; how many. */
    int revokeKeys(long id) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "update auth_api_keys set revoked_at = :now where user_id = :id " + "and revoked_at is null")
                .bind("now", Rows.timestamp(clock.instant()))
                .bind("id", id)
                .execute());
    }
}
