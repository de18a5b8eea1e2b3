package dev.portico.auth.keys;

import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Request;
import java.util.Optional;

/**
 * Reads the credentials of one scheme from the {@code Authorization} header, as DRF's authenticators do: another
 * scheme (or no header) is not ours, the scheme name is case-insensitive, and a header of our scheme without one
 * space-free credentials string is refused at once with DRF's sentences.
 */
public final class AuthorizationHeader {
    private AuthorizationHeader() {
    }

    /**
     * The credentials after {@code scheme}, empty when the header is absent or of another scheme.
     *
     * @param label how the sentences name the header: {@code "basic"} gives {@code Invalid basic header. ...}
     * @param challenge the {@code WWW-Authenticate} value sent with the refusal
     * @throws AuthenticationFailed when the header is of this scheme but has no credentials or more than one word
     */
    public static Optional<String> credentials(Request request, String scheme, String label, String challenge) {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        int space = value.indexOf(' ');
        String given = space < 0 ? value : value.substring(0, space);
        if (!given.equalsIgnoreCase(scheme)) {
            return Optional.empty();
        }
        String credentials = space < 0 ? "" : value.substring(space + 1).strip();
        if (credentials.isEmpty()) {
            throw failed("Invalid " + label + " header. No credentials provided.", challenge);
        }
        if (credentials.indexOf(' ') >= 0) {
            throw failed("Invalid " + label + " header. Credentials string should not contain spaces.", challenge);
        }
        return Optional.of(credentials);
    }

    /** A 401 with DRF's code and this sentence, carrying the challenge (RFC 9110 requires one on a 401). */
    public static AuthenticationFailed failed(String sentence, String challenge) {
        return (AuthenticationFailed) new AuthenticationFailed(sentence).withHeader("WWW-Authenticate", challenge);
    }
}
