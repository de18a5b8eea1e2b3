package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64URL;
import dev.portico.auth.MutableClock;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** EdDSA on the JDK's Ed25519, against RFC 8037's worked example (appendix A.4 and A.5). */
class Ed25519JdkTest {
    private static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String RFC_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    static PrivateKey privateKey(byte[] raw) throws Exception {
        byte[] der = HexFormat.of()
                .parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(raw));
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static PublicKey publicKey(byte[] raw) throws Exception {
        byte[] der = HexFormat.of()
                .parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    @Test
    void signsAndVerifiesRfc8037sExample() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("Example of Ed25519 signing"));
        jws.sign(new Ed25519Jdk.Signer(privateKey(new Base64URL(D).decode())));
        assertThat(jws.serialize()).isEqualTo(RFC_JWS);

        Ed25519Jdk.Verifier verifier = new Ed25519Jdk.Verifier(publicKey(new Base64URL(X).decode()));
        assertThat(JWSObject.parse(RFC_JWS).verify(verifier)).isTrue();
        String flipped = RFC_JWS.substring(0, RFC_JWS.length() - 2) + "Ag".replace('A', 'B');
        assertThat(JWSObject.parse(flipped).verify(verifier)).isFalse();
    }

    @Test
    void eddsaTokensRoundTripAndRefuseAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        JwtKeys keys = JwtKeys.ed25519(generator.generateKeyPair());
        MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
        TokenCodec codec = new TokenCodec(keys, "portico", "api", Duration.ZERO, clock);
        String token =
                codec.sign(TokenType.ACCESS, 1, 0, "j", Instant.parse("2030-01-01T00:00:00Z"), Duration.ofMinutes(5));
        assertThat(token).startsWith("eyJ");
        assertThat(codec.verify(token, TokenType.ACCESS).userId()).isEqualTo(1);

        TokenCodec other = new TokenCodec(
                JwtKeys.ed25519Verifier(generator.generateKeyPair().getPublic()),
                "portico",
                "api",
                Duration.ZERO,
                clock);
        try {
            other.verify(token, TokenType.ACCESS);
            throw new AssertionError("another key's token was accepted");
        } catch (TokenRejected e) {
            assertThat(e.getMessage()).isEqualTo("bad signature");
        }
    }
}
