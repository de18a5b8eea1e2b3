package dev.portico.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import dev.portico.config.PorticoConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys tokens are signed and verified with, for the one pinned {@link JwtAlgorithm}. Made once at startup;
 * every misconfiguration fails here, naming the setting and how to fix it:
 * <pre>{@code
 * JwtKeys keys = JwtKeys.create(config);          // auth.jwt.algorithm + secret or key files
 * JwtKeys dev = JwtKeys.localDevelopment(config, Path.of("data/jwt-secret"));  // a developer's machine only
 * }</pre>
 * No key material ever appears in a message or a log line.
 */
public final class JwtKeys {
    /** HS256 needs a key as long as its hash (RFC 7518 3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    private static final int RSA_MIN_BITS = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);

    private final JwtAlgorithm algorithm;
    private final Optional<JWSSigner> signer;
    private final JWSVerifier verifier;
    /** For {@link #deferred} keys: what makes them, on first use; null for keys made at once. */
    private final java.util.function.Supplier<JwtKeys> maker;

    private final boolean issues;
    private volatile JwtKeys made;

    private JwtKeys(JwtAlgorithm algorithm, Optional<JWSSigner> signer, JWSVerifier verifier) {
        this.algorithm = algorithm;
        this.signer = signer;
        this.verifier = verifier;
        this.maker = null;
        this.issues = signer.isPresent();
    }

    private JwtKeys(JwtAlgorithm algorithm, boolean issues, java.util.function.Supplier<JwtKeys> maker) {
        this.algorithm = algorithm;
        this.signer = Optional.empty();
        this.verifier = null;
        this.maker = maker;
        this.issues = issues;
    }

