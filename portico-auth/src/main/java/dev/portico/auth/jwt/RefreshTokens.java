package dev.portico.auth.jwt;

import dev.portico.auth.accounts.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of refresh tokens ({@code auth_refresh_tokens}) and their families. A token is spent by one
 * conditional UPDATE, so of two concurrent refreshes of one token exactly one wins; presenting a spent token again
 * revokes its family.
 */
final class RefreshTokens {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokens.class);

    /** The state of a refresh token the database knows. */
    enum State {
        LIVE,
        USED,
        REVOKED,
        UNKNOWN
    }

    private final Jdbi jdbi;

    RefreshTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records the first token of a new family (a login). */
    void start(Handle h, String family, long userId, String jti, Instant now, Instant expires) {
        h.createUpdate("insert into auth_refresh_families (id, user_id, created_at) values (:id, :user, :now)")
                .bind("id", family)
                .bind("user", userId)
                .bind("now", Rows.timestamp(now))
                .execute();
        add(h, family, userId, jti, now, expires);
    }

    /** Records another token of {@code family}. */
    void add(Handle h, String family, long userId, String jti, Instant now, Instant expires) {
        h.createUpdate("insert into auth_refresh_tokens (jti, family_id, user_id, issued_at, expires_at) "
                        + "values (:jti, :family, :user, :now, :expires)")
                .bind("jti", jti)
                .bind("family", family)
                .bind("user", userId)
                .bind("now", Rows.timestamp(now))
                .bind("expires", Rows.timestamp(expires))
                .execute();
    }

    /**
     * Spends a live token: the family it belongs to when this call won, empty when the token was not live
     * (already spent, by a concurrent refresh too, revoked or unknown). The one statement that decides is the
     * conditional UPDATE; the database serialises two of them on the row, and the later one matches nothing.
     */
    Optional<String> spend(Handle h, String jti, Instant now) {
        int won = h.createUpdate("update auth_refresh_tokens set used_at = :now where jti = :jti and used_at is null "
                        + "and family_id in (select id from auth_refresh_families where revoked_at is null)")
                .bind("now", Rows.timestamp(now))
                .bind("jti", jti)
                .execute();
        if (won == 0) {
            return Optional.empty();
        }
        return h.createQuery("select family_id from auth_refresh_tokens where jti = :jti")
                .bind("jti", jti)
                .mapTo(String.class)
                .findOne();
    }

    /** What the database knows of {@code jti}. */
    State state(String jti) {
        return jdbi.withHandle(h -> h.createQuery("select t.used_at is not null as used, f.revoked_at is not null as "
                        + "revoked from auth_refresh_tokens t join auth_refresh_families f on f.id = t.family_id "
                        + "where t.jti = :jti")
                .bind("jti", jti)
                .map((rs, ctx) ->
                        rs.getBoolean("revoked") ? State.REVOKED : rs.getBoolean("used") ? State.USED : State.LIVE)
                .findOne()
                .orElse(State.UNKNOWN));
    }

    /** Reuse of a spent token: the family of {@code jti} is revoked, so no token of it refreshes again. */
    void revokeFamilyOf(String jti, long userId, Instant now) {
        if (revokeFamily(jti, now) > 0) {
            LOG.warn("a spent refresh token of user {} was presented again: its token family is revoked", userId);
        }
    }

    /** Revokes the family of {@code jti} (a logout); how many families were live, 0 or 1. */
    int revokeFamily(String jti, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "update auth_refresh_families set revoked_at = :now where revoked_at is null and id = (select"
                                + " family_id from auth_refresh_tokens where jti = :jti)")
                .bind("now", Rows.timestamp(now))
                .bind("jti", jti)
                .execute());
    }

    /** Deletes tokens that expired before {@code cutoff}, and the families left empty; the number of tokens deleted. */
    int deleteExpired(Instant cutoff) {
        return jdbi.inTransaction(h -> {
            int tokens = h.createUpdate("delete from auth_refresh_tokens where expires_at < :cutoff")
                    .bind("cutoff", Rows.timestamp(cutoff))
                    .execute();
            h.createUpdate("delete from auth_refresh_families f where not exists "
                            + "(select 1 from auth_refresh_tokens t where t.family_id = f.id)")
                    .execute();
            return tokens;
        });
    }

    Jdbi jdbi() {
        return jdbi;
    }
}
