package dev.portico.openapi;

import static dev.portico.openapi.OpenApiTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.SecurityScheme;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.testing.RedoclyLint;
import dev.portico.testing.TestCaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document's security: the schemes of the authenticators as components, each operation's OR-list of them,
 * {@code {}} where anonymous callers get through, {@code []} where nothing authenticates, and 401/403 as the
 * pipeline answers them.
 */
class SecurityTest {
    record Post(long id, String title) {}

    private static Authenticator documented(SecurityScheme scheme) {
        return new Authenticator() {
            @Override
            public Optional<Principal> authenticate(Request request) {
                return Optional.empty();
            }

            @Override
            public Optional<SecurityScheme> scheme() {
                return Optional.of(scheme);
            }
        };
    }

    private static final Authenticator API_KEY =
            documented(SecurityScheme.apiKeyHeader("apiKeyAuth", "Authorization", "Api-Key"));
    private static final Authenticator BASIC = documented(SecurityScheme.basic("basicAuth"));

    private static Portico app() {
        return OpenApiTesting.app(blog());
    }

    private static UnaryOperator<Portico.Builder> blog() {
        return b -> b.schema(s -> s.url("https://api.example.com"))
                .authenticators(TestCaller.session(), TestCaller.bearer())
                .permissions(Permission.authenticatedOrReadOnly())
                .get("/api/posts/", Post.class, r -> null, e -> e.summary("List posts"))
                .post("/api/posts/", Post.class, Post.class, (r, p) -> p, e -> e.summary("Create a post"))
                .get(
                        "/api/admin/",
                        Post.class,
                        r -> null,
                        e -> e.summary("Administer")
                                .permissions(Permission.isAdmin())
                                .authenticators(API_KEY, BASIC))
                .get(
                        "/api/health/",
                        Post.class,
                        r -> null,
                        e -> e.summary("Health").authenticators().permissions())
                .get(
                        "/api/undocumented/",
                        Post.class,
                        r -> null,
                        e -> e.summary("Undocumented").authenticators(r -> Optional.empty()));
    }

    private static JsonNode op(JsonNode doc, String path, String method) {
        return doc.path("paths").path(path).path(method);
    }

    private static List<String> statuses(JsonNode operation) {
        List<String> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    @Test
    void everySchemeUsedIsAComponent() {
        JsonNode schemes = json(app()).path("components").path("securitySchemes");
        assertThat(schemes.toString())
                .isEqualTo("{\"apiKeyAuth\":{\"type\":\"apiKey\",\"description\":\"API key authentication with"
                        + " required prefix \\\"Api-Key\\\"\",\"name\":\"Authorization\",\"in\":\"header\"},"
                        + "\"basicAuth\":{\"type\":\"http\",\"scheme\":\"basic\"},"
                        + "\"cookieAuth\":{\"type\":\"apiKey\",\"name\":\"sessionid\",\"in\":\"cookie\"},"
                        + "\"jwtAuth\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}");
    }

    @Test
    void anOperationListsItsAuthenticatorsSchemesInOrderAndTheEmptyOneWhenAnonymousMayPass() {
        JsonNode doc = json(app());
        assertThat(op(doc, "/api/posts/", "get").path("security").toString())
                .isEqualTo("[{\"cookieAuth\":[]},{\"jwtAuth\":[]},{}]"); // read-only: anyone may GET
        assertThat(op(doc, "/api/posts/", "post").path("security").toString())
                .isEqualTo("[{\"cookieAuth\":[]},{\"jwtAuth\":[]}]");
        assertThat(op(doc, "/api/admin/", "get").path("security").toString())
                .isEqualTo("[{\"apiKeyAuth\":[]},{\"basicAuth\":[]}]");
    }

    @Test
    void noAuthenticatorsIsPublicAndUndocumentedAuthenticatorsSayNothing() {
        JsonNode doc = json(app());
        assertThat(op(doc, "/api/health/", "get").path("security").toString()).isEqualTo("[]");
        assertThat(op(doc, "/api/undocumented/", "get").has("security")).isFalse();
    }

    @Test
    void errorsFollowThePipelinesRule() {
        JsonNode doc = json(app());
        assertThat(statuses(op(doc, "/api/posts/", "get")))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "405");
        assertThat(op(doc, "/api/posts/", "get")
                        .path("responses")
                        .path("401")
                        .path("headers")
                        .has("WWW-Authenticate"))
                .isTrue();
        assertThat(statuses(op(doc, "/api/health/", "get"))).containsExactlyInAnyOrder("200", "400", "405");
        JsonNode anyoneWithBadKey = json(OpenApiTesting.app(
                b -> b.authenticators(TestCaller.bearer()).get("/api/open/", Post.class, r -> null)));
        assertThat(statuses(op(anyoneWithBadKey, "/api/open/", "get")))
                .containsExactlyInAnyOrder("200", "400", "401", "405");
        assertThat(op(anyoneWithBadKey, "/api/open/", "get").path("security").toString())
                .isEqualTo("[{\"jwtAuth\":[]},{}]");
    }

