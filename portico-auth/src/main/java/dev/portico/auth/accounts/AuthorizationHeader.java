package dev.portico.auth.accounts;

import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Request;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the credentials of one scheme from the {@code Authorization} header, as DRF's authenticators do: another
 * scheme (or no header) is not ours, the scheme name is case-insensitive, and a header of our scheme without one
 * space-free credentials string is refused at once. The refusals carry no {@code WWW-Authenticate}: the endpoint's
 * pipeline adds the challenge of its first scheme that has one, or answers 403 ({@link dev.portico.auth.Refusal}).
 */
public final class AuthorizationHeader {
    private AuthorizationHeader() {}

    /**
     * The credentials after {@code scheme}, refused with DRF's sentences.
     *
     * @param label how the sentences name the header: {@code "basic"} gives {@code Invalid basic header. ...}
     * @throws AuthenticationFailed when the header is of this scheme but has no credentials or more than one word
     */
    public static Optional<String> credentials(Request request, String scheme, String label) {
        return credentials(
                request, scheme, problem -> new AuthenticationFailed("Invalid " + label + " header. " + problem));
    }

    /**
     * The credentials after {@code scheme}, empty when the header is absent or of another scheme.
     *
     * @param refusal the 401 for a header of this scheme without exactly one credentials string, given DRF's
     *     reason ({@code No credentials provided.} or {@code Credentials string should not contain spaces.})
     */
    public static Optional<String> credentials(
            Request request, String scheme, Function<String, AuthenticationFailed> refusal) {
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
            throw refusal.apply("No credentials provided.");
        }
        if (credentials.indexOf(' ') >= 0) {
            throw refusal.apply("Credentials string should not contain spaces.");
        }
        return Optional.of(credentials);
    }
}
