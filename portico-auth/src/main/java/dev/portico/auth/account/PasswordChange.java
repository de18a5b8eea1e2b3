package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * A password change by the logged-in user: dj-rest-auth's {@code PasswordChangeSerializer}, with the old password
 * always required.
 *
 * @param oldPassword the current password
 * @param newPassword1 the new password
 * @param newPassword2 the new password again
 */
public record PasswordChange(@JsonProperty("old_password") @NotBlank String oldPassword,
                             @JsonProperty("new_password1") @NotBlank String newPassword1,
                             @JsonProperty("new_password2") @NotBlank String newPassword2) {
}
