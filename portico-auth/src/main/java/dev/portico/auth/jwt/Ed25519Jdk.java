package dev.portico.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

/**
 * EdDSA with Ed25519 (RFC 8037) on the JDK's own provider. Nimbus's {@code Ed25519Signer} needs Google Tink (an
 * optional dependency of ~2 MB with its own transitive jars); the JDK has had Ed25519 since 15, and a JWS
 * signature is just the 64 raw bytes the JDK's {@code Signature} makes over the signing input, so two small
 * classes do it. {@code Ed25519JdkTest} checks them against RFC 8037's example.
 */
final class Ed25519Jdk {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);
    private static final String JDK_NAME = "Ed25519";

    private Ed25519Jdk() {}

    static void checkKey(java.security.Key key) {
        if (!"EdDSA".equals(key.getAlgorithm()) && !JDK_NAME.equals(key.getAlgorithm())) {
            throw new IllegalStateException("an EdDSA key must be Ed25519, not " + key.getAlgorithm());
        }
    }

    /** What a signer and a verifier share: the one algorithm, and a JCA context Nimbus asks for but never uses here. */
    private abstract static class Provider<K extends java.security.Key> implements com.nimbusds.jose.JWSProvider {
        final K key;
        private final JCAContext jca = new JCAContext();

        Provider(K key) {
            checkKey(key);
            this.key = key;
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ALGORITHMS;
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }

    /** Signs with an Ed25519 private key. */
    static final class Signer extends Provider<PrivateKey> implements JWSSigner {
        Signer(PrivateKey key) {
            super(key);
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("this signer makes EdDSA signatures only");
            }
            try {
                Signature signature = Signature.getInstance(JDK_NAME);
                signature.initSign(key);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
            }
        }
    }

    /** Verifies with an Ed25519 public key; any failure to verify is a bad signature, never an exception. */
    static final class Verifier extends Provider<PublicKey> implements JWSVerifier {
        Verifier(PublicKey key) {
            super(key);
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
                return false;
            }
            byte[] bytes = signature.decode();
            if (bytes.length != 64) {
                return false;
            }
            try {
                Signature verifier = Signature.getInstance(JDK_NAME);
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(bytes);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }
}
