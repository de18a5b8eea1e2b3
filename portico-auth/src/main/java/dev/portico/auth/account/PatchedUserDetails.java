package dev.portico.auth.account;

import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/**
 * What a user may change of their own account: the username and the email, each only when sent. Staff, superuser
 * and active are not fields here, so no request can set them (an unknown field is a 400).
 *
 * @param username a new username
 * @param email a new email address, or empty for none
 */
public record PatchedUserDetails(Optional<@NotBlank String> username, Optional<String> email) {
}
