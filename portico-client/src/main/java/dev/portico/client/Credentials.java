package dev.portico.client;

import java.util.Objects;

/**
 * An API key as seed 002 sends it: the key's id and its secret, sent as the {@code authorisation=keyid:secret} form
 * field. Not a record, so that {@link #toString()} cannot print the secret.
 */
final class Credentials {
    private final String keyId;
    private final String secret;

    Credentials(String keyId, String secret) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.secret = Objects.requireNonNull(secret, "secret");
        if (keyId.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("an API key needs both its id and its secret");
        }
        if (keyId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an API key id has no ':' (it is sent as keyid:secret)");
        }
    }

    String keyId() {
        return keyId;
    }

    /** The field's value; only the transport reads it. */
    String authorisation() {
        return keyId + ":" + secret;
    }

    @Override
    public String toString() {
        return keyId + ":****";
    }
}
