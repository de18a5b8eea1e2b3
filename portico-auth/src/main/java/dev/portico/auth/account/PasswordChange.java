package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * A password change by the logged-in user: dj-rest-auth's {@code PasswordChangeSerializer}. The old password is
 * needed only with {@code auth.account.old-password-required} (dj-rest-auth's {@code OLD_PASSWORD_FIELD_ENABLED},
 * false by default); otherwise it is ignored when sent.
 *
 * @param oldPassword the current password
 * @param newPassword1 the new password
 * @param newPassword2 the new password again
 */
public record PasswordChange(
        @JsonProperty("old_password") Optional<String> oldPassword,
        @JsonProperty("new_password1") @NotBlank String newPassword1,
        @JsonProperty("new_password2") @NotBlank String newPassword2) {}
