package dev.portico.auth.jwt;

import dev.portico.annotation.WriteOnly;
import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /auth/obtain_token/}: a user's credentials, as JSON or a form.
 *
 * @param username the username, exactly as registered
 * @param password the password
 */
public record TokenObtain(
        @NotBlank String username, @NotBlank @WriteOnly String password) {
    @Override
    public String toString() {
        return "TokenObtain[username=" + username + ", password hidden]";
    }
}
