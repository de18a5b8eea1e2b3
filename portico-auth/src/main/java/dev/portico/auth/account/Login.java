package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * A session login: dj-rest-auth's {@code LoginSerializer}.
 *
 * @param username the username, exactly
 * @param password the password
 * @param csrfToken the CSRF token, when an HTML form posts it; other clients send the {@code X-CSRFToken} header
 */
public record Login(@NotBlank String username, @NotBlank String password,
                    @JsonProperty("csrf_token") Optional<String> csrfToken) {
}
