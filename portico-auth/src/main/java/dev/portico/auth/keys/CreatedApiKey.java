package dev.portico.auth.keys;

/**
 * A key just made, with its secret: the one time the secret exists outside the caller's hands. Show
 * {@link #credential()} to the user once; it cannot be recovered later, only revoked and replaced.
 * {@link #toString()} masks the secret, so logging this value by mistake leaks nothing.
 *
 * @param key the stored key
 * @param secret the 40-character secret (letters and digits)
 */
public record CreatedApiKey(ApiKey key, String secret) {

    /** The credential as users paste it: {@code keyid:secret}. */
    public String credential() {
        return key.keyId() + ":" + secret;
    }

    /** The key without its secret. */
    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=********]";
    }
}
