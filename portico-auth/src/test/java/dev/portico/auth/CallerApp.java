package dev.portico.auth;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.auth.accounts.Caller;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.util.List;
import java.util.Optional;

/**
 * A small app for authenticator tests: {@code GET /api/me/} answers who the caller is, {@code POST /api/notes/}
 * binds a form or JSON body and says who sent it.
 */
public final class CallerApp {
    private CallerApp() {}

    /** Who called: {@code anonymous} with no caller; {@code key} and {@code role} are "-" when not used. */
    public record Me(String user, String key, String role, List<String> scopes) {
        static Me of(Optional<Principal> principal) {
            if (principal.isEmpty()) {
                return new Me("anonymous", "-", "-", List.of());
            }
            Caller c = (Caller) principal.get();
            return new Me(
                    c.user().username(),
                    c.keyId().orElse("-"),
                    c.role().map(r -> r.name()).orElse("-"),
                    c.scopes().stream().sorted().toList());
        }
    }

    /** The body of {@code POST /api/notes/}; {@code authorisation} must be declared while forms refuse unknown fields. */
    public record Note(String title, Optional<String> authorisation) {}

    /** The answer of {@code POST /api/notes/}. */
    public record Seen(String title, Me caller) {}

    /** The app, with these authenticators. */
    public static Portico app(Authenticator... authenticators) {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(authenticators)
                .get("/api/me/", Me.class, request -> Me.of(request.principal()))
                .post(
                        "/api/notes/",
                        Note.class,
                        Seen.class,
                        (request, note) -> new Seen(note.title(), Me.of(request.principal())),
                        e -> {})
                .build();
    }

    /** {@code GET /api/me/} with this {@code Authorization} header. */
    public static Response me(Portico app, String authorization) {
        return app.handle(TestRequest.get("/api/me/").header("Authorization", authorization));
    }

    /** A 401 in the error format, with DRF's code and this sentence. */
    public static void assertRefused(Response response, String detail) {
        assertThat(response.status()).isEqualTo(401);
        JsonNode body = json(response);
        assertThat(body.get("detail").asText()).isEqualTo(detail);
        assertThat(body.get("code").asText()).isEqualTo("authentication_failed");
    }
}
