package dev.portico.auth.account;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * The {@code auth.account.*} settings: dj-rest-auth's and allauth's, for the account endpoints
 * ({@link AccountEndpoints}). docs/authentication.md maps each dj-rest-auth setting to its Portico one.
 */
public final class AccountSettings {
    /** Where the endpoints live. */
    public enum UrlLayout {
        /** dj-rest-auth's: {@code registration/}, {@code token/refresh/} and {@code token/verify/}. */
        DJ_REST_AUTH,
        /** Portico's first one: {@code register/}, and no {@code token/} URLs (seed 004's serve instead). */
        PORTICO
    }

    /** Which anonymous login and registration requests must carry a CSRF token. */
    public enum CsrfRule {
        /**
         * DRF's: only a form (which a page of another site can post) needs one; a JSON body (which another site's page
         * cannot send without the CORS preflight this server refuses) needs none, unless its Origin is foreign.
         */
        JSON,
        /** Every one, JSON or not: clients fetch {@code csrf/} first. */
        ALWAYS
    }

    /** allauth's {@code ACCOUNT_EMAIL_VERIFICATION}. */
    public enum EmailVerification {
        /** No verification e-mail. */
        NONE,
        /** A verification e-mail on registration; login works before it is followed. */
        OPTIONAL,
        /** A verification e-mail on registration; login is refused until the address is confirmed. */
        MANDATORY
    }

    /** The URL layout. */
    public static final Setting<UrlLayout> URL_LAYOUT = Setting.choice(
            "auth.account.url-layout",
            UrlLayout.class,
            UrlLayout.DJ_REST_AUTH,
            "the account endpoints' URLs: dj-rest-auth (registration/, token/refresh/, "
                    + "token/verify/) or portico (register/, as before)");
    /** dj-rest-auth's {@code USE_JWT}. */
    public static final Setting<Boolean> JWT_RESPONSES = Setting.bool(
            "auth.account.jwt-responses",
            true,
            "whether login and registration answer {access, refresh, user} when the endpoints have tokens "
                    + "(dj-rest-auth's USE_JWT); false answers the user alone");
    /** dj-rest-auth's {@code OLD_PASSWORD_FIELD_ENABLED}. */
    public static final Setting<Boolean> OLD_PASSWORD_REQUIRED = Setting.bool(
            "auth.account.old-password-required",
            false,
            "whether a password change must send the current password as old_password (dj-rest-auth's "
                    + "OLD_PASSWORD_FIELD_ENABLED)");
    /** The CSRF rule of anonymous login and registration. */
    public static final Setting<CsrfRule> CSRF = Setting.choice(
            "auth.account.csrf",
            CsrfRule.class,
            CsrfRule.JSON,
            "which anonymous logins and registrations need a CSRF token: json (forms only, as DRF; a JSON body from a "
                    + "foreign Origin is refused) or always");
    /** allauth's {@code ACCOUNT_EMAIL_VERIFICATION}. */
    public static final Setting<EmailVerification> EMAIL_VERIFICATION = Setting.choice(
            "auth.account.email-verification",
            EmailVerification.class,
            EmailVerification.OPTIONAL,
            "none, optional (a verification e-mail on registration) or mandatory (login refused until it is followed), "
                    + "as allauth's ACCOUNT_EMAIL_VERIFICATION");
    /** allauth's {@code ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS}. */
    public static final Setting<Duration> EMAIL_CONFIRMATION_EXPIRY = Setting.duration(
            "auth.account.email-confirmation-expiry",
            Duration.ofDays(3),
            "how long the link of a verification e-mail works");
    /** Django's {@code PASSWORD_RESET_TIMEOUT}. */
    public static final Setting<Duration> PASSWORD_RESET_TIMEOUT = Setting.duration(
            "auth.account.password-reset-timeout",
            Duration.ofDays(3),
            "how long the link of a password-reset e-mail works (Django's PASSWORD_RESET_TIMEOUT); it works once");
    /** Whether a password reset revokes the user's API keys too. */
    public static final Setting<Boolean> RESET_REVOKES_API_KEYS = Setting.bool(
            "auth.account.reset-revokes-api-keys",
            true,
            "whether a password reset revokes every API key of the user, beside their sessions and tokens");
    /** The link of a password-reset e-mail. */
    public static final Setting<String> PASSWORD_RESET_URL = Setting.string(
            "auth.account.password-reset-url",
            "/auth/password/reset/confirm/{uid}/{token}/",
            "the link of a password-reset e-mail, after site.url "
                    + "(or a whole https:// address); {uid} and {token} are replaced");
    /** The link of a verification e-mail. */
    public static final Setting<String> EMAIL_CONFIRMATION_URL = Setting.string(
            "auth.account.email-confirmation-url",
            "/auth/registration/account-confirm-email/{key}/",
            "the link of a verification e-mail, after site.url " + "(or a whole https:// address); {key} is replaced");

    /** Every account setting. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(AuthModule.create(db))",
            URL_LAYOUT,
            JWT_RESPONSES,
            OLD_PASSWORD_REQUIRED,
            CSRF,
            EMAIL_VERIFICATION,
            EMAIL_CONFIRMATION_EXPIRY,
            PASSWORD_RESET_TIMEOUT,
            RESET_REVOKES_API_KEYS,
            PASSWORD_RESET_URL,
            EMAIL_CONFIRMATION_URL);

    private AccountSettings() {}

    /** Registers every {@code auth.account.*} setting on a configuration builder. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }
}
