package dev.portico.auth.mail;

import java.util.Optional;

/**
 * One message, ready to send: Django's {@code EmailMultiAlternatives} with a plain-text body and, optionally, an HTML
 * alternative.
 *
 * @param from the sender address ({@code mail.from} unless a message says otherwise)
 * @param to the one recipient
 * @param subject one line
 * @param text the plain-text body, which every client can show
 * @param html the HTML alternative, if the message has one
 */
public record Email(String from, String to, String subject, String text, Optional<String> html) {

    /** Refuses a subject that would break the headers (a newline could add one). */
    public Email {
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an e-mail subject is one line, not " + subject);
        }
    }
}
