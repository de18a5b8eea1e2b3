package dev.portico.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portico.auth.accounts.Secrets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/**
 * Signs and verifies tokens: no database, only the keys, the claims rules and the clock. Verification accepts
 * only the pinned algorithm, checks the signature before reading any claim, then {@code token_type}, {@code iss},
 * {@code aud}, {@code exp}, {@code nbf} and {@code iat} with the leeway, as PyJWT does for simplejwt.
 */
final class TokenCodec {
    static final String TYPE_CLAIM = "token_type";
    static final String EPOCH_CLAIM = "ep";
    /** Far above any token this codec makes; a longer header is refused before it is parsed. */
    static final int MAX_LENGTH = 4096;

    private final JwtKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration leeway;
    private final Clock clock;
    private final String userIdClaim;

    TokenCodec(JwtKeys keys, String issuer, String audience, Duration leeway, Clock clock) {
        this(keys, issuer, audience, leeway, clock, JwtSettings.USER_ID_CLAIM.defaultValue());
    }

    /**
     * A codec whose tokens carry the user's id in {@code userIdClaim}: Simple JWT's {@code USER_ID_CLAIM}, a number
     * in {@code user_id} by default; in {@code sub} it is a string, as RFC 7519 wants.
     */
    TokenCodec(JwtKeys keys, String issuer, String audience, Duration leeway, Clock clock, String userIdClaim) {
        this.userIdClaim = userIdClaim;
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.leeway = leeway;
        this.clock = clock;
    }

    /** 128 random bits as 32 hex digits: token and family ids. */
    static String randomId() {
        return Secrets.hex(16);
    }

    /** A signed token; {@code now} is whole seconds, as the claims carry it. */
    String sign(TokenType type, long userId, long epoch, String jti, Instant now, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim(TYPE_CLAIM, type.claim())
                .claim(userIdClaim, userIdClaim.equals("sub") ? Long.toString(userId) : (Object) userId)
                .jwtID(jti)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .issuer(issuer)
                .audience(audience)
                .claim(EPOCH_CLAIM, epoch)
                .build();
        JWSHeader header = new JWSHeader.Builder(keys.algorithm().jws())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The current time in whole seconds. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The claims of {@code token} when it is a valid token of {@code expected} type (any type when null).
     *
     * @throws TokenRejected saying why, for the debug log
     */
    TokenClaims verify(String token, TokenType expected) throws TokenRejected {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            throw TokenRejected.forged("empty or too long");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) { // a crafted header may trip more than ParseException
            throw TokenRejected.forged("malformed");
        }
        if (!keys.algorithm().jws().equals(jwt.getHeader().getAlgorithm())) {
            throw TokenRejected.forged(
                    "algorithm " + jwt.getHeader().getAlgorithm() + " is not the pinned " + keys.algorithm());
        }
        try {
            if (!jwt.verify(keys.verifier())) {
                throw TokenRejected.forged("bad signature");
            }
        } catch (JOSEException | IllegalStateException e) {
            throw TokenRejected.forged("signature could not be checked");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw TokenRejected.forged("claims are not a JSON object");
        }
        return check(claims, expected);
    }

    private TokenClaims check(JWTClaimsSet claims, TokenType expected) throws TokenRejected {
        try {
            TokenType type = type(claims.getStringClaim(TYPE_CLAIM));
            if (expected != null && type != expected) {
                throw new TokenRejected("a " + type.claim() + " token where " + expected.claim() + " was wanted");
            }
            if (!issuer.equals(claims.getIssuer())) {
                throw new TokenRejected("wrong issuer");
            }
            List<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(audience)) {
                throw new TokenRejected("wrong audience");
            }
            Instant now = clock.instant();
            Instant exp = required(claims.getExpirationTime(), "exp");
            Instant iat = required(claims.getIssueTime(), "iat");
            if (!now.isBefore(exp.plus(leeway))) {
                throw new TokenRejected("expired");
            }
            Date nbf = claims.getNotBeforeTime();
            if (nbf != null && nbf.toInstant().isAfter(now.plus(leeway)) || iat.isAfter(now.plus(leeway))) {
                throw new TokenRejected("not yet valid");
            }
            String jti = claims.getJWTID();
            Long epoch = claims.getLongClaim(EPOCH_CLAIM);
            Object user = claims.getClaim(userIdClaim);
            if (jti == null || jti.isEmpty() || epoch == null || user == null) {
                throw new TokenRejected("jti, ep or " + userIdClaim + " missing");
            }
            long userId = user instanceof Number n && n.longValue() == n.doubleValue()
                    ? n.longValue()
                    : Long.parseLong((String) user); // anything else: a ClassCastException, refused below
            return new TokenClaims(type, userId, jti, epoch, iat, exp);
        } catch (ParseException | RuntimeException e) { // a claim of the wrong JSON type, a sub that is no number
            throw new TokenRejected("a claim has the wrong type");
        }
    }

    private static TokenType type(String claim) throws TokenRejected {
        for (TokenType t : TokenType.values()) {
            if (t.claim().equals(claim)) {
                return t;
            }
        }
        throw new TokenRejected("no token_type");
    }

    private static Instant required(Date date, String name) throws TokenRejected {
        if (date == null) {
            throw new TokenRejected(name + " missing");
        }
        return date.toInstant();
    }
}
