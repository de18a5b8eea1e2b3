package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.error.AuthenticationFailed;
import dev.portico.error.NotAuthenticated;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Portico's 401/403 rule ({@link dev.portico.auth.Refusal}), whatever the order of the authenticators: missing
 * credentials refused by a permission are 401 with the challenge of the first authenticator that has one; bad
 * credentials are 401 with the same challenge; a known caller refused is 403. The session authenticator has no
 * challenge, the bearer one has; with the session alone, the 401s become 403s, as in DRF.
 */
class ChallengeTest {
    private static final String BEARER = "Bearer realm=\"api\"";

    /** Every order of a challenge-less and a challenging authenticator, and the challenge each sends (none: 403). */
    static Stream<Object[]> orders() {
        return Stream.of(
                new Object[] {"session, bearer", List.of(TestCaller.session(), TestCaller.bearer()), BEARER},
                new Object[] {"bearer, session", List.of(TestCaller.bearer(), TestCaller.session()), BEARER},
                new Object[] {"bearer", List.of(TestCaller.bearer()), BEARER},
                new Object[] {"session", List.of(TestCaller.session()), null});
    }

    private static Portico app(List<Authenticator> authenticators) {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(authenticators.toArray(Authenticator[]::new))
                .permissions(Permission.authenticated())
                .get("/api/notes/", String.class, r -> "notes")
                .get("/api/admin/", String.class, r -> "secret", e -> e.permissions(Permission.isAdmin()))
                .get("/api/open/", String.class, r -> "open", e -> e.permissions())
                .get(
                        "/api/mine/",
                        String.class,
                        r -> {
                            throw new NotAuthenticated("Log in to see your notes.");
                        },
                        e -> e.permissions())
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void missingCredentialsAre401WithTheFirstChallengeWhereverTheRefusalComesFromOr403WithoutOne(
            String order, List<Authenticator> authenticators, String challenge) {
        Portico app = app(authenticators);
        // refused by a permission, then thrown by the endpoint itself
        for (String[] refusal : new String[][] {
            {"/api/notes/", "Authentication credentials were not provided."},
            {"/api/mine/", "Log in to see your notes."}
        }) {
            Response response = app.handle(TestRequest.get(refusal[0]));
            assertThat(response.status()).as(refusal[0]).isEqualTo(challenge == null ? 403 : 401);
            assertThat(response.headerValue("WWW-Authenticate")).isEqualTo(Optional.ofNullable(challenge));
            assertThat(json(response).get("detail").asText()).isEqualTo(refusal[1]);
            assertThat(json(response).get("code").asText()).isEqualTo("not_authenticated");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void badCredentialsOfEitherKindAre401WithTheSameChallengeOr403WithoutOne(
            String order, List<Authenticator> authenticators, String challenge) {
        Portico app = app(authenticators);
        for (TestRequest bad : List.of(
                TestRequest.get("/api/open/").header("X-User", "bad"),
                TestRequest.get("/api/open/").header("Authorization", "Bearer bad"))) {
            Response response = app.handle(bad);
            if (response.status() == 200) {
                continue; // this order has no authenticator for these credentials: they are simply not seen
            }
            assertThat(response.status()).isEqualTo(challenge == null ? 403 : 401);
            assertThat(response.headerValue("WWW-Authenticate")).isEqualTo(Optional.ofNullable(challenge));
            assertThat(json(response).get("code").asText()).isEqualTo("authentication_failed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void aKnownCallerRefusedIs403WithoutAChallenge(String order, List<Authenticator> authenticators, String challenge) {
        TestRequest request = TestRequest.get("/api/admin/");
        request = order.startsWith("session")
                ? request.header("X-User", "alice")
                : request.header("Authorization", "Bearer alice");
        Response response = app(authenticators).handle(request);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headerValue("WWW-Authenticate")).isEmpty();
        assertThat(json(response).get("detail").asText())
                .isEqualTo("You do not have permission to perform this action.");
    }

    @Test
    void anAuthenticatorsOwnChallengeOnItsFailureIsKept() {
        Authenticator own = request -> {
            throw new AuthenticationFailed("Token expired.")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        };
        Response response = app(List.of(TestCaller.session(), own)).handle(TestRequest.get("/api/open/"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headerValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    @Test
    void withoutAuthenticatorsARefusalIs403SinceNoCredentialsCouldHelp() {
        // a permission that needs a caller, with no authenticator to find one, would refuse everyone: a build error
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .shutdownHook(false)
                        .permissions(Permission.authenticated())
                        .get("/api/notes/", String.class, r -> "notes")
                        .build())
                .hasMessageContaining("GET /api/notes/ has permissions that need a caller but no authenticators");
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .get(
                        "/api/mine/",
                        String.class,
                        r -> {
                            throw new NotAuthenticated();
                        },
                        e -> e.permissions())
                .build();
        Response thrown = app.handle(TestRequest.get("/api/mine/")); // a 401 with no challenge to name
        assertThat(thrown.status()).isEqualTo(403);
        assertThat(json(thrown).get("code").asText()).isEqualTo("not_authenticated");
        assertThat(thrown.headerValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void theChallengeIsChosenAtStartupNotPerRequest() {
        AtomicInteger asked = new AtomicInteger();
        Authenticator counting = new Authenticator() {
            @Override
            public Optional<Principal> authenticate(dev.portico.http.Request request) {
                return Optional.empty();
            }

            @Override
            public Optional<String> challenge() {
                asked.incrementAndGet();
                return Optional.of("Token realm=\"api\"");
            }
        };
        Portico app = app(List.of(TestCaller.session(), counting));
        int atStartup = asked.get();
        app.handle(TestRequest.get("/api/notes/"));
        Response second = app.handle(TestRequest.get("/api/notes/"));
        assertThat(second.headerValue("WWW-Authenticate")).contains("Token realm=\"api\"");
        assertThat(asked.get()).isEqualTo(atStartup);
    }
}