    /**
     * Keys made by {@code maker} when first used or {@link #resolve resolved}: what a module made before the
     * application is built uses, so that a command that never signs (such as {@code migrate}) needs no secret. The
     * algorithm, and whether they issue tokens, are read from {@code config} at once.
     */
    public static JwtKeys deferred(PorticoConfig config, java.util.function.Supplier<JwtKeys> maker) {
        config.register(JwtSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        JwtAlgorithm algorithm = config.get(JwtSettings.ALGORITHM);
        boolean issues = algorithm == JwtAlgorithm.HS256
                || !config.get(JwtSettings.PRIVATE_KEY).isBlank();
        return new JwtKeys(algorithm, issues, maker);
    }

    /**
     * The keys themselves: these, or for {@link #deferred} keys the ones their maker makes (once).
     *
     * @throws IllegalStateException naming the missing or unusable setting
     */
    public JwtKeys resolve() {
        if (maker == null) {
            return this;
        }
        JwtKeys keys = made;
        if (keys == null) {
            synchronized (this) {
                if (made == null) {
                    made = maker.get();
                }
                keys = made;
            }
        }
        return keys;
    }

    /**
     * The keys {@code config} names: {@code auth.jwt.secret} for HS256, the PEM files {@code auth.jwt.private-key}
     * and {@code auth.jwt.public-key} for RS256 and EdDSA.
     *
     * @throws IllegalStateException naming the missing or unusable setting and how to make a key
     */
    public static JwtKeys create(PorticoConfig config) {
        config.register(JwtSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        JwtAlgorithm algorithm = config.get(JwtSettings.ALGORITHM);
        if (algorithm == JwtAlgorithm.HS256) {
            String secret = config.get(JwtSettings.SECRET);
            if (secret.isEmpty()) {
                throw new IllegalStateException(JwtSettings.SECRET.key() + " is not set: HS256 tokens need a secret of"
                        + " at least " + MIN_SECRET_BYTES + " bytes. Make one with `openssl rand -base64 48` and set it"
                        + " as " + JwtSettings.SECRET.key() + " (environment " + JwtSettings.SECRET.envName()
                        + "), kept out of version control");
            }
            return hmac(secret.getBytes(StandardCharsets.UTF_8));
        }
        String keyType = algorithm == JwtAlgorithm.RS256 ? "RSA" : "Ed25519";
        String publicPath = config.get(JwtSettings.PUBLIC_KEY);
        if (publicPath.isEmpty()) {
            throw new IllegalStateException(JwtSettings.PUBLIC_KEY.key() + " is not set: " + algorithm
                    + " tokens need a PEM public key. Make a key pair with `" + Pem.hint(keyType)
                    + "` and `openssl pkey -in private.pem -pubout -out public.pem`, then set "
                    + JwtSettings.PRIVATE_KEY.key() + " and " + JwtSettings.PUBLIC_KEY.key() + " to the two paths");
        }
        PublicKey publicKey = Pem.publicKey(Path.of(publicPath), keyType, JwtSettings.PUBLIC_KEY.key());
        String privatePath = config.get(JwtSettings.PRIVATE_KEY);
        Optional<PrivateKey> privateKey = privatePath.isEmpty()
                ? Optional.empty()
                : Optional.of(Pem.privateKey(Path.of(privatePath), keyType, JwtSettings.PRIVATE_KEY.key()));
        return algorithm == JwtAlgorithm.RS256 ? rsa(publicKey, privateKey) : ed25519(publicKey, privateKey);
    }

    /**
     * For a developer's machine, so {@code ./manage serve} works out of the box: {@link #create} when
     * {@code auth.jwt.secret} is set or the algorithm is not HS256; otherwise a random 48-byte secret kept in
     * {@code secretFile} (made on first use, readable by its owner only), with a warning. Tokens survive restarts
     * and stay valid for the other processes of the same working directory. Never use it in production: a
     * deployment must fail without its configured secret.
     */
    public static JwtKeys localDevelopment(PorticoConfig config, Path secretFile) {
        config.register(JwtSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        if (!config.get(JwtSettings.SECRET).isEmpty() || config.get(JwtSettings.ALGORITHM) != JwtAlgorithm.HS256) {
            return create(config);
        }
        LOG.warn(
                "{} is not set: signing tokens with the development secret in {}; set {} in production",
                JwtSettings.SECRET.key(),
                secretFile,
                JwtSettings.SECRET.key());
        return hmac(developmentSecret(secretFile));
    }

    /**
     * For a database in memory (a test's, or a throwaway run): {@link #create} when {@code auth.jwt.secret} is set or
     * the algorithm is not HS256; otherwise a random 48-byte secret held in memory, so tokens die with the process,
     * as the data they name does. Reads and writes no file.
     */
    public static JwtKeys ephemeral(PorticoConfig config) {
        config.register(JwtSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        if (!config.get(JwtSettings.SECRET).isEmpty() || config.get(JwtSettings.ALGORITHM) != JwtAlgorithm.HS256) {
            return create(config);
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        return hmac(Base64.getEncoder().encodeToString(random).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] developmentSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                String text = Base64.getEncoder().encodeToString(random);
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path temp = Files.createTempFile(parent, ".jwt-secret", ".tmp");
                restrict(temp);
                Files.writeString(temp, text + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp); // another process made it first: use theirs
                }
            }
            byte[] secret =
                    Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException(file + " holds a development secret shorter than " + MIN_SECRET_BYTES
                        + " bytes; delete it to have a new one made");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("the development JWT secret " + file + " cannot be read or written ("
                    + e.getMessage() + "); set " + JwtSettings.SECRET.key() + " instead");
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the folder's permissions
        }
    }

    /**
     * HS256 with {@code secret}.
     *
     * @throws IllegalStateException when it is shorter than {@link #MIN_SECRET_BYTES}
     */
    public static JwtKeys hmac(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(JwtSettings.SECRET.key() + " is " + secret.length + " bytes: HS256 needs at"
                    + " least " + MIN_SECRET_BYTES + " (256 bits). Make one with `openssl rand -base64 48`");
        }
        try {
            return new JwtKeys(JwtAlgorithm.HS256, Optional.of(new MACSigner(secret)), new MACVerifier(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 key refused: " + e.getMessage());
        }
    }

    /** RS256 with a key pair that signs and verifies. */
    public static JwtKeys rsa(KeyPair pair) {
        return rsa(pair.getPublic(), Optional.of(pair.getPrivate()));
    }

    /** RS256 that only verifies (an instance that never issues tokens). */
    public static JwtKeys rsaVerifier(PublicKey publicKey) {
        return rsa(publicKey, Optional.empty());
    }

    /** EdDSA (Ed25519) with a key pair that signs and verifies. */
    public static JwtKeys ed25519(KeyPair pair) {
        return ed25519(pair.getPublic(), Optional.of(pair.getPrivate()));
    }

    /** EdDSA (Ed25519) that only verifies. */
    public static JwtKeys ed25519Verifier(PublicKey publicKey) {
        return ed25519(publicKey, Optional.empty());
    }

    private static JwtKeys rsa(PublicKey publicKey, Optional<PrivateKey> privateKey) {
        if (!(publicKey instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("RS256 needs an RSA public key, not " + publicKey.getAlgorithm());
        }
        if (rsa.getModulus().bitLength() < RSA_MIN_BITS) {
            throw new IllegalStateException("RS256 keys must be at least " + RSA_MIN_BITS + " bits, not "
                    + rsa.getModulus().bitLength() + "; make one with " + Pem.hint("RSA"));
        }
        return new JwtKeys(JwtAlgorithm.RS256, privateKey.map(RSASSASigner::new), new RSASSAVerifier(rsa));
    }

    private static JwtKeys ed25519(PublicKey publicKey, Optional<PrivateKey> privateKey) {
        return new JwtKeys(
                JwtAlgorithm.EDDSA, privateKey.map(Ed25519Jdk.Signer::new), new Ed25519Jdk.Verifier(publicKey));
    }

    /** The pinned algorithm. */
    public JwtAlgorithm algorithm() {
        return algorithm;
    }

    /** Whether these keys can issue tokens (an RS256 or EdDSA instance without a private key only verifies). */
    public boolean canIssue() {
        return issues;
    }

    JWSSigner signer() {
        if (maker != null) {
            return resolve().signer();
        }
        return signer.orElseThrow(() -> new IllegalStateException("these JWT keys only verify: set "
                + JwtSettings.PRIVATE_KEY.key() + " on an instance that issues tokens"));
    }

    JWSVerifier verifier() {
        return maker != null ? resolve().verifier() : verifier;
    }

    @Override
    public String toString() {
        return "JwtKeys[" + algorithm + (canIssue() ? "" : ", verify only") + "]";
    }
}
