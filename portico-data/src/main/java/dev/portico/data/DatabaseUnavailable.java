package dev.portico.data;

/**
 * The database could not be reached at startup. The message names {@code database.url} and
 * {@code database.user} (never the password) and the driver's reason, so the fix is in the first line of
 * the log rather than at the first request.
 */
public final class DatabaseUnavailable extends RuntimeException {

    private DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    static DatabaseUnavailable at(String url, String user, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getMessage().strip();
        return new DatabaseUnavailable(
                "cannot connect to the database at database.url = " + url
                        + (user.isEmpty() ? "" : " as database.user = " + user) + ": " + reason
                        + " (check database.url, database.user and database.password)",
                failure);
    }
}
