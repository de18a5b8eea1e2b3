package dev.portico.testing;

import dev.portico.auth.Authenticator;
import dev.portico.auth.SecurityScheme;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A principal with roles, scopes and the admin flag, as an authentication module's user would be, and two
 * authenticators that read one from a header: written {@code alice;admin;role=editor;scope=posts:write}, and
 * {@code bad} for credentials that fail.
 */
public record TestCaller(String id, Set<String> roles, Set<String> scopes, boolean admin) implements Principal {

    /** {@code alice;admin;role=editor;scope=posts:write}. */
    public static TestCaller parse(String text) {
        String[] parts = text.split(";");
        Set<String> roles = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        boolean admin = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("admin")) {
                admin = true;
            } else if (parts[i].startsWith("role=")) {
                roles.add(parts[i].substring(5));
            } else if (parts[i].startsWith("scope=")) {
                scopes.add(parts[i].substring(6));
            }
        }
        return new TestCaller(parts[0], Set.copyOf(roles), Set.copyOf(scopes), admin);
    }

    /** Reads {@code X-User}, as a session would: no challenge, documented as the {@code sessionid} cookie. */
    public static Authenticator session() {
        return new HeaderAuthenticator(
                "X-User", "", Optional.empty(), Optional.of(SecurityScheme.apiKeyCookie("cookieAuth", "sessionid")));
    }

    /** Reads {@code Authorization: Bearer <caller>}, with the challenge {@code Bearer realm="api"}. */
    public static Authenticator bearer() {
        return new HeaderAuthenticator(
                "Authorization",
                "Bearer ",
                Optional.of("Bearer realm=\"api\""),
                Optional.of(SecurityScheme.bearer("jwtAuth", "JWT")));
    }

    private record HeaderAuthenticator(
            String header, String prefix, Optional<String> challenge, Optional<SecurityScheme> scheme)
            implements Authenticator {
        @Override
        public Optional<Principal> authenticate(Request request) {
            Optional<String> value = request.header(header).filter(v -> v.startsWith(prefix));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String text = value.get().substring(prefix.length());
            if (text.equals("bad")) {
                throw new AuthenticationFailed();
            }
            return Optional.of(parse(text));
        }

        @Override
        public Class<? extends Principal> principalType() {
            return TestCaller.class;
        }
    }
}
