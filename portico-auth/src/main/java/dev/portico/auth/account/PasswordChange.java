package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * A password change by the logged-in user: dj-rest-auth's {@code PasswordChangeSerializer}, with the old password
 * always required.
 *
 * @param oldPassword the current password
 * @param newPassword1 the new password
 * @param newPassword2 the new password again
 * @param csrfToken the CSRF token, when an HTML form posts it; other clients send the {@code X-CSRFToken} header
 */
public record PasswordChange(@JsonProperty("old_password") @NotBlank String oldPassword,
                             @JsonProperty("new_password1") @NotBlank String newPassword1,
                             @JsonProperty("new_password2") @NotBlank String newPassword2,
                             @JsonProperty("csrf_token") Optional<String> csrfToken) {
}
