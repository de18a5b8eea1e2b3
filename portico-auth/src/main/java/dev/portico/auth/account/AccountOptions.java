package dev.portico.auth.account;

import dev.portico.auth.mail.MailSettings;
import dev.portico.config.PorticoConfig;
import java.time.Duration;

/** The {@code auth.account.*} values the endpoints run with, read once; a setting not registered keeps its default. */
record AccountOptions(
        AccountSettings.UrlLayout layout,
        boolean jwtResponses,
        boolean oldPasswordRequired,
        AccountSettings.CsrfRule csrf,
        AccountSettings.EmailVerification verification,
        Duration confirmationExpiry,
        Duration resetTimeout,
        boolean resetRevokesKeys,
        String resetUrl,
        String confirmationUrl) {

    static AccountOptions of(PorticoConfig config) {
        AccountOptions o = new AccountOptions(
                MailSettings.value(config, AccountSettings.URL_LAYOUT),
                MailSettings.value(config, AccountSettings.JWT_RESPONSES),
                MailSettings.value(config, AccountSettings.OLD_PASSWORD_REQUIRED),
                MailSettings.value(config, AccountSettings.CSRF),
                MailSettings.value(config, AccountSettings.EMAIL_VERIFICATION),
                MailSettings.value(config, AccountSettings.EMAIL_CONFIRMATION_EXPIRY),
                MailSettings.value(config, AccountSettings.PASSWORD_RESET_TIMEOUT),
                MailSettings.value(config, AccountSettings.RESET_REVOKES_API_KEYS),
                MailSettings.value(config, AccountSettings.PASSWORD_RESET_URL),
                MailSettings.value(config, AccountSettings.EMAIL_CONFIRMATION_URL));
        positive(AccountSettings.EMAIL_CONFIRMATION_EXPIRY.key(), o.confirmationExpiry());
        positive(AccountSettings.PASSWORD_RESET_TIMEOUT.key(), o.resetTimeout());
        return o;
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException(key + " must be positive, such as 3d, not " + d);
        }
    }

    boolean mandatory() {
        return verification == AccountSettings.EmailVerification.MANDATORY;
    }
}
