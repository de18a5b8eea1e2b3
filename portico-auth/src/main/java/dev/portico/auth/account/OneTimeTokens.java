package dev.portico.auth.account;

import dev.portico.auth.accounts.Rows;
import dev.portico.auth.accounts.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The tokens mailed for a password reset and an address confirmation: 256 random bits, of which the table keeps only
 * the SHA-256, so a copy of the database mails no one a working link. A token is issued against the user's address,
 * auth epoch and last login; a password-reset token is worth nothing once any of them moved (a new password, a logout
 * everywhere, a login, a new address: Django's {@code PasswordResetTokenGenerator}), once it expired, and once used.
 * A confirmation token only needs the address unchanged and the time not past.
 */
final class OneTimeTokens {
    enum Purpose {
        PASSWORD_RESET("password_reset"),
        EMAIL_CONFIRMATION("email_confirmation");

        final String column;

        Purpose(String column) {
            this.column = column;
        }
    }

    /** The longest token accepted: far above the 43 characters of one, so a huge value is not even hashed. */
    private static final int MAX_LENGTH = 128;

    private final Jdbi jdbi;
    private final Clock clock;

    OneTimeTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new token of {@code purpose} for the user, valid for {@code lifetime}; the user's state now is recorded. */
    String issue(Purpose purpose, long userId, Duration lifetime) {
        String token = Secrets.base64Url(32);
        Instant now = clock.instant();
        int rows = jdbi.withHandle(h -> h.createUpdate("insert into auth_one_time_tokens (token_hash, purpose, "
                        + "user_id, email, auth_epoch, last_login, created_at, expires_at) select :hash, :purpose, id, "
                        + "email, auth_epoch, last_login, :now, :expires from auth_users where id = :id")
                .bind("hash", Secrets.sha256Hex(token))
                .bind("purpose", purpose.column)
                .bind("id", userId)
                .bind("now", Rows.timestamp(now))
                .bind("expires", Rows.timestamp(now.plus(lifetime)))
                .execute());
        if (rows != 1) {
            throw new IllegalArgumentException("no user " + userId);
        }
        return token;
    }

    /**
     * The user of a valid token of {@code purpose}, when it is {@code userId}'s (any user's when empty). A
     * password-reset token stays valid until {@link #spend} (the new password may still be refused).
     */
    Optional<Long> check(Purpose purpose, String token, Optional<Long> userId) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(token);
        Instant now = clock.instant();
        String unchanged = purpose == Purpose.PASSWORD_RESET
                ? " and t.auth_epoch = u.auth_epoch and t.last_login is not distinct from u.last_login and u.active"
                        + " and t.used_at is null"
                : "";
        Optional<Long> user = jdbi.withHandle(h -> h.createQuery("select t.user_id from auth_one_time_tokens t "
                        + "join auth_users u on u.id = t.user_id where t.token_hash = :hash and t.purpose = :purpose "
                        + "and t.expires_at > :now and t.email = u.email" + unchanged)
                .bind("hash", hash)
                .bind("purpose", purpose.column)
                .bind("now", Rows.timestamp(now))
                .mapTo(Long.class)
                .findOne());
        if (user.isEmpty() || userId.isPresent() && !userId.get().equals(user.get())) {
            return Optional.empty();
        }
        return user;
    }

    /** Spends a checked token: true for the one request that does, so two with the same token cannot both pass. */
    boolean spend(String token) {
        return jdbi.withHandle(h -> h.createUpdate("update auth_one_time_tokens set used_at = :now "
                                + "where token_hash = :hash and used_at is null")
                        .bind("now", Rows.timestamp(clock.instant()))
                        .bind("hash", Secrets.sha256Hex(token))
                        .execute())
                == 1;
    }

    /** Forgets the tokens past their expiry; how many went. */
    int deleteExpired() {
        return jdbi.withHandle(h -> h.createUpdate("delete from auth_one_time_tokens where expires_at <= :now")
                .bind("now", Rows.timestamp(clock.instant()))
                .execute());
    }
}
