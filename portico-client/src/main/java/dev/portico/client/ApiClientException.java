package dev.portico.client;

/**
 * Why a call of the Java client failed. Its subclasses say how: {@link ApiErrorException} (the server answered with
 * an error), {@link ApiConnectionException} (no answer: the network, a timeout), {@link UnknownMethodException} (the
 * method index has no such method, found before any request of it). Messages name the URL, never a secret.
 */
public class ApiClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String url;

    ApiClientException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }

    /**
     * What the failure is about, without user information: the HTTP method and URL of the call
     * ({@code POST http://site/api/home/find_user}) for the three subclasses, the URL alone for a local failure.
     */
    public String url() {
        return url;
    }
}
