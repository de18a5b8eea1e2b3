package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password chosen through the link of a password-reset e-mail: dj-rest-auth's
 * {@code PasswordResetConfirmSerializer}.
 *
 * @param newPassword1 the new password
 * @param newPassword2 the new password again
 * @param uid the user's id in unpadded base64url, from the link
 * @param token the one-time token, from the link
 */
public record PasswordResetConfirm(
        @JsonProperty("new_password1") @NotBlank @Size(max = 128)
        String newPassword1,

        @JsonProperty("new_password2") @NotBlank @Size(max = 128)
        String newPassword2,

        @NotBlank String uid,
        @NotBlank String token) {

    @Override
    public String toString() {
        return "PasswordResetConfirm[uid=" + uid + "]"; // never the token or the passwords in a log
    }
}
