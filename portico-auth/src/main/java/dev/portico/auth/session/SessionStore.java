package dev.portico.auth.session;

import dev.portico.auth.accounts.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code auth_sessions} table, addressed by the hash of a session id. Nothing is kept in memory. */
final class SessionStore {
    private final Jdbi jdbi;

    SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a session for the user with the user's current epoch, read in the same statement; false if no user. */
    boolean insert(String hash, long userId, Instant now, Instant expires) {
        return jdbi.withHandle(
                        h -> h.createUpdate("insert into auth_sessions (id_hash, user_id, auth_epoch, created_at,"
                            + " expires_at, last_seen_at) select :hash, id, auth_epoch, :now, :expires, :now from"
                            + " auth_users where id = :user")
                                .bind("hash", hash)
                                .bind("user", userId)
                                .bind("now", Rows.timestamp(now))
                                .bind("expires", Rows.timestamp(expires))
                                .execute())
                == 1;
    }

    Optional<Session> find(String hash) {
        return jdbi.withHandle(h -> h.createQuery("select user_id, auth_epoch, created_at, expires_at, last_seen_at "
                        + "from auth_sessions where id_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new Session(
                        rs.getLong("user_id"),
                        rs.getLong("auth_epoch"),
                        Rows.instant(rs, "created_at").orElseThrow(),
                        Rows.instant(rs, "expires_at").orElseThrow(),
                        Rows.instant(rs, "last_seen_at").orElseThrow()))
                .findOne());
    }

    void touch(String hash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("update auth_sessions set last_seen_at = :now where id_hash = :hash")
                .bind("now", Rows.timestamp(now))
                .bind("hash", hash)
                .execute());
    }

    void delete(String hash) {
        jdbi.useHandle(h -> h.createUpdate("delete from auth_sessions where id_hash = :hash")
                .bind("hash", hash)
                .execute());
    }

    int deleteAll(long userId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from auth_sessions where user_id = :user")
                .bind("user", userId)
                .execute());
    }

    int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("delete from auth_sessions where expires_at <= :now")
                .bind("now", Rows.timestamp(now))
                .execute());
    }

    int count(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from auth_sessions where user_id = :user")
                .bind("user", userId)
                .mapTo(Integer.class)
                .one());
    }
}
