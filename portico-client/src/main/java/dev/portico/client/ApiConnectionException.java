package dev.portico.client;

/** No answer came: the connection failed, or the connect or request timeout passed. The cause is the JDK's. */
public final class ApiConnectionException extends ApiClientException {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    ApiConnectionException(String url, String message, boolean timedOut, Throwable cause) {
        super(url, url + ": " + message, cause);
        this.timedOut = timedOut;
    }

    /** Whether a timeout (connect or request) ended the call. */
    public boolean timedOut() {
        return timedOut;
    }
}
