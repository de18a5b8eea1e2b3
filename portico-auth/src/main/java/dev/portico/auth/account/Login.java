package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * A login: dj-rest-auth's {@code LoginSerializer} with allauth's {@code username_email} method, so either the
 * username or the e-mail address names the account (the address wins when both are sent).
 *
 * @param username the username, exactly
 * @param email the e-mail address, in any case
 * @param password the password
 */
public record Login(
        Optional<String> username,
        Optional<String> email,
        @NotBlank String password) {}
