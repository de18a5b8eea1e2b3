package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Throttle;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each policy stage answers when it refuses, and which refusal wins when several would. */
class PoliciesTest {
    record Note(String text) {}

    /** A bearer-token authenticator with a challenge, as JWT will be. */
    private static final Authenticator BEARER = new Authenticator() {
        @Override
        public Optional<Principal> authenticate(dev.portico.http.Request request) {
            Optional<String> header = request.header("Authorization");
            if (header.isEmpty() || !header.get().startsWith("Bearer ")) {
                return Optional.empty();
            }
            if (!header.get().equals("Bearer good")) {
                throw new AuthenticationFailed();
            }
            return Optional.of(Principal.of("7", Set.of("notes:write")));
        }

        @Override
        public Optional<String> challenge() {
            return Optional.of("Bearer realm=\"api\"");
        }
    };

    private Portico app(Authenticator authenticator, Throttle throttle) {
        Portico.Builder builder = Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(authenticator)
                .permissions(Permission.authenticated())
                .post("/api/notes/", Note.class, Note.class, (request, note) -> note)
                .get(
                        "/api/admin/",
                        Note.class,
                        request -> new Note("secret"),
                        e -> e.permissions(Permission.hasScope("admin")))
                .get("/api/public/", Note.class, request -> new Note("hi"), e -> e.permissions(Permission.allowAny()));
        if (throttle != null) {
            builder.throttle(throttle);
        }
        return builder.build();
    }

    @Test
    void anonymousCallerGets401WithTheFirstAuthenticatorsChallenge() {
        Response response =
                app(BEARER, null).handle(TestRequest.of("POST", "/api/notes/").json("{\"text\":\"x\"}"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
        assertThat(json(response).get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
        assertThat(json(response).get("code").asText()).isEqualTo("not_authenticated");
    }

    @Test
    void badCredentialsGet401Incorrect() {
        Response response =
                app(BEARER, null).handle(TestRequest.get("/api/public/").header("Authorization", "Bearer bad"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
        assertThat(json(response).get("code").asText()).isEqualTo("authentication_failed");
    }

    @Test
    void knownCallerWhoMayNotGets403() {
        Response response =
                app(BEARER, null).handle(TestRequest.get("/api/admin/").header("Authorization", "Bearer good"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(json(response).get("detail").asText())
                .isEqualTo("You do not have permission to perform this action.");
    }

    @Test
    void withoutAnyChallengeAnAnonymousRefusalIs403AsInDrf() {
        Authenticator noChallenge = request -> Optional.empty();
        Response response = app(noChallenge, null)
                .handle(TestRequest.of("POST", "/api/notes/").json("{}"));
        assertThat(response.status()).isEqualTo(403); // a 401 needs a challenge (RFC 9110), and none has one
        assertThat(response.headerValue("WWW-Authenticate")).isEmpty();
        assertThat(json(response).get("code").asText()).isEqualTo("not_authenticated");
        assertThat(json(response).get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void endpointPermissionsReplaceTheDefault() {
        Response response = app(BEARER, null).handle(TestRequest.get("/api/public/"));
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void permissionRefusalWinsOverInvalidInput() {
        Response response =
                app(BEARER, null).handle(TestRequest.of("POST", "/api/notes/").json("{\"nope\":1}"));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void throttledCallerGets429WithRetryAfterBeforeInputIsRead() {
        Throttle refuse = key -> new Throttle.Decision(false, 5, 0, 42);
        Response response = app(BEARER, refuse)
                .handle(TestRequest.of("POST", "/api/notes/")
                        .header("Authorization", "Bearer good")
                        .json("{\"nope\":1}"));
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headerValue("Retry-After")).contains("42");
        assertThat(response.headerValue("RateLimit-Limit")).contains("5");
        assertThat(response.headerValue("RateLimit-Remaining")).contains("0");
        assertThat(json(response).get("detail").asText())
                .isEqualTo("Request was throttled. Expected available in 42 seconds.");
    }

    @Test
    void throttleKeyIsTheUserWhenAuthenticatedElseTheIp() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        Throttle record = key -> {
            keys.add(key);
            return new Throttle.Decision(true, 5, 4, 60);
        };
        Portico app = app(BEARER, record);
        Response ok = app.handle(TestRequest.get("/api/public/").header("Authorization", "Bearer good"));
        app.handle(TestRequest.get("/api/public/"));
        assertThat(keys).containsExactly("user:7", "ip:127.0.0.1");
        assertThat(ok.headerValue("RateLimit-Remaining")).contains("4");
    }
}
