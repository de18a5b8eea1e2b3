package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * What a user may change of their own account: the username and the email, each only when sent. Staff, superuser
 * and active are not fields here, so no request can set them (an unknown field is a 400).
 *
 * @param username a new username
 * @param email a new email address, or empty for none
 * @param csrfToken the CSRF token, when an HTML form posts it; other clients send the {@code X-CSRFToken} header
 */
public record PatchedUserDetails(Optional<@NotBlank String> username, Optional<String> email,
                                 @JsonProperty("csrf_token") Optional<String> csrfToken) {
}
