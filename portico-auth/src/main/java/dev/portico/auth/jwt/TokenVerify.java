package dev.portico.auth.jwt;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /auth/verify_token/}.
 *
 * @param token an access or refresh token
 */
public record TokenVerify(@NotBlank String token) {
    @Override
    public String toString() {
        return "TokenVerify[token hidden]";
    }
}
