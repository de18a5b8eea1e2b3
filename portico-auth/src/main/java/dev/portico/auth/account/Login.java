package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;

/**
 * A session login: dj-rest-auth's {@code LoginSerializer}.
 *
 * @param username the username, exactly
 * @param password the password
 */
public record Login(@NotBlank String username, @NotBlank String password) {
}
