package dev.portico.auth.mail;

import dev.portico.config.PorticoConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the framework's messages: a template ({@link MailTemplates}) filled with the site's name and address
 * ({@code site.name}, {@code site.url}) and the message's own values, from {@code mail.from}, through the backend of
 * {@code mail.backend}.
 * <pre>{@code
 * Mailer mailer = Mailer.create(config);                  // console by default, SMTP with mail.backend=smtp
 * mailer.send("password_reset_key", "ada@example.com", Map.of("password_reset_url", link));
 * }</pre>
 * {@link #send} hands the message to a virtual thread and returns at once, so an endpoint answers in the same time
 * whether or not it sent anything (a password reset must not tell which addresses have accounts), and a slow mail
 * server never holds a request. A failure is logged with the recipient's domain only.
 */
public final class Mailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final MailBackend backend;
    private final MailTemplates templates;
    private final String from;
    private final String siteName;
    private final String siteUrl;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    private Mailer(MailBackend backend, MailTemplates templates, PorticoConfig config) {
        this.backend = backend;
        this.templates = templates;
        this.from = MailSettings.value(config, MailSettings.FROM);
        this.siteName = MailSettings.value(config, MailSettings.SITE_NAME);
        String url = MailSettings.value(config, MailSettings.SITE_URL);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalStateException(MailSettings.SITE_URL.key() + " must be an http:// or https:// address, "
                    + "such as https://example.com, not " + url);
        }
        this.siteUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The mailer of the {@code mail.*} and {@code site.*} settings of {@code config}, with the default templates. */
    public static Mailer create(PorticoConfig config) {
        MailBackend backend = switch (MailSettings.value(config, MailSettings.BACKEND)) {
            case CONSOLE -> ConsoleMailBackend.create();
            case SMTP -> SmtpMailBackend.create(config);
        };
        return create(backend, config);
    }

    /** The same through {@code backend}. */
    public static Mailer create(MailBackend backend, PorticoConfig config) {
        return new Mailer(backend, MailTemplates.create(), config);
    }

    /** The site's address, without a trailing slash: where the links of messages start. */
    public String siteUrl() {
        return siteUrl;
    }

    /** Sends template {@code name} to {@code to} in the background; see the class comment. */
    public void send(String name, String to, Map<String, ?> values) {
        Email email = render(name, to, values);
        sender.execute(() -> deliver(email));
    }

    /**
     * Runs {@code work} that ends in messages (looking accounts up, then {@link #send}) in the background, so the
     * caller answers before it is known whether anything was sent.
     */
    public void background(Runnable work) {
        sender.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("preparing e-mail failed: {}", e.toString());
            }
        });
    }

    /** Sends at once, in this thread: for commands and tests. */
    public void sendNow(String name, String to, Map<String, ?> values) {
        backend.send(render(name, to, values));
    }

    private Email render(String name, String to, Map<String, ?> values) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("site_name", siteName);
        all.put("site_url", siteUrl);
        all.put("email", to);
        all.putAll(values);
        return templates.render(name, all, from, to);
    }

    private void deliver(Email email) {
        try {
            backend.send(email);
        } catch (RuntimeException e) {
            String domain = email.to().substring(email.to().lastIndexOf('@') + 1);
            LOG.warn("e-mail \"{}\" to an address at {} was not sent: {}", email.subject(), domain, e.getMessage());
        }
    }

    /** Waits up to five seconds for the messages still being sent, then stops. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Mailer[" + backend + "]";
    }
}
