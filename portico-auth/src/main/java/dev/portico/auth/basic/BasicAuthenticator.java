package dev.portico.auth.basic;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Guesses;
import dev.portico.auth.SecurityScheme;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthorizationHeader;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.Users;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic, {@code Authorization: Basic base64(username:password)}, in seed 002's two forms:
 * <ul>
 *   <li>{@code username:password}: the user as themselves (the seed discourages it: full access);</li>
 *   <li>{@code username:keyid:secret}: one of that user's API keys, acting as the key's role (recommended).</li>
 * </ul>
 * A password with the shape of a key ({@code k-} and 16 hex digits, a colon, the rest) is always taken as a key.
 * Refusals are 401 in DRF's sentences ({@code Invalid username/password.}); a key of another user is refused just
 * as a wrong password is, before its last use is recorded. The challenge is {@value #CHALLENGE}, sent when Basic is
 * the endpoint's first scheme that has a challenge; a refusal carries none of its own, so a bad Basic attempt on an endpoint whose first
 * scheme is Bearer does not make a browser show its Basic prompt. The credentials are UTF-8 (RFC 7617), or
 * ISO-8859-1 when they are not valid UTF-8, as DRF falls back.
 * <pre>{@code
 * Portico.builder().authenticators(BasicAuthenticator.create(accounts, ApiKeys.create(accounts)))
 * }</pre>
 */
public final class BasicAuthenticator implements Authenticator {
    /** The {@code WWW-Authenticate} value. */
    public static final String CHALLENGE = "Basic realm=\"api\"";

    static final String INVALID = "Invalid username/password.";

    private final Users users;
    private final ApiKeys keys;

    private BasicAuthenticator(Users users, ApiKeys keys) {
        this.users = users;
        this.keys = keys;
    }

    /** Checks passwords against {@code accounts} and keys against {@code keys}. */
    public static BasicAuthenticator create(Accounts accounts, ApiKeys keys) {
        return new BasicAuthenticator(accounts.users(), keys);
    }

    @Override
    public Optional<Principal> authenticate(Request request) {
        Optional<String> credentials = AuthorizationHeader.credentials(request, "Basic", "basic");
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        String decoded = decode(credentials.get());
        int colon = decoded.indexOf(':');
        String username = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        Optional<Caller> caller;
        if (ApiKeys.isCredential(password)) { // a random key, cheap to check: only its failures are counted
            caller = keys.authenticateFor(username, password);
            if (caller.isEmpty()) {
                Guesses.of(request).failed(request, username);
            }
        } else { // a password: 429 before the hash once the guesses are spent
            caller = users.authenticate(request, username, password).flatMap(u -> users.caller(u.id()));
        }
        return Optional.of(caller.orElseThrow(() -> new AuthenticationFailed(INVALID)));
    }

    @Override
    public Optional<String> challenge() {
        return Optional.of(CHALLENGE);
    }

    private static String decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailed("Invalid basic header. Credentials not correctly base64 encoded.");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** {@code basicAuth}: HTTP Basic, with a password or {@code keyid:secret}. */
    @Override
    public Optional<SecurityScheme> scheme() {
        return Optional.of(SecurityScheme.basic("basicAuth")
                .description("A username and password, or a username and one of its API keys as keyid:secret."));
    }

    @Override
    public Class<? extends Principal> principalType() {
        return Caller.class;
    }
}
