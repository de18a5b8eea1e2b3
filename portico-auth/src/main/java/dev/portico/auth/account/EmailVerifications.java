package dev.portico.auth.account;

import dev.portico.auth.accounts.User;
import dev.portico.auth.mail.Mailer;
import dev.portico.error.NotFound;
import java.util.Map;
import java.util.Optional;

/**
 * allauth's e-mail verification behind dj-rest-auth's registration endpoints: the e-mail on registration, the key it
 * carries confirmed at {@code registration/verify-email/} ({@code {"detail": "ok"}}, or 404 for a key that is unknown,
 * expired or for an address the user changed since), and a new e-mail at {@code registration/resend-email/}, which
 * answers {@code ok} whether or not the address has an account.
 */
final class EmailVerifications {
    static final String TEMPLATE = "email_confirmation_signup";
    static final String OK = "ok";

    private final Profiles profiles;
    private final OneTimeTokens tokens;
    private final Mailer mailer;
    private final AccountOptions options;

    EmailVerifications(Profiles profiles, OneTimeTokens tokens, Mailer mailer, AccountOptions options) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.mailer = mailer;
        this.options = options;
    }

    /** After a registration: the verification e-mail, unless verification is off or the user gave no address. */
    void sendOnRegistration(User user) {
        if (options.verification() != AccountSettings.EmailVerification.NONE
                && !user.email().isEmpty()) {
            send(user.id(), user.username(), user.email());
        }
    }

    private void send(long id, String username, String email) {
        String key = tokens.issue(OneTimeTokens.Purpose.EMAIL_CONFIRMATION, id, options.confirmationExpiry());
        String link = Links.of(mailer, options.confirmationUrl(), Map.of("key", key));
        mailer.send(
                TEMPLATE,
                email,
                Map.of(
                        "username",
                        username,
                        "activate_url",
                        link,
                        "timeout_description",
                        Links.describe(options.confirmationExpiry())));
    }

    /** Confirms the address of a key's user. */
    RestAuthDetail verify(VerifyEmail in) {
        Optional<Long> user =
                tokens.check(OneTimeTokens.Purpose.EMAIL_CONFIRMATION, in.key().strip(), Optional.empty());
        if (user.isEmpty()) {
            throw new NotFound(); // allauth's get_object_or_404: DRF's "Not found."
        }
        profiles.verify(user.get()); // the key matched the user's current address: that one is confirmed
        return new RestAuthDetail(OK);
    }

    /** A new e-mail for each unconfirmed account at the address, in the background; the answer is the same for all. */
    RestAuthDetail resend(ResendEmail in) {
        String email = Addresses.require("email", in.email());
        mailer.background(() -> profiles.holders(email).stream()
                .filter(h -> !h.emailVerified())
                .forEach(h -> send(h.id(), h.username(), h.email())));
        return new RestAuthDetail(OK);
    }
}
