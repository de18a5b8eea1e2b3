package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;

/**
 * The key of a verification e-mail: dj-rest-auth's {@code VerifyEmailSerializer}.
 *
 * @param key the key, from the link
 */
public record VerifyEmail(@NotBlank String key) {

    @Override
    public String toString() {
        return "VerifyEmail[...]";
    }
}
