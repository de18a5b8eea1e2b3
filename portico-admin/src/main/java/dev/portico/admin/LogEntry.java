package dev.portico.admin;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit log (Django's {@code LogEntry}): who did what to which object, and when.
 *
 * @param id the entry's id
 * @param time when it happened
 * @param userId the staff member's user id; empty once that account is deleted
 * @param username their username at the time, kept when the account is gone
 * @param objectType the model's slug ({@code posts})
 * @param objectId the row's key, as text
 * @param objectLabel the row's label at the time
 * @param action {@code added}, {@code changed} or {@code deleted}
 * @param message what changed ({@code Changed title and draft.})
 */
public record LogEntry(
        long id,
        Instant time,
        Optional<Long> userId,
        String username,
        String objectType,
        String objectId,
        String objectLabel,
        String action,
        String message) {
    /** An object added. */
    public static final String ADDED = "added";
    /** An object changed. */
    public static final String CHANGED = "changed";
    /** An object deleted. */
    public static final String DELETED = "deleted";
}
