package dev.portico.auth.account;

import dev.portico.auth.jwt.InvalidToken;
import dev.portico.auth.jwt.TokenRefresh;
import dev.portico.auth.jwt.TokenRefreshed;
import dev.portico.auth.jwt.TokenVerified;
import dev.portico.auth.jwt.TokenVerify;
import dev.portico.auth.jwt.Tokens;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import java.util.List;

/** dj-rest-auth's JWT URLs, {@code token/refresh/} and {@code token/verify/}: Simple JWT's views on {@link Tokens}. */
final class TokenEndpoints {
    private TokenEndpoints() {}

    static List<Endpoint> of(AccountEndpoints e, Tokens tokens) {
        Endpoint refresh = e.token(HttpMethod.POST, "token/refresh/")
                .output(TokenRefreshed.class)
                .body(TokenRefresh.class)
                .<TokenRefresh>handleBody((request, in) -> tokens.refresh(request, in.refresh()))
                .operationId("refreshJwt")
                .summary("Refresh an access token")
                .description("Trades a refresh token for a new access token (and, rotating, a new refresh token).")
                .response(401, InvalidToken.class)
                .build();
        Endpoint verify = e.token(HttpMethod.POST, "token/verify/")
                .output(TokenVerified.class)
                .body(TokenVerify.class)
                .<TokenVerify>handleBody((request, in) -> {
                    tokens.check(request, in.token());
                    return new TokenVerified();
                })
                .operationId("verifyJwt")
                .summary("Verify a token")
                .description("Answers {} when the access or refresh token is valid now, 401 otherwise.")
                .response(401, InvalidToken.class)
                .build();
        return List.of(refresh, verify);
    }
}
