package dev.portico.auth.account;

/**
 * A login or a registration with JWT on: dj-rest-auth's {@code JWTSerializer} (its {@code USE_JWT}, with the refresh
 * token in the body, as {@code JWT_AUTH_HTTPONLY=False}).
 *
 * @param access the access token, for {@code Authorization: Bearer <access>}
 * @param refresh the refresh token, for {@code token/refresh/}
 * @param user the user
 */
public record JwtLogin(String access, String refresh, UserDetails user) {

    @Override
    public String toString() {
        return "JwtLogin[user=" + user.username() + "]";
    }
}
