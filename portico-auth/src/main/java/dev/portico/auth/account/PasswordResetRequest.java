package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;

/**
 * A request for a password-reset e-mail: dj-rest-auth's {@code PasswordResetSerializer}.
 *
 * @param email the address of the account
 */
public record PasswordResetRequest(@NotBlank String email) {}
