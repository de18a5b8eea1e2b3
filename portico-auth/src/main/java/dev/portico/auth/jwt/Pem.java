package dev.portico.auth.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the PEM files {@code openssl genpkey} and {@code openssl pkey -pubout} write: a PKCS#8
 * {@code PRIVATE KEY} and an X.509 {@code PUBLIC KEY}. Failures name the setting and the file, never the key.
 */
final class Pem {
    private Pem() {}

    static PrivateKey privateKey(Path file, String algorithm, String setting) {
        byte[] der = der(file, "PRIVATE KEY", setting);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(setting + " (" + file + ") is not a PKCS#8 " + algorithm + " private key;"
                    + " make one with " + hint(algorithm));
        }
    }

    static PublicKey publicKey(Path file, String algorithm, String setting) {
        byte[] der = der(file, "PUBLIC KEY", setting);
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(setting + " (" + file + ") is not an X.509 " + algorithm + " public key;"
                    + " write it with: openssl pkey -in private.pem -pubout -out public.pem");
        }
    }

    static String hint(String algorithm) {
        return "RSA".equals(algorithm)
                ? "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out private.pem"
                : "openssl genpkey -algorithm ed25519 -out private.pem";
    }

    private static byte[] der(Path file, String label, String setting) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(setting + " names " + file + ", which cannot be read: " + e.getMessage());
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(setting + " (" + file + ") holds no PEM block '" + begin + "'");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " (" + file + ") is not valid PEM (bad base64)");
        }
    }
}
