package dev.portico.auth.account;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.PasswordValidators;
import dev.portico.auth.accounts.User;
import dev.portico.auth.accounts.Users;
import dev.portico.auth.mail.Mailer;
import dev.portico.auth.session.Sessions;
import dev.portico.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dj-rest-auth's password reset. {@code password/reset/} always answers {@code Password reset e-mail has been
 * sent.} at once and looks the address up in the background, so neither the answer nor its time tells whether the
 * address has an account; each active account there with a usable password gets an e-mail with a link holding its
 * uid (the id in base64url, as Django's {@code urlsafe_base64_encode}) and a one-time token ({@link OneTimeTokens}).
 * {@code password/reset/confirm/} sets the new password and ends every session and token of the user, and their API
 * keys with {@code auth.account.reset-revokes-api-keys}.
 */
final class PasswordResets {
    static final String TEMPLATE = "password_reset_key";
    static final String SENT = "Password reset e-mail has been sent.";
    static final String DONE = "Password has been reset with the new password.";
    static final String INVALID = "Invalid value";

    private final Users users;
    private final Sessions sessions;
    private final Profiles profiles;
    private final OneTimeTokens tokens;
    private final Mailer mailer;
    private final AccountOptions options;

    PasswordResets(
            Accounts accounts,
            Sessions sessions,
            Profiles profiles,
            OneTimeTokens tokens,
            Mailer mailer,
            AccountOptions options) {
        this.users = accounts.users();
        this.sessions = sessions;
        this.profiles = profiles;
        this.tokens = tokens;
        this.mailer = mailer;
        this.options = options;
    }

    RestAuthDetail request(PasswordResetRequest in) {
        String email = Addresses.require("email", in.email());
        mailer.background(() -> profiles.holders(email).stream()
                .filter(Profiles.Holder::usablePassword)
                .forEach(this::send));
        return new RestAuthDetail(SENT);
    }

    private void send(Profiles.Holder holder) {
        String token = tokens.issue(OneTimeTokens.Purpose.PASSWORD_RESET, holder.id(), options.resetTimeout());
        String link = Links.of(mailer, options.resetUrl(), Map.of("uid", uid(holder.id()), "token", token));
        mailer.send(
                TEMPLATE,
                holder.email(),
                Map.of(
                        "username",
                        holder.username(),
                        "password_reset_url",
                        link,
                        "timeout_description",
                        Links.describe(options.resetTimeout())));
    }

    RestAuthDetail confirm(PasswordResetConfirm in) {
        long id = id(in.uid())
                .filter(i -> users.find(i).isPresent())
                .orElseThrow(() -> ValidationFailed.of("uid", INVALID));
        if (tokens.check(OneTimeTokens.Purpose.PASSWORD_RESET, in.token(), Optional.of(id))
                .isEmpty()) {
            throw ValidationFailed.of("token", INVALID);
        }
        if (!in.newPassword1().equals(in.newPassword2())) {
            throw ValidationFailed.of("new_password2", AccountActions.MISMATCH);
        }
        User user = users.find(id).orElseThrow();
        List<String> problems = users.passwordProblems(in.newPassword2(), PasswordValidators.attributes(user));
        if (!problems.isEmpty()) {
            throw new ValidationFailed(Map.of("new_password2", problems));
        }
        if (!tokens.spend(in.token())) {
            throw ValidationFailed.of("token", INVALID); // another request spent it meanwhile
        }
        users.setPassword(id, in.newPassword1()); // raises the epoch: every token and session ends
        sessions.endAll(id);
        if (options.resetRevokesKeys()) {
            profiles.revokeKeys(id);
        }
        return new RestAuthDetail(DONE);
    }

    /** Django's {@code urlsafe_base64_encode(force_bytes(pk))}: the decimal id in unpadded base64url. */
    static String uid(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<Long> id(String uid) {
        try {
            String decimal = new String(Base64.getUrlDecoder().decode(uid.strip()), StandardCharsets.US_ASCII);
            return decimal.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(decimal)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
