package dev.portico.auth.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * What a user may change of their own account with PATCH: each field only when sent. Staff, superuser and active are
 * not fields here, so no request can set them (an unknown field is a 400). A new email address is unconfirmed.
 *
 * @param username a new username
 * @param email a new email address, or empty for none
 * @param firstName a new first name, possibly empty
 * @param lastName a new last name, possibly empty
 */
public record PatchedUserDetails(
        Optional<@NotBlank String> username,
        Optional<String> email,
        @JsonProperty("first_name") Optional<@Size(max = 150) String> firstName,
        @JsonProperty("last_name") Optional<@Size(max = 150) String> lastName) {}
