package dev.portico.input;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.annotation.Get;
import dev.portico.annotation.Post;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Input;
import dev.portico.endpoint.TypeRef;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller as a typed parameter: bound from the principal, planned at startup, never a document parameter. */
class CallerInputTest {
    record Note(String text) {}

    /** Another principal type, as an API key of an authentication module would be. */
    record ApiKey(String id) implements Principal {}

    public static class Notes {
        @Get("/api/me/")
        public String me(TestCaller caller) {
            return caller.id() + (caller.admin() ? " (admin)" : "");
        }

        @Get("/api/hello/")
        public String hello(Optional<TestCaller> caller) {
            return caller.map(c -> "hello " + c.id()).orElse("hello stranger");
        }

        @Get("/api/any/")
        public String any(Principal caller) {
            return caller.id();
        }

        @Post("/api/notes/")
        public Note create(Note body, TestCaller caller) {
            return new Note(caller.id() + ": " + body.text());
        }
    }

    private static Portico app(Authenticator... authenticators) {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(authenticators)
                .controller(new Notes())
                .get(
                        "/api/functional/",
                        String.class,
                        r -> ((TestCaller) r.input("caller")).id(),
                        e -> e.caller(TestCaller.class))
                .build();
    }

    private static TestRequest as(TestRequest request, String caller) {
        return request.header("Authorization", "Bearer " + caller);
    }

    @Test
    void aPrincipalSubtypeParameterReceivesTheCaller() {
        Portico app = app(TestCaller.bearer());
        assertThat(app.handle(as(TestRequest.get("/api/me/"), "root;admin")).body())
                .asString()
                .isEqualTo("\"root (admin)\"");
        assertThat(app.handle(as(TestRequest.get("/api/any/"), "alice")).body())
                .asString()
                .isEqualTo("\"alice\"");
        Response created =
                app.handle(as(TestRequest.of("POST", "/api/notes/"), "alice").json("{\"text\":\"hi\"}"));
        assertThat(json(created).get("text").asText()).isEqualTo("alice: hi");
        assertThat(app.handle(as(TestRequest.get("/api/functional/"), "bob")).body())
                .asString()
                .isEqualTo("\"bob\"");
    }

    @Test
    void anOptionalCallerIsEmptyWhenAnonymous() {
        Portico app = app(TestCaller.bearer());
        assertThat(app.handle(TestRequest.get("/api/hello/")).body()).asString().isEqualTo("\"hello stranger\"");
        assertThat(app.handle(as(TestRequest.get("/api/hello/"), "ada")).body())
                .asString()
                .isEqualTo("\"hello ada\"");
    }

    @Test
    void aRequiredCallerLeftAnonymousIs401WithTheChallenge() {
        Portico app = app(TestCaller.session(), TestCaller.bearer()); // no permission stops the request earlier
        for (String path : new String[] {"/api/me/", "/api/any/", "/api/functional/"}) {
            Response response = app.handle(TestRequest.get(path));
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
        }
    }

    @Test
    void aRequiredCallerBeatsInvalidInput() {
        Response response = app(TestCaller.bearer())
                .handle(TestRequest.of("POST", "/api/notes/").json("{\"nope\":1}"));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aPrincipalOfAnotherTypeIsAServerErrorThatSaysNothing() {
        Authenticator keys = request -> Optional.of(new ApiKey("k1")); // declares no principal type: found per request
        Response response = app(keys).handle(TestRequest.get("/api/me/"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(json(response).get("code").asText()).isEqualTo("server_error");
        assertThat(new String(response.body())).doesNotContain("ApiKey");
        assertThat(app(keys).handle(TestRequest.get("/api/any/")).status()).isEqualTo(200); // Principal takes any
    }

    @Test
    void anAuthenticatorDeclaringAnUnrelatedPrincipalTypeFailsTheBuild() {
        Authenticator keys = new Authenticator() {
            @Override
            public Optional<Principal> authenticate(dev.portico.http.Request request) {
                return Optional.of(new ApiKey("k1"));
            }

            @Override
            public Class<? extends Principal> principalType() {
                return ApiKey.class;
            }
        };
        assertThatThrownBy(() -> app(TestCaller.bearer(), keys))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(Notes.")
                .hasMessageContaining(TestCaller.class.getName())
                .hasMessageContaining(ApiKey.class.getName())
                .hasMessageContaining("Principal always works");
    }

    @Test
    void aRequiredCallerWithoutAuthenticatorsFailsTheBuild() {
        assertThatThrownBy(() -> app())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(Notes.")
                .hasMessageContaining("but has no authenticators")
                .hasMessageContaining("or take Optional<");
    }

    @Test
    void anOptionalCallerWithoutAuthenticatorsIsAlwaysEmpty() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .get(
                        "/api/hello/",
                        String.class,
                        r -> ((Optional<?>) r.input("caller")).isPresent() ? "known" : "anonymous",
                        e -> e.caller(new TypeRef<Optional<TestCaller>>() {}.type()))
                .build();
        assertThat(app.handle(TestRequest.get("/api/hello/")).body()).asString().isEqualTo("\"anonymous\"");
    }

    @Test
    void aNonPrincipalTypeIsNotACaller() {
        assertThat(Input.Caller.principalType(String.class)).isEmpty();
        assertThat(Input.Caller.principalType(new TypeRef<Optional<String>>() {}.type()))
                .isEmpty();
        assertThat(Input.Caller.principalType(new TypeRef<Optional<TestCaller>>() {}.type()))
                .contains(TestCaller.class);
        assertThatThrownBy(() -> new Input.Caller(String.class)).hasMessageContaining("is not a caller type");
    }

    @Test
    void theCallerIsNotADocumentParameter() {
        Portico app = app(TestCaller.bearer());
        var me = app.openapi().model().getPaths().get("/api/me/").getGet();
        assertThat(me.getParameters()).isNullOrEmpty();
        var create = app.openapi().model().getPaths().get("/api/notes/").getPost();
        assertThat(create.getParameters()).isNullOrEmpty();
        assertThat(create.getRequestBody()).isNotNull();
        assertThat(create.getResponses()).containsKey("401");
    }

    @Test
    void aPermissionStillRunsBeforeTheCallerIsBound() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .shutdownHook(false)
                .authenticators(TestCaller.bearer())
                .permissions(Permission.isAdmin())
                .controller(new Notes())
                .build();
        assertThat(app.handle(as(TestRequest.get("/api/me/"), "alice")).status())
                .isEqualTo(403);
        assertThat(app.handle(TestRequest.get("/api/me/")).status()).isEqualTo(401);
        assertThat(app.handle(as(TestRequest.get("/api/me/"), "root;admin")).status())
                .isEqualTo(200);
    }
}
