package dev.portico.examples.blog;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.portico.Portico;
import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.mail.MailSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import dev.portico.test.data.ClassDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example served on loopback, its mail going over SMTP to a GreenMail server on loopback that the test started,
 * on a clock the test moves: what the account e-mail tests drive. Closing it stops the app, the mail server and the
 * database.
 */
final class MailedBlog implements AutoCloseable {
    static final String SITE = "https://blog.example.com";
    static final Instant T0 = Instant.parse("2030-06-01T12:00:00Z");

    final MutableClock clock = MutableClock.at(T0);
    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final ClassDatabase database = ClassDatabase.h2();
    final Portico app;

    private MailedBlog(UnaryOperator<PorticoConfig.Builder> more) {
        smtp.start();
        PorticoConfig config = more.apply(
                        database.configure(BlogDatabases.unthrottled(BlogApp.settings(PorticoConfig.builder())))
                                .clock(clock)
                                .set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET)
                                .set(AuthSettings.ARGON2_MEMORY, 1024)
                                .set(AuthSettings.ARGON2_ITERATIONS, 1)
                                .set(Settings.SERVER_HOST, "127.0.0.1")
                                .set(Settings.SERVER_PORT, 0)
                                .set(MailSettings.BACKEND, MailSettings.Backend.SMTP)
                                .set(MailSettings.HOST, "127.0.0.1")
                                .set(MailSettings.PORT, smtp.getSmtp().getPort())
                                .set(MailSettings.FROM, "blog@example.com")
                                .set(MailSettings.SITE_URL, SITE))
                .build();
        this.app = BlogApp.app(config).shutdownHook(false).build().start();
    }

    static MailedBlog start() {
        return start(b -> b);
    }

    static MailedBlog start(AccountSettings.EmailVerification verification) {
        return start(b -> b.set(AccountSettings.EMAIL_VERIFICATION, verification));
    }

    static MailedBlog start(UnaryOperator<PorticoConfig.Builder> more) {
        return new MailedBlog(more);
    }

    /** A new client over the wire, with no cookies. */
    PorticoClient client() {
        return PorticoClient.overTheWire(app);
    }

    /** The messages received so far by {@code address}. */
    List<MimeMessage> inbox(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address))) {
                found.add(m);
            }
        }
        return found;
    }

    /** Waits for the {@code count}-th message of {@code address} and returns it. */
    MimeMessage awaitMail(String address, int count) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<MimeMessage> inbox = inbox(address);
            if (inbox.size() >= count) {
                return inbox.get(count - 1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message " + count + " for " + address + " within 10 s");
    }

    /** The text/plain body of a message, whether it is multipart/alternative or plain. */
    static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    /** The text/html part of a multipart/alternative message. */
    static String html(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return message.isMimeType(type) ? s : "";
        }
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The one link to the site in {@code text}. */
    static String link(String text) {
        Matcher m = Pattern.compile(Pattern.quote(SITE) + "\\S+").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link to " + SITE + " in:\n" + text);
        }
        return m.group();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            smtp.stop();
            database.close();
        }
    }
}
