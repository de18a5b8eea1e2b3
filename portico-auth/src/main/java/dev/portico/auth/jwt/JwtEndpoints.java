package dev.portico.auth.jwt;

import dev.portico.Portico;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.User;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Request;
import java.util.Optional;

/**
 * simplejwt's three views, at seed 004's paths, as public endpoints (no authenticators, no permissions):
 * <ul>
 *   <li>{@code POST /auth/obtain_token/} {@code {username, password}} → {@code {refresh, access}}; wrong
 *       credentials or an inactive account are 401 {@code No active account found with the given credentials};</li>
 *   <li>{@code POST /auth/refresh_token/} {@code {refresh}} → {@code {access}}, or {@code {access, refresh}}
 *       when rotating;</li>
 *   <li>{@code POST /auth/verify_token/} {@code {token}} → 200 {@code {}}, or 401 {@code token_not_valid}.</li>
 * </ul>
 * Bodies are JSON or forms.
 * <pre>{@code
 * JwtEndpoints.create(accounts, tokens).addTo(app);
 * }</pre>
 */
public final class JwtEndpoints {
    /** Where simplejwt's views are mounted in seed 004. */
    public static final String OBTAIN = "/auth/obtain_token/";
    /** The refresh view's path. */
    public static final String REFRESH = "/auth/refresh_token/";
    /** The verify view's path. */
    public static final String VERIFY = "/auth/verify_token/";

    static final String NO_ACTIVE_ACCOUNT = "No active account found with the given credentials";
    private static final String TAG = "auth";

    private final Accounts accounts;
    private final Tokens tokens;

    private JwtEndpoints(Accounts accounts, Tokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** The endpoints of {@code tokens}, logging in {@code accounts}' users. */
    public static JwtEndpoints create(Accounts accounts, Tokens tokens) {
        return new JwtEndpoints(accounts, tokens);
    }

    /**
     * Adds the three endpoints to {@code app}.
     *
     * @throws IllegalStateException when the keys only verify (no private key), since they could issue nothing
     */
    public Portico.Builder addTo(Portico.Builder app) {
        if (!tokens.keys().canIssue()) {
            throw new IllegalStateException("the JWT endpoints issue tokens, but " + tokens.keys() + " has no private"
                    + " key: set " + JwtSettings.PRIVATE_KEY.key() + ", or mount only the JwtAuthenticator here");
        }
        return app.post(
                        OBTAIN,
                        TokenObtain.class,
                        TokenPair.class,
                        (req, in) -> obtain(req, in),
                        e -> e.authenticators()
                                .permissions()
                                .throttle(accounts.throttle().orElse(null))
                                .operationId("obtainToken")
                                .tags(TAG)
                                .summary("Obtain an access and a refresh token")
                                .description("Trades a username and password for a short-lived access token, sent as "
                                        + "`Authorization: Bearer <access>`, and a refresh token for `" + REFRESH
                                        + "`.")
                                .response(401, AuthenticationFailed.class))
                .post(
                        REFRESH,
                        TokenRefresh.class,
                        TokenRefreshed.class,
                        (req, in) -> tokens.refresh(req, in.refresh()),
                        e -> e.authenticators()
                                .permissions()
                                .operationId("refreshToken")
                                .tags(TAG)
                                .summary("Refresh an access token")
                                .description("Trades a refresh token for a new access token. When refresh tokens "
                                        + "rotate, a new refresh token comes too and the one sent is spent: sending a "
                                        + "spent one again revokes every refresh token descended from the same login.")
                                .response(401, InvalidToken.class))
                .post(
                        VERIFY,
                        TokenVerify.class,
                        TokenVerified.class,
                        (req, in) -> verify(req, in),
                        e -> e.authenticators()
                                .permissions()
                                .operationId("verifyToken")
                                .tags(TAG)
                                .summary("Verify a token")
                                .description(
                                        "Answers `{}` when the access or refresh token is valid now, 401 otherwise.")
                                .response(401, InvalidToken.class));
    }

    private TokenPair obtain(Request request, TokenObtain in) {
        Optional<User> user = accounts.users().authenticate(request, in.username(), in.password());
        if (user.isEmpty()) {
            AuthenticationFailed e = new AuthenticationFailed("no_active_account", NO_ACTIVE_ACCOUNT);
            e.withHeader("WWW-Authenticate", JwtAuthenticator.CHALLENGE);
            throw e;
        }
        return tokens.obtain(user.get());
    }

    private TokenVerified verify(dev.portico.http.Request request, TokenVerify in) {
        tokens.check(request, in.token());
        return new TokenVerified();
    }
}
