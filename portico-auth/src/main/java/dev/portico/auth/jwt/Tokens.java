package dev.portico.auth.jwt;

import dev.portico.auth.Guesses;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.User;
import dev.portico.auth.accounts.Users;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies the JWTs of an application's accounts: short-lived access tokens, and refresh tokens
 * recorded in families so that a spent one presented again revokes the lot.
 * <pre>{@code
 * Tokens tokens = Tokens.create(accounts, config);       // fails at startup without auth.jwt.secret (HS256)
 * TokenPair pair = tokens.obtain(user);                  // after users().authenticate(username, password)
 * Caller caller = tokens.authenticate(pair.access());    // what JwtAuthenticator does per request
 * TokenRefreshed next = tokens.refresh(pair.refresh());  // a new access token (and refresh token, rotating)
 * }</pre>
 * Every token carries the user's {@code auth_epoch} ({@code ep}), so {@link Users#endAllSessions},
 * {@link Users#setPassword} and {@link Users#setActive} end the user's tokens at once. Verification is one
 * signature check and one user lookup, with nothing cached. Time is the accounts' clock.
 */
public final class Tokens {
    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);

    private final Users users;
    private final TokenCodec codec;
    private final RefreshTokens store;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Duration leeway;
    private final boolean rotate;
    private final JwtKeys keys;
    private final java.util.List<String> headerTypes;

    private Tokens(Accounts accounts, PorticoConfig config, JwtKeys keys) {
        this.users = accounts.users();
        this.keys = keys;
        this.leeway = positive(config, JwtSettings.LEEWAY, true);
        this.accessLifetime = positive(config, JwtSettings.ACCESS_LIFETIME, false);
        this.refreshLifetime = positive(config, JwtSettings.REFRESH_LIFETIME, false);
        this.rotate = config.get(JwtSettings.ROTATE_REFRESH);
        String issuer = config.get(JwtSettings.ISSUER);
        String audience = config.get(JwtSettings.AUDIENCE);
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalStateException(JwtSettings.ISSUER.key() + " and " + JwtSettings.AUDIENCE.key()
                    + " must not be blank: every token names and is checked against both");
        }
        String userIdClaim = config.get(JwtSettings.USER_ID_CLAIM).strip();
        if (userIdClaim.isEmpty()
                || java.util.Set.of(
                                TokenCodec.TYPE_CLAIM, TokenCodec.EPOCH_CLAIM, "jti", "iat", "nbf", "exp", "iss", "aud")
                        .contains(userIdClaim)) {
            throw new IllegalStateException(JwtSettings.USER_ID_CLAIM.key() + " must name a claim of its own, such as "
                    + "user_id or sub, not \"" + userIdClaim + "\"");
        }
        this.headerTypes = java.util.Arrays.stream(
                        config.get(JwtSettings.HEADER_TYPES).split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
        if (headerTypes.isEmpty() || headerTypes.stream().anyMatch(t -> !t.matches("[A-Za-z][A-Za-z0-9-]*"))) {
            throw new IllegalStateException(JwtSettings.HEADER_TYPES.key() + " must list one or more keywords, such as "
                    + "Bearer or Bearer,JWT, not \"" + config.get(JwtSettings.HEADER_TYPES) + "\"");
        }
        this.codec = new TokenCodec(keys, issuer, audience, leeway, accounts.clock(), userIdClaim);
        this.store = new RefreshTokens(accounts.database().jdbi());
    }

    private static Duration positive(
            PorticoConfig config, dev.portico.config.Setting<Duration> setting, boolean zeroAllowed) {
        Duration d = config.get(setting);
        if (d.isNegative() || !zeroAllowed && d.isZero()) {
            throw new IllegalStateException(
                    setting.key() + " must be " + (zeroAllowed ? "zero or more" : "positive") + ", not " + d);
        }
        return d;
    }

    /**
     * The tokens of {@code accounts}, with the {@code auth.jwt.*} settings of {@code config} (registered with
     * {@link JwtSettings#register}) and the keys they name.
     *
     * @throws IllegalStateException naming the setting when a key is missing or unusable
     */
    public static Tokens create(Accounts accounts, PorticoConfig config) {
        return create(accounts, config, JwtKeys.create(config));
    }

    /** The same, with keys made otherwise ({@link JwtKeys#localDevelopment}, or in tests). */
    public static Tokens create(Accounts accounts, PorticoConfig config, JwtKeys keys) {
        config.register(JwtSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        return new Tokens(accounts, config, keys);
    }

    /** The keys, and so the pinned algorithm. */
    public JwtKeys keys() {
        return keys;
    }

    /** The {@code Authorization} keywords of an access token ({@code auth.jwt.header-types}), the challenge's first. */
    public java.util.List<String> headerTypes() {
        return headerTypes;
    }

    /** Whether a refresh returns a new refresh token and spends the old one. */
    public boolean rotates() {
        return rotate;
    }

    /** An access and a refresh token for {@code user}, the refresh token the first of a new family. */
    public TokenPair obtain(User user) {
        requireActive(user);
        Instant now = codec.now();
        String family = TokenCodec.randomId();
        String jti = TokenCodec.randomId();
        store.jdbi().useTransaction(h -> store.start(h, family, user.id(), jti, now, now.plus(refreshLifetime)));
        String refresh = codec.sign(TokenType.REFRESH, user.id(), user.authEpoch(), jti, now, refreshLifetime);
        return new TokenPair(refresh, access(user, now));
    }

    /** An access token for {@code user} alone. */
    public String access(User user) {
        requireActive(user);
        return access(user, codec.now());
    }

    private String access(User user, Instant now) {
        return codec.sign(TokenType.ACCESS, user.id(), user.authEpoch(), TokenCodec.randomId(), now, accessLifetime);
    }

    private static void requireActive(User user) {
        if (!user.active()) {
            throw new IllegalArgumentException("user " + user.id() + " is inactive: no token is issued to them");
        }
    }

    /**
     * The claims of {@code token} when its signature, algorithm, type, issuer, audience and times are right; the
     * user is not looked up.
     *
     * @throws InvalidToken otherwise
     */
    public TokenClaims verify(String token, TokenType type) {
        return claims(token, java.util.Objects.requireNonNull(type, "type"));
    }

    /** The claims of a valid token of {@code type}, of either type when it is null. */
    private TokenClaims claims(String token, TokenType type) {
        return claims(token, type, () -> {});
    }

    /** As above, running {@code forged} first when the token is not one this server made. */
    private TokenClaims claims(String token, TokenType type, Runnable forged) {
        try {
            return codec.verify(token, type);
        } catch (TokenRejected e) {
            if (e.forged()) {
                forged.run();
            }
            throw rejected(e.getMessage(), InvalidToken.atEndpoint());
        }
    }

    /**
     * The caller an access token speaks for: a valid access token of an active user whose epoch has not moved.
     *
     * @throws InvalidToken ({@code Given token not valid for any token type}) otherwise
     */
    public Caller authenticate(String accessToken) {
        return authenticate(accessToken, () -> {});
    }

    /**
     * {@link #authenticate(String)} with a forged token (malformed, or a signature this server never made) counted
     * as a failed authentication of the request's client address; once it failed too often, 429 instead of 401.
     * An expired or revoked token is the normal end of a real one and is not counted.
     */
    public Caller authenticate(Request request, String accessToken) {
        return authenticate(accessToken, () -> Guesses.of(request).failed(request));
    }

    private Caller authenticate(String accessToken, Runnable forged) {
        TokenClaims claims;
        try {
            claims = codec.verify(accessToken, TokenType.ACCESS);
        } catch (TokenRejected e) {
            if (e.forged()) {
                forged.run();
            }
            throw rejected(e.getMessage(), InvalidToken.bearer());
        }
        Optional<Caller> caller = users.caller(claims.userId());
        if (caller.isEmpty()) {
            throw rejected("user " + claims.userId() + " is gone or inactive", InvalidToken.bearer());
        }
        if (caller.get().user().authEpoch() != claims.epoch()) {
            throw rejected("user " + claims.userId() + " ended their sessions since", InvalidToken.bearer());
        }
        return caller.get();
    }

    /**
     * A new access token for a valid refresh token. Rotating, the refresh token is spent and a new one of its
     * family returned; presenting a spent one again revokes the family, so every refresh of it fails from then on.
     * Of two concurrent refreshes of one token exactly one succeeds.
     *
     * @throws InvalidToken ({@code Token is invalid or expired}) when the token is not valid, spent or revoked
     */
    public TokenRefreshed refresh(String refreshToken) {
        return refresh(refreshToken, () -> {});
    }

    /**
     * {@link #refresh(String)} with a forged token counted as a failed authentication of the request's client address,
     * as the authenticators count theirs: 429 once it failed too often. A spent or expired one is not counted.
     */
    public TokenRefreshed refresh(Request request, String refreshToken) {
        return refresh(refreshToken, () -> Guesses.of(request).failed(request));
    }

    private TokenRefreshed refresh(String refreshToken, Runnable forged) {
        TokenClaims claims = claims(refreshToken, TokenType.REFRESH, forged);
        User user = currentUser(claims);
        Instant now = codec.now();
        if (!rotate) {
            RefreshTokens.State state = store.state(claims.jti());
            if (state != RefreshTokens.State.LIVE) {
                throw rejected("refresh token " + state, refused(state));
            }
            return new TokenRefreshed(access(user, now), Optional.empty());
        }
        String next = TokenCodec.randomId();
        Optional<String> family = store.jdbi().inTransaction(h -> {
            Optional<String> spent = store.spend(h, claims.jti(), now);
            spent.ifPresent(f -> store.add(h, f, user.id(), next, now, now.plus(refreshLifetime)));
            return spent;
        });
        if (family.isEmpty()) {
            RefreshTokens.State state = store.state(claims.jti());
            if (state == RefreshTokens.State.USED) {
                store.revokeFamilyOf(claims.jti(), user.id(), now);
            }
            throw rejected("refresh token " + state, refused(state));
        }
        String refresh = codec.sign(TokenType.REFRESH, user.id(), user.authEpoch(), next, now, refreshLifetime);
        return new TokenRefreshed(access(user, now), Optional.of(refresh));
    }

    /**
     * Checks a token of either type as the verify endpoint does: valid, its user active with the same epoch, and a
     * refresh token neither spent nor revoked.
     *
     * @throws InvalidToken ({@code Token is invalid or expired}) otherwise
     */
    public void check(String token) {
        check(token, () -> {});
    }

    /** {@link #check(String)} with a forged token counted as a failed authentication of the request's address. */
    public void check(Request request, String token) {
        check(token, () -> Guesses.of(request).failed(request));
    }

    private void check(String token, Runnable forged) {
        TokenClaims claims = claims(token, null, forged);
        currentUser(claims);
        if (claims.type() == TokenType.REFRESH) {
            RefreshTokens.State state = store.state(claims.jti());
            if (state != RefreshTokens.State.LIVE) {
                throw rejected("refresh token " + state, refused(state));
            }
        }
    }

    /**
     * simplejwt's blacklisting of a refresh token, as dj-rest-auth's logout does with the {@code refresh} it is sent:
     * the token's whole family (every token rotated from the same login) is revoked, so neither it nor any later
     * token of that login refreshes again ({@value InvalidToken#BLACKLISTED}). A token spent by a rotation revokes
     * its family too: whoever holds the live one is logged out as well.
     *
     * @throws InvalidToken ({@code Token is invalid or expired}) when it is no valid refresh token of an active user,
     *                      ({@code Token is blacklisted}) when its family was revoked already
     */
    public void revoke(String refreshToken) {
        TokenClaims claims = verify(refreshToken, TokenType.REFRESH);
        User user = currentUser(claims);
        RefreshTokens.State state = store.state(claims.jti());
        if (state == RefreshTokens.State.REVOKED || state == RefreshTokens.State.UNKNOWN) {
            throw rejected("refresh token " + state, refused(state));
        }
        store.revokeFamily(claims.jti(), codec.now());
        LOG.debug("the refresh token family of user {} was revoked at logout", user.id());
    }

    /** simplejwt's sentence for a refresh token that is not live: blacklisted when it was revoked or spent. */
    private static InvalidToken refused(RefreshTokens.State state) {
        return state == RefreshTokens.State.UNKNOWN ? InvalidToken.atEndpoint() : InvalidToken.blacklisted();
    }

    /** Forgets refresh tokens past their expiry (and the leeway), with families left empty; how many went. */
    public int deleteExpired() {
        return store.deleteExpired(codec.now().minus(leeway));
    }

    /**
     * The same without the signing keys, which forgetting needs none of: simplejwt's {@code flushexpiredtokens},
     * for the {@code clearsessions} command. The leeway is {@code auth.jwt.leeway} of {@code config}.
     */
    public static int deleteExpired(Accounts accounts, PorticoConfig config) {
        Instant cutoff = accounts.clock().instant().minus(positive(config, JwtSettings.LEEWAY, true));
        return new RefreshTokens(accounts.database().jdbi()).deleteExpired(cutoff);
    }

    private User currentUser(TokenClaims claims) {
        Optional<User> user = users.find(claims.userId()).filter(User::active);
        if (user.isEmpty() || user.get().authEpoch() != claims.epoch()) {
            throw rejected(
                    "user " + claims.userId() + " is gone, inactive or ended their sessions",
                    InvalidToken.atEndpoint());
        }
        return user.get();
    }

    private static InvalidToken rejected(String reason, InvalidToken answer) {
        LOG.debug("token refused: {}", reason);
        return answer;
    }
}
