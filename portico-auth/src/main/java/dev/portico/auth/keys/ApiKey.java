package dev.portico.auth.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * An API key as stored: everything but its secret, which is shown once at creation ({@link CreatedApiKey}) and
 * kept only as a SHA-256 hash that never leaves {@link ApiKeys}.
 *
 * @param keyId the public id, {@code k-} and 16 hex digits: the part before the colon of {@code keyid:secret}
 * @param userId the user the key acts for
 * @param name what the user called it ({@code "ci"}, {@code "laptop"}), possibly empty
 * @param role the role the key acts as, when it was made for one; otherwise it acts as the user
 * @param createdAt when it was made
 * @param expiresAt when it stops working, if ever; it is refused from that instant on
 * @param revokedAt when it was revoked, if it was
 * @param lastUsedAt the last accepted use, to within {@link ApiKeys#LAST_USED_RESOLUTION}
 */
public record ApiKey(
        String keyId,
        long userId,
        String name,
        Optional<String> role,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Optional<Instant> lastUsedAt) {

    /** Whether the key was revoked. */
    public boolean revoked() {
        return revokedAt.isPresent();
    }

    /** Whether the key has expired at {@code now}: an expiry equal to {@code now} has. */
    public boolean expired(Instant now) {
        return expiresAt.isPresent() && !expiresAt.get().isAfter(now);
    }

    /** Whether the key would be accepted at {@code now} (its user's state aside). */
    public boolean usable(Instant now) {
        return !revoked() && !expired(now);
    }
}
