package dev.portico.auth.jwt;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * The one signature algorithm an application's tokens use, pinned by {@code auth.jwt.algorithm}: the verifier
 * accepts no other, so a token with {@code alg: none}, or HS256 signed with an RSA public key, is refused.
 */
public enum JwtAlgorithm {
    /** HMAC with SHA-256 and the shared {@code auth.jwt.secret} (at least 32 bytes). */
    HS256(JWSAlgorithm.HS256),
    /** RSA PKCS#1 v1.5 with SHA-256, a key pair of at least 2048 bits in PEM files. */
    RS256(JWSAlgorithm.RS256),
    /** Ed25519 (RFC 8037), a key pair in PEM files, with the JDK's own Ed25519. */
    EDDSA(JWSAlgorithm.EdDSA);

    private final JWSAlgorithm jws;

    JwtAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    /** The JOSE {@code alg} header value. */
    public JWSAlgorithm jws() {
        return jws;
    }
}
