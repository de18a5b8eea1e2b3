package dev.portico.auth.account;

import dev.portico.error.ValidationFailed;
import java.util.regex.Pattern;

/** Django's {@code EmailField} check, for the endpoints that take an address to look an account up by. */
final class Addresses {
    static final String INVALID = "Enter a valid email address.";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Addresses() {}

    /** {@code email}, stripped as DRF's {@code CharField} strips it, or a 400 under {@code field}. */
    static String require(String field, String email) {
        String stripped = email.strip();
        if (stripped.length() > 254 || !EMAIL.matcher(stripped).matches()) {
            throw ValidationFailed.of(field, INVALID);
        }
        return stripped;
    }
}
