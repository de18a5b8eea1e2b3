package dev.portico.auth.mail;

/**
 * Where e-mail goes: Django's {@code EMAIL_BACKEND}. {@link ConsoleMailBackend} prints it (the default, so an app
 * needs no mail server on a developer's machine) and {@link SmtpMailBackend} sends it through an SMTP server.
 */
@FunctionalInterface
public interface MailBackend {

    /**
     * Delivers one message, blocking until the backend accepted it.
     *
     * @throws MailFailed when it could not be delivered
     */
    void send(Email email);
}
