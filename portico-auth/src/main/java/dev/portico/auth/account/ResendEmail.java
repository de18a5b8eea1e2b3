package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;

/**
 * A request for a new verification e-mail: dj-rest-auth's {@code ResendEmailVerificationSerializer}.
 *
 * @param email the address to confirm
 */
public record ResendEmail(@NotBlank String email) {}
