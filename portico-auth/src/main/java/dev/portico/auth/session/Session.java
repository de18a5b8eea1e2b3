package dev.portico.auth.session;

import java.time.Instant;

/**
 * One stored session. It never holds the id the cookie carries, only whom it logs in and until when.
 *
 * @param userId the user it logs in
 * @param authEpoch the user's {@code auth_epoch} at login; once the user's is higher, the session is over
 * @param createdAt the login
 * @param expiresAt when it stops working, whatever happens
 * @param lastSeenAt the last request served with it (to the minute)
 */
public record Session(long userId, long authEpoch, Instant createdAt, Instant expiresAt, Instant lastSeenAt) {

    /** Whether it has stopped working at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
