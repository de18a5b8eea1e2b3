package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * The user's own account replaced with PUT, as DRF's {@code UpdateModelMixin.update}: the username is required,
 * the names and the email address are optional (blank in the model), and a name left out keeps its value.
 *
 * @param username the username
 * @param email a new email address, or empty for none
 * @param firstName the first name, possibly empty
 * @param lastName the last name, possibly empty
 */
public record UserUpdate(
        @NotBlank String username,
        Optional<String> email,
        @JsonProperty("first_name") Optional<@Size(max = 150) String> firstName,
        @JsonProperty("last_name") Optional<@Size(max = 150) String> lastName) {

    PatchedUserDetails patch() {
        return new PatchedUserDetails(Optional.of(username), email, firstName, lastName);
    }
}
