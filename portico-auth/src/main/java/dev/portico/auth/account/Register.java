package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * A new account: dj-rest-auth's {@code RegisterSerializer}, the password typed twice.
 *
 * @param username letters, digits and {@code @ . + - _}, at most 150
 * @param email an address, or absent
 * @param password1 the password
 * @param password2 the same password again
 */
public record Register(
        @NotBlank String username,
        Optional<String> email,
        @NotBlank String password1,
        @NotBlank String password2) {}
