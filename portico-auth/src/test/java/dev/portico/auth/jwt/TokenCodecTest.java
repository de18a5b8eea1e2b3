package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portico.auth.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Signing and verifying without a database: the pinned algorithm, the claims and the leeway. */
class TokenCodecTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration LEEWAY = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final TokenCodec codec = codec(JwtKeys.hmac(SECRET), "portico", "api");

    private TokenCodec codec(JwtKeys keys, String issuer, String audience) {
        return new TokenCodec(keys, issuer, audience, LEEWAY, clock);
    }

    private String access() {
        return codec.sign(TokenType.ACCESS, 7, 3, "a".repeat(32), codec.now(), FIVE_MINUTES);
    }

    private static String reason(TokenCodec codec, String token, TokenType type) {
        try {
            codec.verify(token, type);
        } catch (TokenRejected e) {
            return e.getMessage();
        }
        throw new AssertionError("the token was accepted");
    }

    static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private JWTClaimsSet.Builder claims() {
        Date now = Date.from(clock.instant());
        return new JWTClaimsSet.Builder()
                .claim("token_type", "access")
                .claim("user_id", 7)
                .jwtID("j")
                .claim("ep", 0)
                .issuer("portico")
                .audience("api")
                .issueTime(now)
                .notBeforeTime(now)
                .expirationTime(Date.from(clock.instant().plus(FIVE_MINUTES)));
    }

    private static String signed(JWSAlgorithm alg, com.nimbusds.jose.JWSSigner signer, JWTClaimsSet claims)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void aTokenItSignedVerifiesWithEveryClaim() throws Exception {
        String token = access();
        TokenClaims claims = codec.verify(token, TokenType.ACCESS);
        assertThat(claims)
                .isEqualTo(new TokenClaims(
                        TokenType.ACCESS,
                        7,
                        "a".repeat(32),
                        3,
                        clock.instant(),
                        clock.instant().plus(FIVE_MINUTES)));
        JWTClaimsSet set = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(set.getClaims())
                .containsOnlyKeys("token_type", "user_id", "jti", "iat", "nbf", "exp", "iss", "aud", "ep");
        assertThat(SignedJWT.parse(token).getHeader().toJSONObject())
                .containsEntry("alg", "HS256")
                .containsEntry("typ", "JWT");
    }

    @Test
    void refusesAlgNone() throws Exception {
        String payload = Base64URL.encode(claims().build().toString()).toString();
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + payload + ".";
        assertThat(reason(codec, none, TokenType.ACCESS)).isEqualTo("malformed");
        String noneSigned =
                Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + "." + access().split("\\.")[2];
        assertThat(reason(codec, noneSigned, TokenType.ACCESS))
                .isIn("malformed", "algorithm none is not the pinned HS256");
    }

    @Test
    void refusesHs256SignedWithTheRsaPublicKeyWhenRs256IsPinned() throws Exception {
        KeyPair pair = rsaKeys();
        TokenCodec rs = codec(JwtKeys.rsa(pair), "portico", "api");
        assertThat(rs.verify(rs.sign(TokenType.ACCESS, 7, 0, "j", rs.now(), FIVE_MINUTES), TokenType.ACCESS)
                        .userId())
                .isEqualTo(7);
        byte[] der = pair.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        for (byte[] key : new byte[][] {der, pem.getBytes(StandardCharsets.US_ASCII)}) {
            String forged = signed(JWSAlgorithm.HS256, new MACSigner(key), claims().build());
            assertThat(reason(rs, forged, TokenType.ACCESS)).isEqualTo("algorithm HS256 is not the pinned RS256");
        }
    }

    @Test
    void refusesAnotherAlgorithmEvenWithTheRightKey() throws Exception {
        byte[] longSecret = (new String(SECRET, StandardCharsets.UTF_8) + "-long-enough-for-hs512-0123456789")
                .getBytes(StandardCharsets.UTF_8);
        TokenCodec hs = codec(JwtKeys.hmac(longSecret), "portico", "api");
        String hs512 = signed(JWSAlgorithm.HS512, new MACSigner(longSecret), claims().build());
        assertThat(reason(hs, hs512, TokenType.ACCESS)).isEqualTo("algorithm HS512 is not the pinned HS256");
        KeyPair pair = rsaKeys();
        String rs256 = signed(JWSAlgorithm.RS256, new RSASSASigner(pair.getPrivate()), claims().build());
        assertThat(reason(codec, rs256, TokenType.ACCESS)).isEqualTo("algorithm RS256 is not the pinned HS256");
    }

    @Test
    void refusesAnotherKeyOfThePinnedAlgorithm() throws Exception {
        String other = signed(
                JWSAlgorithm.HS256,
                new MACSigner("another secret of at least 32 bytes, yes".getBytes(StandardCharsets.UTF_8)),
                claims().build());
        assertThat(reason(codec, other, TokenType.ACCESS)).isEqualTo("bad signature");
    }

    @Test
    void expiryAndNotBeforeHoldWithTheLeewayToTheSecond() {
        String token = access();
        clock.advance(FIVE_MINUTES.plus(LEEWAY).minusSeconds(1));
        assertThat(reasonOrNull(token)).as("within the leeway after exp").isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(reasonOrNull(token)).as("exp + leeway is expired").isEqualTo("expired");

        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        String future =
                codec.sign(TokenType.ACCESS, 7, 0, "j", clock.instant().plus(Duration.ofMinutes(1)), FIVE_MINUTES);
        assertThat(reasonOrNull(future)).as("nbf a minute ahead").isEqualTo("not yet valid");
        clock.advance(Duration.ofSeconds(29));
        assertThat(reasonOrNull(future)).as("nbf 31s ahead").isEqualTo("not yet valid");
        clock.advance(Duration.ofSeconds(1));
        assertThat(reasonOrNull(future)).as("nbf exactly the leeway ahead").isNull();
    }

    private String reasonOrNull(String token) {
        try {
            codec.verify(token, TokenType.ACCESS);
            return null;
        } catch (TokenRejected e) {
            return e.getMessage();
        }
    }

    @Test
    void refusesTheWrongIssuerOrAudience() {
        assertThat(reason(codec(JwtKeys.hmac(SECRET), "elsewhere", "api"), access(), TokenType.ACCESS))
                .isEqualTo("wrong issuer");
        assertThat(reason(codec(JwtKeys.hmac(SECRET), "portico", "admin"), access(), TokenType.ACCESS))
                .isEqualTo("wrong audience");
    }

    @Test
    void oneTypeNeverPassesAsTheOther() throws Exception {
        String refresh = codec.sign(TokenType.REFRESH, 7, 0, "r", codec.now(), Duration.ofDays(1));
        assertThat(reason(codec, refresh, TokenType.ACCESS)).isEqualTo("a refresh token where access was wanted");
        assertThat(reason(codec, access(), TokenType.REFRESH)).isEqualTo("a access token where refresh was wanted");
        assertThat(codec.verify(refresh, null).type()).isEqualTo(TokenType.REFRESH);
        String untyped = signed(
                JWSAlgorithm.HS256,
                new MACSigner(SECRET),
                claims().claim("token_type", null).build());
        assertThat(reason(codec, untyped, null)).isEqualTo("no token_type");
    }

    @Test
    void refusesTamperedTruncatedAndGarbageTokens() {
        String token = access();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered =
                parts[0] + "." + Base64URL.encode(payload.replace("\"user_id\":7", "\"user_id\":1")) + "." + parts[2];
        assertThat(tampered).isNotEqualTo(token);
        assertThat(reason(codec, tampered, TokenType.ACCESS)).isEqualTo("bad signature");
        assertThat(reason(codec, token.substring(0, token.length() - 5), TokenType.ACCESS))
                .isEqualTo("bad signature");
        assertThat(reason(codec, parts[0] + "." + parts[1], TokenType.ACCESS)).isEqualTo("malformed");
        for (String garbage : new String[] {
            "",
            "garbage",
            "a.b.c",
            "....",
            "eyJ.eyJ.eyJ",
            "{}",
            "\u00e9.\u00e9.\u00e9",
            Base64URL.encode("[1]") + "." + parts[1] + "." + parts[2],
            "x".repeat(5000)
        }) {
            assertThat(reasonOrNull(garbage))
                    .as(garbage.length() > 40 ? "long" : garbage)
                    .isNotNull();
        }
    }

    @Test
    void refusesClaimsOfTheWrongShape() throws Exception {
        MACSigner signer = new MACSigner(SECRET);
        assertThat(reason(
                        codec,
                        signed(
                                JWSAlgorithm.HS256,
                                signer,
                                claims().claim("user_id", "ada").build()),
                        TokenType.ACCESS))
                .isEqualTo("a claim has the wrong type");
        assertThat(reason(
                        codec,
                        signed(
                                JWSAlgorithm.HS256,
                                signer,
                                claims().claim("ep", "x").build()),
                        TokenType.ACCESS))
                .isEqualTo("a claim has the wrong type");
        assertThat(reason(
                        codec,
                        signed(
                                JWSAlgorithm.HS256,
                                signer,
                                claims().expirationTime(null).build()),
                        TokenType.ACCESS))
                .isEqualTo("exp missing");
        assertThat(reason(
                        codec,
                        signed(
                                JWSAlgorithm.HS256,
                                signer,
                                claims().claim("ep", null).build()),
                        TokenType.ACCESS))
                .isEqualTo("jti, ep or user_id missing");
    }
}
