package dev.portico.client;

/**
 * The server's method index ({@code GET /api/_index}) has no method of that name, or the method no argument of that
 * name: found before the call is sent, with the names that do exist in the message.
 */
public final class UnknownMethodException extends ApiClientException {
    private static final long serialVersionUID = 1L;

    UnknownMethodException(String url, String message) {
        super(url, message, null);
    }
}
