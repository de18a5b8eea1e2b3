package dev.portico.auth.jwt;

import dev.portico.auth.Authenticator;
import dev.portico.auth.SecurityScheme;
import dev.portico.auth.accounts.AuthorizationHeader;
import dev.portico.auth.accounts.Caller;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <access token>}: simplejwt's {@code JWTAuthentication}, with the keywords of
 * {@code auth.jwt.header-types} (Simple JWT's {@code AUTH_HEADER_TYPES}; {@code Bearer,JWT} takes seed 004's too).
 * <pre>{@code
 * app.authenticators(JwtAuthenticator.create(tokens), sessions, basic)   // tried in that order
 * }</pre>
 * No {@code Authorization} header, or another scheme, is not this authenticator's business (empty: the next one
 * gets a turn). A bearer token that is malformed, badly signed, expired, a refresh token, or whose user is gone,
 * inactive or has ended their sessions is a 401 {@code token_not_valid} at once. The caller is
 * {@link dev.portico.auth.accounts.Users#caller(long)}: one lookup per request, nothing cached, so revocation
 * takes effect on the next request.
 */
public final class JwtAuthenticator implements Authenticator {
    /** The challenge of simplejwt's views, with the default header type. */
    public static final String CHALLENGE = "Bearer realm=\"api\"";
    /** How the OpenAPI document describes it. */
    public static final SecurityScheme SECURITY_SCHEME = SecurityScheme.bearer("jwtAuth", "JWT");

    private final Tokens tokens;

    private JwtAuthenticator(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The authenticator of {@code tokens}' access tokens. */
    public static JwtAuthenticator create(Tokens tokens) {
        return new JwtAuthenticator(tokens);
    }

    @Override
    public Optional<Principal> authenticate(Request request) {
        // simplejwt's one sentence for "Bearer" alone or "Bearer a b", whichever it was
        for (String type : tokens.headerTypes()) {
            Optional<String> token = AuthorizationHeader.credentials(
                    request,
                    type,
                    problem -> new AuthenticationFailed(
                            "bad_authorization_header",
                            "Authorization header must contain two space-delimited values"));
            if (token.isPresent()) {
                return token.<Principal>map(value -> tokens.authenticate(request, value));
            }
        }
        return Optional.empty();
    }

    /** Simple JWT's: the first header type, realm {@code api}. */
    @Override
    public Optional<String> challenge() {
        return Optional.of(tokens.headerTypes().get(0) + " realm=\"api\"");
    }

    /** {@code jwtAuth}: HTTP bearer, format JWT. */
    @Override
    public Optional<SecurityScheme> scheme() {
        return Optional.of(SECURITY_SCHEME);
    }

    @Override
    public Class<? extends Principal> principalType() {
        return Caller.class;
    }

    @Override
    public String toString() {
        return "JwtAuthenticator[" + tokens.keys().algorithm() + "]";
    }
}
