package dev.portico.auth.jwt;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * The {@code auth.jwt.*} settings. An application that mounts JWT registers them beside the accounts settings:
 * {@code Manage.create(App::app).settings(AuthSettings::register).settings(JwtSettings::register)}.
 *
 * <p>There is no default secret: {@link JwtKeys#create(PorticoConfig)} fails at startup without one, naming the
 * setting and how to make one. A developer's machine may use {@link JwtKeys#localDevelopment}.
 */
public final class JwtSettings {
    /** The one algorithm tokens are signed and verified with. */
    public static final Setting<JwtAlgorithm> ALGORITHM = Setting.choice(
            "auth.jwt.algorithm",
            JwtAlgorithm.class,
            JwtAlgorithm.HS256,
            "the one JWS algorithm of tokens (hs256, rs256 or eddsa); no other is accepted");
    /** The HS256 key. */
    public static final Setting<String> SECRET = Setting.secret(
            "auth.jwt.secret",
            "",
            "the HS256 signing key, at least 32 bytes (make one with: openssl rand -base64 48); required for hs256");
    /** The PEM private key of RS256 and EdDSA. */
    public static final Setting<String> PRIVATE_KEY = Setting.string(
            "auth.jwt.private-key",
            "",
            "path of the PEM (PKCS#8) private key that signs rs256/eddsa tokens; empty on an instance that only"
                    + " verifies");
    /** The PEM public key of RS256 and EdDSA. */
    public static final Setting<String> PUBLIC_KEY = Setting.string(
            "auth.jwt.public-key",
            "",
            "path of the PEM (X.509 SubjectPublicKeyInfo) public key that verifies rs256/eddsa tokens");
    /** The {@code iss} claim. */
    public static final Setting<String> ISSUER = Setting.string(
            "auth.jwt.issuer", "portico", "the iss claim written into tokens and required of every token verified");
    /** The {@code aud} claim. */
    public static final Setting<String> AUDIENCE = Setting.string(
            "auth.jwt.audience", "api", "the aud claim written into tokens and required of every token verified");
    /** Clock skew allowed on exp, nbf and iat. */
    public static final Setting<Duration> LEEWAY = Setting.duration(
            "auth.jwt.leeway", Duration.ofSeconds(30), "clock skew tolerated when checking exp, nbf and iat");
    /** Lifetime of an access token. */
    public static final Setting<Duration> ACCESS_LIFETIME =
            Setting.duration("auth.jwt.access-lifetime", Duration.ofMinutes(5), "how long an access token is valid");
    /** Lifetime of a refresh token. */
    public static final Setting<Duration> REFRESH_LIFETIME =
            Setting.duration("auth.jwt.refresh-lifetime", Duration.ofDays(1), "how long a refresh token is valid");
    /** Whether a refresh hands out a new refresh token and spends the old one. */
    public static final Setting<Boolean> ROTATE_REFRESH = Setting.bool(
            "auth.jwt.rotate-refresh",
            true,
            "whether refreshing returns a new refresh token and spends the old one (reusing a spent one revokes"
                    + " its family)");

    /** Simple JWT's {@code USER_ID_CLAIM}. */
    public static final Setting<String> USER_ID_CLAIM = Setting.string(
            "auth.jwt.user-id-claim",
            "user_id",
            "the claim that carries the user's id (Simple JWT's USER_ID_CLAIM): a number, or a string in sub");
    /** Simple JWT's {@code AUTH_HEADER_TYPES}. */
    public static final Setting<String> HEADER_TYPES = Setting.string(
            "auth.jwt.header-types",
            "Bearer",
            "the Authorization keywords of an access token, comma-separated (Simple JWT's AUTH_HEADER_TYPES): "
                    + "Bearer,JWT also takes seed 004's JWT <token>; the first one is the challenge's");

    /** Every JWT setting. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(AuthModule.create(db))",
            ALGORITHM,
            SECRET,
            PRIVATE_KEY,
            PUBLIC_KEY,
            ISSUER,
            AUDIENCE,
            LEEWAY,
            ACCESS_LIFETIME,
            REFRESH_LIFETIME,
            ROTATE_REFRESH,
            USER_ID_CLAIM,
            HEADER_TYPES);

    private JwtSettings() {}

    /** Registers every {@code auth.jwt.*} setting on a configuration builder. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }
}
