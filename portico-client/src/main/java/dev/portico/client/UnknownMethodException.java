package dev.portico.client;

/**
 * The server's method index ({@code GET /api/_index}) has no method of that name, or the method no argument of that
 * name: found before the call is sent, with the names that do exist in the message. Like the other
 * {@link ApiClientException}s, its message starts with the call it stopped ({@code POST http://site/api/home/fnd_user:
 * ...}), without user information.
 */
public final class UnknownMethodException extends ApiClientException {
    private static final long serialVersionUID = 1L;

    /** {@code where} is the HTTP method and the URL, without user information. */
    UnknownMethodException(String where, String message) {
        super(where, where + ": " + message, null);
    }
}
