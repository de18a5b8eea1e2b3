package dev.portico.auth;

import dev.portico.Portico;
import dev.portico.auth.accounts.Caller;
import dev.portico.config.PorticoConfig;
import java.util.List;
import java.util.Optional;

/**
 * A small app for authenticator tests: {@code GET /api/me/} answers who the caller is, {@code POST /api/notes/}
 * binds a form or JSON body and says who sent it.
 */
public final class CallerApp {
    private CallerApp() {
    }

    /** Who called: {@code anonymous} with no caller; {@code key} and {@code role} are "-" when not used. */
    public record Me(String user, String key, String role, List<String> scopes) {
        static Me of(Optional<Principal> principal) {
            if (principal.isEmpty()) {
                return new Me("anonymous", "-", "-", List.of());
            }
            Caller c = (Caller) principal.get();
            return new Me(c.user().username(), c.keyId().orElse("-"), c.role().map(r -> r.name()).orElse("-"),
                    c.scopes().stream().sorted().toList());
        }
    }

    /** The body of {@code POST /api/notes/}; {@code authorisation} must be declared while forms refuse unknown fields. */
    public record Note(String title, Optional<String> authorisation) {
    }

    /** The answer of {@code POST /api/notes/}. */
    public record Seen(String title, Me caller) {
    }

    /** The app, with these authenticators. */
    public static Portico app(Authenticator... authenticators) {
        return Portico.builder().config(PorticoConfig.defaults())
                .authenticators(authenticators)
                .get("/api/me/", Me.class, request -> Me.of(request.principal()))
                .post("/api/notes/", Note.class, Seen.class,
                        (request, note) -> new Seen(note.title(), Me.of(request.principal())), e -> { })
                .build();
    }
}