    @Test
    void twoSchemesUnderOneNameFailTheBuildNamingBoth() {
        Authenticator otherJwt = documented(SecurityScheme.apiKeyHeader("jwtAuth", "X-Token"));
        assertThatThrownBy(() -> OpenApiTesting.app(b -> b.authenticators(TestCaller.bearer())
                        .get("/api/a/", Post.class, r -> null)
                        .get("/api/b/", Post.class, r -> null, e -> e.authenticators(otherJwt))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("security scheme 'jwtAuth'")
                .hasMessageContaining("GET /api/a/")
                .hasMessageContaining("GET /api/b/")
                .hasMessageContaining("BEARER")
                .hasMessageContaining("X-Token")
                .hasMessageContaining("give one of them another name");
    }

    @Test
    void theSameSchemeOnManyEndpointsIsOneComponent() {
        JsonNode doc = json(OpenApiTesting.app(b -> b.authenticators(TestCaller.bearer())
                .get("/api/a/", Post.class, r -> null)
                .get("/api/b/", Post.class, r -> null, e -> e.authenticators(TestCaller.bearer()))));
        assertThat(doc.path("components").path("securitySchemes").size()).isEqualTo(1);
    }

    @Test
    void schemesCheckTheirParts() {
        assertThatThrownBy(() -> new SecurityScheme(
                        "x", SecurityScheme.Kind.API_KEY_HEADER, Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("needs the header, cookie or query parameter");
        assertThatThrownBy(() -> SecurityScheme.bearer("has space")).hasMessageContaining("not a valid OpenAPI");
        assertThat(SecurityScheme.basic("basicAuth").description("Staff only.").description())
                .contains("Staff only.");
    }

    @Test
    void aSecuredDocumentIsValidInBothVersions() {
        for (SpecVersion version : SpecVersion.values()) {
            Portico app = OpenApiTesting.app(b -> blog().apply(b).schema(s -> s.specVersion(version)));
            for (OpenApiDocument.Format format : OpenApiDocument.Format.values()) {
                assertThat(OpenApiTesting.problems(app.openapi().text(format)))
                        .as(version + " " + format)
                        .isEmpty();
            }
        }
        String generatorOnly = OpenApiTesting.text(
                SpecVersion.V3_0,
                Endpoint.builder(HttpMethod.GET, "/api/x/")
                        .output(Post.class)
                        .authenticators(TestCaller.bearer())
                        .handle(r -> null)
                        .build());
        assertThat(generatorOnly).contains("jwtAuth");
        assertThat(OpenApiTesting.problems(generatorOnly)).isEmpty();
    }

    @Test
    void aSecuredDocumentPassesRedoclyLint(@TempDir Path dir) throws Exception {
        Portico app = OpenApiTesting.app(b -> b.schema(s -> s.url("https://api.example.com"))
                .authenticators(TestCaller.session(), TestCaller.bearer())
                .permissions(Permission.authenticatedOrReadOnly())
                .get("/api/posts/", Post.class, r -> null, e -> e.summary("List posts"))
                .post("/api/posts/", Post.class, Post.class, (r, p) -> p, e -> e.summary("Create a post")));
        Path file = dir.resolve("openapi.yaml");
        Files.writeString(file, app.openapi().text(OpenApiDocument.Format.YAML));
        RedoclyLint.assertNoErrors(file);
    }
}
