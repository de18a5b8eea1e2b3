package dev.portico.auth.mail;

/** A message the backend could not deliver; the message says why, never the credentials. */
public final class MailFailed extends RuntimeException {

    /** A failure with its cause. */
    public MailFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
