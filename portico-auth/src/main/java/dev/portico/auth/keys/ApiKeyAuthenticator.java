package dev.portico.auth.keys;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Guesses;
import dev.portico.auth.SecurityScheme;
import dev.portico.auth.accounts.AuthorizationHeader;
import dev.portico.auth.accounts.Caller;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.Optional;

/**
 * {@code Authorization: Api-Key <keyid>:<secret>} (seed 000's header, with seed 002's credential). The scheme name is
 * case-insensitive. Another scheme, or no header, is left to the next authenticator; a malformed value or a key that
 * is refused for any reason is a 401 saying {@code Invalid API key.}, never which part was wrong.
 *
 * <p>The challenge is {@value #CHALLENGE}: {@code Api-Key} is no registered HTTP scheme, but naming it tells a
 * client what to send. As with every authenticator of this module, a refusal carries no challenge of its own: the
 * pipeline sends the endpoint's, that of its first scheme that has one ({@link dev.portico.auth.Refusal}).
 * <pre>{@code
 * Portico.builder().authenticators(ApiKeyAuthenticator.create(ApiKeys.create(accounts)))
 * }</pre>
 */
public final class ApiKeyAuthenticator implements Authenticator {
    /** The scheme name of the header. */
    public static final String SCHEME = "Api-Key";
    /** The {@code WWW-Authenticate} value. */
    public static final String CHALLENGE = "Api-Key realm=\"api\"";
    /** The sentence of every refused key. */
    public static final String INVALID = "Invalid API key.";

    private final ApiKeys keys;

    private ApiKeyAuthenticator(ApiKeys keys) {
        this.keys = keys;
    }

    /** Checks keys against {@code keys}. */
    public static ApiKeyAuthenticator create(ApiKeys keys) {
        return new ApiKeyAuthenticator(keys);
    }

    @Override
    public Optional<Principal> authenticate(Request request) {
        Optional<String> credential = AuthorizationHeader.credentials(request, SCHEME, "API key");
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> caller = keys.authenticate(credential.get());
        if (caller.isEmpty()) {
            Guesses.of(request).failed(request); // counted by address; 429 once over the limit
            throw new AuthenticationFailed(INVALID);
        }
        return Optional.of(caller.get());
    }

    @Override
    public Optional<String> challenge() {
        return Optional.of(CHALLENGE);
    }

    /** {@code apiKeyAuth}: the {@code Authorization} header with the {@code Api-Key} prefix, as drf-spectacular says. */
    @Override
    public Optional<SecurityScheme> scheme() {
        return Optional.of(SecurityScheme.apiKeyHeader("apiKeyAuth", "Authorization", SCHEME));
    }

    @Override
    public Class<? extends Principal> principalType() {
        return Caller.class;
    }
}
