/**
 * E-mail: {@link dev.portico.auth.mail.Mailer} renders a message's templates and hands it to a
 * {@link dev.portico.auth.mail.MailBackend}, the console (the default) or SMTP through Jakarta Mail.
 */
package dev.portico.auth.mail;
