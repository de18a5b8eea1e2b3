package dev.portico.auth.jwt;

/**
 * The answer of {@code POST /auth/obtain_token/}, as simplejwt's {@code TokenObtainPairView}.
 *
 * @param refresh the refresh token, for {@code /auth/refresh_token/}
 * @param access the access token, for {@code Authorization: Bearer}
 */
public record TokenPair(String refresh, String access) {
    @Override
    public String toString() {
        return "TokenPair[tokens hidden]";
    }
}
