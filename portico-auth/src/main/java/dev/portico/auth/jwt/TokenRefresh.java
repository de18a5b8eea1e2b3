package dev.portico.auth.jwt;

import jakarta.validation.constraints.NotBlank;

/**
 * The body of {@code POST /auth/refresh_token/}.
 *
 * @param refresh a refresh token from {@code /auth/obtain_token/} or an earlier refresh
 */
public record TokenRefresh(@NotBlank String refresh) {
    @Override
    public String toString() {
        return "TokenRefresh[token hidden]";
    }
}
