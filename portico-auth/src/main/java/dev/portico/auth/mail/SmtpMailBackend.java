package dev.portico.auth.mail;

import dev.portico.config.PorticoConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends through an SMTP server with Jakarta Mail (Eclipse Angus Mail), as Django's {@code smtp.EmailBackend}: one
 * connection per message, STARTTLS or implicit TLS on request, a login when {@code mail.username} is set, and a
 * {@code multipart/alternative} message when there is an HTML body. Timeouts are set, so a stuck server cannot hold a
 * thread for ever.
 */
public final class SmtpMailBackend implements MailBackend {
    private final Session session;
    private final String host;
    private final int port;
    private final Clock clock;

    private SmtpMailBackend(PorticoConfig config) {
        this.host = MailSettings.value(config, MailSettings.HOST);
        this.port = MailSettings.value(config, MailSettings.PORT);
        this.clock = config.clock();
        boolean ssl = MailSettings.value(config, MailSettings.SSL);
        String protocol = ssl ? "smtps" : "smtp";
        String timeout =
                Long.toString(MailSettings.value(config, MailSettings.TIMEOUT).toMillis());
        String username = MailSettings.value(config, MailSettings.USERNAME);
        String password = MailSettings.value(config, MailSettings.PASSWORD);
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", host);
        p.put("mail." + protocol + ".port", Integer.toString(port));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        if (MailSettings.value(config, MailSettings.STARTTLS)) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (ssl || MailSettings.value(config, MailSettings.STARTTLS)) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator login = null;
        if (!username.isEmpty()) {
            p.put("mail." + protocol + ".auth", "true");
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            };
        }
        this.session = Session.getInstance(p, login);
    }

    /** The backend of the {@code mail.*} settings of {@code config}. */
    public static SmtpMailBackend create(PorticoConfig config) {
        return new SmtpMailBackend(config);
    }

    @Override
    public void send(Email email) {
        try {
            Transport.send(message(email));
        } catch (MessagingException e) {
            throw new MailFailed("sending to " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
    }

    private MimeMessage message(Email email) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(email.from(), true));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        m.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(clock.instant()));
        if (email.html().isEmpty()) {
            m.setText(email.text(), StandardCharsets.UTF_8.name());
            return m;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html().get(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        m.setContent(alternative);
        return m;
    }

    @Override
    public String toString() {
        return "SmtpMailBackend[" + host + ":" + port + "]";
    }
}
