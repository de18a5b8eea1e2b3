package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.MutableClock;
import dev.portico.config.PorticoConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from configuration: no default secret, short secrets and missing key files fail at startup, PEM files load. */
class JwtKeysTest {
    @TempDir
    Path dir;

    static PorticoConfig config(Consumer<PorticoConfig.Builder> more) {
        PorticoConfig.Builder b = JwtSettings.register(PorticoConfig.builder());
        more.accept(b);
        return b.build();
    }

    @Test
    void withoutASecretStartupFailsNamingTheSettingAndHowToMakeOne() {
        assertThatThrownBy(() -> JwtKeys.create(config(b -> {})))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth.jwt.secret is not set")
                .hasMessageContaining("openssl rand -base64 48")
                .hasMessageContaining("PORTICO_AUTH_JWT_SECRET");
    }

    @Test
    void aSecretShorterThan256BitsFailsWithoutShowingIt() {
        assertThatThrownBy(() -> JwtKeys.create(config(b -> b.set(JwtSettings.SECRET, "too-short-secret"))))
                .hasMessageContaining("auth.jwt.secret is 16 bytes: HS256 needs at least 32")
                .hasMessageNotContaining("too-short-secret");
        assertThat(JwtKeys.create(config(b -> b.set(JwtSettings.SECRET, "x".repeat(32))))
                        .algorithm())
                .isEqualTo(JwtAlgorithm.HS256);
    }

    @Test
    void rs256AndEddsaNeedTheirPublicKeyFile() {
        for (String alg : new String[] {"rs256", "EdDSA"}) {
            PorticoConfig config = PorticoConfig.builder()
                    .register(JwtSettings.ALL.toArray(dev.portico.config.Setting[]::new))
                    .fromEnvironment(java.util.Map.of("PORTICO_AUTH_JWT_ALGORITHM", alg))
                    .build();
            assertThatThrownBy(() -> JwtKeys.create(config))
                    .hasMessageContaining("auth.jwt.public-key is not set")
                    .hasMessageContaining("openssl genpkey");
        }
    }

    private Path pem(String name, String label, Key key) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(
                file,
                "-----BEGIN " + label + "-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                        + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    @Test
    void loadsPemKeyPairsForRs256AndEddsa() throws Exception {
        for (JwtAlgorithm alg : new JwtAlgorithm[] {JwtAlgorithm.RS256, JwtAlgorithm.EDDSA}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(alg == JwtAlgorithm.RS256 ? "RSA" : "Ed25519");
            KeyPair pair = generator.generateKeyPair();
            Path priv = pem(alg + "-private.pem", "PRIVATE KEY", pair.getPrivate());
            Path pub = pem(alg + "-public.pem", "PUBLIC KEY", pair.getPublic());
            JwtKeys keys = JwtKeys.create(config(b -> b.set(JwtSettings.ALGORITHM, alg)
                    .set(JwtSettings.PRIVATE_KEY, priv.toString())
                    .set(JwtSettings.PUBLIC_KEY, pub.toString())));
            assertThat(keys.algorithm()).isEqualTo(alg);
            assertThat(keys.canIssue()).isTrue();
            TokenCodec codec =
                    new TokenCodec(keys, "portico", "api", Duration.ZERO, MutableClock.at("2030-01-01T00:00:00Z"));
            String token = codec.sign(TokenType.ACCESS, 5, 0, "j", codec.now(), Duration.ofMinutes(1));
            assertThat(codec.verify(token, TokenType.ACCESS).userId()).isEqualTo(5);

            JwtKeys verifyOnly = JwtKeys.create(
                    config(b -> b.set(JwtSettings.ALGORITHM, alg).set(JwtSettings.PUBLIC_KEY, pub.toString())));
            assertThat(verifyOnly.canIssue()).isFalse();
            assertThat(new TokenCodec(
                                    verifyOnly,
                                    "portico",
                                    "api",
                                    Duration.ZERO,
                                    MutableClock.at("2030-01-01T00:00:00Z"))
                            .verify(token, TokenType.ACCESS)
                            .userId())
                    .isEqualTo(5);
        }
    }

    @Test
    void aKeyFileOfTheWrongKindFailsNamingTheSetting() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pub = pem("ed-public.pem", "PUBLIC KEY", ed.getPublic());
        assertThatThrownBy(() -> JwtKeys.create(config(b ->
                        b.set(JwtSettings.ALGORITHM, JwtAlgorithm.RS256).set(JwtSettings.PUBLIC_KEY, pub.toString()))))
                .hasMessageContaining("auth.jwt.public-key")
                .hasMessageContaining("is not an X.509 RSA public key");
        assertThatThrownBy(() -> JwtKeys.create(config(b -> b.set(JwtSettings.ALGORITHM, JwtAlgorithm.RS256)
                        .set(JwtSettings.PUBLIC_KEY, dir.resolve("missing.pem").toString()))))
                .hasMessageContaining("auth.jwt.public-key names")
                .hasMessageContaining("cannot be read");
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        Path weak = pem("weak.pem", "PUBLIC KEY", small.generateKeyPair().getPublic());
        assertThatThrownBy(() -> JwtKeys.create(config(b ->
                        b.set(JwtSettings.ALGORITHM, JwtAlgorithm.RS256).set(JwtSettings.PUBLIC_KEY, weak.toString()))))
                .hasMessageContaining("at least 2048 bits");
    }

    @Test
    void localDevelopmentKeepsAGeneratedSecretOnlyItsOwnerReads() throws Exception {
        Path file = dir.resolve("data/jwt-secret");
        PorticoConfig unset = config(b -> {});
        JwtKeys first = JwtKeys.localDevelopment(unset, file);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] secret = Files.readString(file).trim().getBytes(StandardCharsets.US_ASCII);
        assertThat(secret.length).isGreaterThanOrEqualTo(JwtKeys.MIN_SECRET_BYTES);

        MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
        String token = new TokenCodec(first, "portico", "api", Duration.ZERO, clock)
                .sign(TokenType.ACCESS, 1, 0, "j", clock.instant(), Duration.ofMinutes(1));
        JwtKeys again = JwtKeys.localDevelopment(unset, file);
        assertThat(new TokenCodec(again, "portico", "api", Duration.ZERO, clock)
                        .verify(token, TokenType.ACCESS)
                        .userId())
                .as("the same secret after a restart")
                .isEqualTo(1);

        PorticoConfig configured = config(b -> b.set(JwtSettings.SECRET, "y".repeat(40)));
        assertThatThrownBy(() -> new TokenCodec(
                                JwtKeys.localDevelopment(configured, file), "portico", "api", Duration.ZERO, clock)
                        .verify(token, TokenType.ACCESS))
                .as("a configured secret wins over the file")
                .isInstanceOf(TokenRejected.class);
    }
}
