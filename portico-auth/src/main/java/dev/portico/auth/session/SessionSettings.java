package dev.portico.auth.session;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * The {@code auth.session.*} and {@code auth.csrf.*} settings, Django's {@code SESSION_COOKIE_*} and
 * {@code CSRF_*}. An application registers them beside the accounts' own:
 * {@code Manage.create(App::app).settings(AuthSettings::register).settings(SessionSettings::register)}.
 */
public final class SessionSettings {
    /** The session cookie's name. */
    public static final Setting<String> COOKIE_NAME = Setting.string(
            "auth.session.cookie-name", "sessionid", "name of the session cookie (Django's SESSION_COOKIE_NAME)");
    /** How long a session lasts from login: Django's two weeks. */
    public static final Setting<Duration> LIFETIME = Setting.duration(
            "auth.session.lifetime",
            Duration.ofDays(14),
            "how long a session lasts from login, not extended by use (Django's SESSION_COOKIE_AGE)");
    /**
     * Whether the session and CSRF cookies are sent over HTTPS only, and the site is taken to be served over HTTPS
     * (which turns on the strict Referer check). Off by default so the local example works over plain HTTP;
     * production must set it.
     */
    public static final Setting<Boolean> SECURE = Setting.bool(
            "auth.session.secure",
            false,
            "mark the session and CSRF cookies Secure and treat the site as HTTPS (strict Referer check); "
                    + "false only for local development over HTTP: production must set it to true");
    /** The CSRF cookie's name. */
    public static final Setting<String> CSRF_COOKIE_NAME = Setting.string(
            "auth.csrf.cookie-name",
            "csrftoken",
            "name of the CSRF cookie, readable by the site's pages (Django's CSRF_COOKIE_NAME)");
    /** How long the CSRF cookie lasts: Django's year. */
    public static final Setting<Duration> CSRF_COOKIE_AGE = Setting.duration(
            "auth.csrf.cookie-age", Duration.ofDays(364), "how long the CSRF cookie lasts (Django's CSRF_COOKIE_AGE)");
    /** Other origins whose pages may send unsafe requests: Django's {@code CSRF_TRUSTED_ORIGINS}. */
    public static final Setting<String> TRUSTED_ORIGINS = Setting.string(
            "auth.csrf.trusted-origins",
            "",
            "origins (comma-separated, scheme://host[:port], or https://*.example.com for subdomains) besides the "
                    + "request's own host whose pages may send unsafe requests (Django's CSRF_TRUSTED_ORIGINS)");

    /** Every session and CSRF setting. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(AuthModule.create(db))",
            COOKIE_NAME,
            LIFETIME,
            SECURE,
            CSRF_COOKIE_NAME,
            CSRF_COOKIE_AGE,
            TRUSTED_ORIGINS);

    private SessionSettings() {}

    /** Registers every session and CSRF setting on a configuration builder. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }
}
