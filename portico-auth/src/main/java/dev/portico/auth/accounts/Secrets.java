package dev.portico.auth.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random secrets and hashes of this module, in one place: API key ids and secrets, session ids, CSRF secrets
 * and token ids all come from one {@link SecureRandom}, and every SHA-256 from one prototype digest, cloned, so no
 * request looks a provider up.
 */
public final class Secrets {
    /** The 62 characters of a random text secret: letters and digits, safe in headers, cookies and forms. */
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA256 = newSha256();

    private Secrets() {}

    /** {@code length} characters of {@link #ALPHABET}, each uniformly random ({@code nextInt(bound)} is unbiased). */
    public static String text(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /** {@code bytes} random bytes as lowercase hex (twice as many digits). */
    public static String hex(int bytes) {
        return HEX.formatHex(bytes(bytes));
    }

    /** {@code bytes} random bytes as unpadded base64url. */
    public static String base64Url(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    /** The SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            digest = newSha256();
        }
        return digest.digest(bytes);
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lowercase hex digits (how the hash columns hold it). */
    public static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
