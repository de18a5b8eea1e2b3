package dev.portico.auth.mail;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * The {@code mail.*} settings (Django's {@code EMAIL_*} and {@code DEFAULT_FROM_EMAIL}) and the {@code site.*} ones
 * (Django's Sites framework: the name and address that messages and their links use). An application registers them
 * beside the accounts settings: {@code Manage.create(App::app).settings(MailSettings::register)}.
 */
public final class MailSettings {
    /** Which backend delivers mail. */
    public enum Backend {
        /** Print every message to standard output (Django's console backend). */
        CONSOLE,
        /** Send through the SMTP server of {@code mail.host}. */
        SMTP
    }

    /** The backend. */
    public static final Setting<Backend> BACKEND = Setting.choice(
            "mail.backend",
            Backend.class,
            Backend.CONSOLE,
            "where e-mail goes: console (printed to standard output, for development) or smtp (mail.host)");
    /** The SMTP server. */
    public static final Setting<String> HOST =
            Setting.string("mail.host", "localhost", "the SMTP server of the smtp backend");
    /** Its port. */
    public static final Setting<Integer> PORT =
            Setting.integer("mail.port", 25, "the SMTP server's port (587 with mail.starttls, 465 with mail.ssl)");
    /** The SMTP user. */
    public static final Setting<String> USERNAME =
            Setting.string("mail.username", "", "the SMTP login; empty sends without authenticating");
    /** The SMTP password. */
    public static final Setting<String> PASSWORD =
            Setting.secret("mail.password", "", "the SMTP password of mail.username");
    /** STARTTLS. */
    public static final Setting<Boolean> STARTTLS = Setting.bool(
            "mail.starttls",
            false,
            "whether the SMTP connection must switch to TLS with STARTTLS (Django's EMAIL_USE_TLS)");
    /** Implicit TLS. */
    public static final Setting<Boolean> SSL = Setting.bool(
            "mail.ssl", false, "whether the SMTP connection is TLS from the start (Django's EMAIL_USE_SSL)");
    /** Connect, read and write timeouts. */
    public static final Setting<Duration> TIMEOUT = Setting.duration(
            "mail.timeout",
            Duration.ofSeconds(10),
            "how long to wait for the SMTP server to connect, answer or accept data");
    /** The sender. */
    public static final Setting<String> FROM = Setting.string(
            "mail.from",
            "webmaster@localhost",
            "the sender address of the messages the framework sends (Django's DEFAULT_FROM_EMAIL)");
    /** The site's name. */
    public static final Setting<String> SITE_NAME = Setting.string(
            "site.name", "example.com", "the site's name, as messages greet and sign with it (Django's Site.name)");
    /** The site's address. */
    public static final Setting<String> SITE_URL = Setting.string(
            "site.url",
            "http://localhost:8000",
            "the site's address, without a trailing slash: the links in messages start with it");

    /** Every mail and site setting. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(AuthModule.create(db))",
            BACKEND,
            HOST,
            PORT,
            USERNAME,
            PASSWORD,
            STARTTLS,
            SSL,
            TIMEOUT,
            FROM,
            SITE_NAME,
            SITE_URL);

    private MailSettings() {}

    /** Registers every {@code mail.*} and {@code site.*} setting on a configuration builder. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }

    /** The value of {@code setting} in {@code config}, or its default when the application did not register it. */
    public static <T> T value(PorticoConfig config, Setting<T> setting) {
        return config.settings().stream().anyMatch(s -> s.key().equals(setting.key()))
                ? config.get(setting)
                : setting.defaultValue();
    }
}
