package dev.portico.auth.jwt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The answer of {@code POST /auth/refresh_token/}, as simplejwt's {@code TokenRefreshView}.
 *
 * @param access a new access token
 * @param refresh a new refresh token of the same family, when {@code auth.jwt.rotate-refresh} is on (the one sent
 *     is spent)
 */
public record TokenRefreshed(
        String access,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> refresh) {
    @Override
    public String toString() {
        return "TokenRefreshed[tokens hidden]";
    }
}
