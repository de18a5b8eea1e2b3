package dev.portico.openapi;

import static dev.portico.openapi.OpenApiTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Delete;
import dev.portico.annotation.Get;
import dev.portico.annotation.Operation;
import dev.portico.annotation.Patch;
import dev.portico.annotation.Post;
import dev.portico.annotation.Put;
import dev.portico.annotation.Query;
import dev.portico.annotation.Status;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.TypeRef;
import dev.portico.error.ErrorFormat;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.pagination.Page;
import dev.portico.throttle.Throttle;
import jakarta.validation.constraints.Max;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Operations, names, errors and document-level options, as a client generator reads them. */
class OpenApiGeneratorTest {

    record Article(long id, String title) {}

    record ArticleInput(String title) {}

    record Filter(String title, Optional<Integer> year) {}

    /** The five DRF actions on one resource. */
    public static class Articles {
        @Get("/api/articles/")
        public Page<Article> list(
                @Query(defaultValue = "10") @Max(100) int limit, Optional<String> search, @Query List<String> tag) {
            return null;
        }

        @Post("/api/articles/")
        @Status(201)
        public Article create(ArticleInput input) {
            return null;
        }

        @Get("/api/articles/{id}/")
        public Article retrieve(long id) {
            return null;
        }

        @Put("/api/articles/{id}/")
        public Article update(long id, ArticleInput input) {
            return null;
        }

        @Patch("/api/articles/{id}/")
        public Article partialUpdate(long id, ArticleInput input) {
            return null;
        }

        @Delete("/api/articles/{id}/")
        @Operation(summary = "Delete an article", description = "Gone for good.", deprecated = true)
        public void destroy(long id) {}
    }

    private static JsonNode articles() {
        return json(b -> b.controller(new Articles()));
    }

    private static JsonNode op(JsonNode doc, String path, String method) {
        return doc.path("paths").path(path).path(method);
    }

    @Test
    void operationIdsAreDrfsActionsAndTagsTheFirstSegmentAfterTheApiPrefix() {
        JsonNode doc = articles();
        assertThat(op(doc, "/api/articles/", "get").path("operationId").asText())
                .isEqualTo("listArticles");
        assertThat(op(doc, "/api/articles/", "post").path("operationId").asText())
                .isEqualTo("createArticle");
        assertThat(op(doc, "/api/articles/{id}/", "get").path("operationId").asText())
                .isEqualTo("retrieveArticle");
        assertThat(op(doc, "/api/articles/{id}/", "put").path("operationId").asText())
                .isEqualTo("updateArticle");
        assertThat(op(doc, "/api/articles/{id}/", "patch").path("operationId").asText())
                .isEqualTo("partialUpdateArticle");
        assertThat(op(doc, "/api/articles/{id}/", "delete").path("operationId").asText())
                .isEqualTo("destroyArticle");
        assertThat(op(doc, "/api/articles/{id}/", "get").path("tags").toString())
                .isEqualTo("[\"articles\"]");
    }

    @Test
    void singularAndPluralFollowTheCommonEnglishForms() {
        assertThat(OperationNames.singular("Categories")).isEqualTo("Category");
        assertThat(OperationNames.singular("Addresses")).isEqualTo("Address");
        assertThat(OperationNames.singular("Status")).isEqualTo("Status");
        assertThat(OperationNames.plural("Category")).isEqualTo("Categories");
        assertThat(OperationNames.plural("Box")).isEqualTo("Boxes");
        assertThat(OperationNames.camel("blog-posts")).isEqualTo("BlogPosts");
    }

    @Test
    void parametersCarryTheirTypesRequirednessDefaultsAndConstraints() {
        JsonNode doc = articles();
        JsonNode list = op(doc, "/api/articles/", "get").path("parameters");
        assertThat(list.get(0).toString())
                .isEqualTo("{\"name\":\"limit\",\"in\":\"query\",\"required\":false,"
                        + "\"schema\":{\"type\":\"integer\",\"format\":\"int32\",\"default\":10,\"maximum\":100,"
                        + "\"minimum\":-2147483648}}");
        assertThat(list.get(1).path("required").asBoolean()).isFalse();
        assertThat(list.get(2).path("schema").path("type").asText()).isEqualTo("array");
        assertThat(list.get(2).path("explode").asBoolean()).isTrue();
        JsonNode id = op(doc, "/api/articles/{id}/", "get").path("parameters").get(0);
        assertThat(id.toString())
                .isEqualTo("{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
                        + "\"schema\":{\"type\":\"integer\",\"format\":\"int64\","
                        + "\"maximum\":9223372036854775807,\"minimum\":-9223372036854775808}}");
    }

    public static class Optionals {
        record Note(java.util.Optional<@jakarta.validation.constraints.Size(max = 3) String> text) {}

        @dev.portico.annotation.Post("/api/notes/")
        public Note create(
                @dev.portico.annotation.Query
                        java.util.Optional<@jakarta.validation.constraints.Size(max = 5) String> tag,
                Note note) {
            return note;
        }
    }

    @Test
    void queryParametersTheHandlerReadsItselfAreDocumentedAsOptional() {
        JsonNode doc = OpenApiTesting.generate(Endpoint.builder(HttpMethod.GET, "/api/staff/")
                .output(new dev.portico.endpoint.TypeRef<List<String>>() {})
                .query("search", String.class, "")
                .documentQuery("salary__gte", java.math.BigDecimal.class, "Salary at least this.")
                .documentQuery("search", String.class, "bound already: not listed twice")
                .handle(r -> List.of())
                .build());
        JsonNode parameters = op(doc, "/api/staff/", "get").path("parameters");
        assertThat(parameters).hasSize(2);
        assertThat(parameters.get(1).toString())
                .isEqualTo("{\"name\":\"salary__gte\",\"in\":\"query\",\"description\":\"Salary at least"
                        + " this.\",\"required\":false,\"schema\":{\"type\":\"number\"}}");
    }

    @Test
    void constraintsOnAnOptionalsValueAreDocumentedOnTheValue() {
        JsonNode doc = json(b -> b.controller(new Optionals()));
        JsonNode tag = op(doc, "/api/notes/", "post").path("parameters").get(0);
        assertThat(tag.path("schema").path("maxLength").asInt()).isEqualTo(5);
        assertThat(OpenApiTesting.schema(doc, "Note")
                        .path("properties")
                        .path("text")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void recordQueryInputsAreDocumentedAsDottedParameters() {
        JsonNode doc = OpenApiTesting.generate(Endpoint.builder(HttpMethod.GET, "/api/books/")
                .output(String.class)
                .query("filter", Filter.class)
                .handle(r -> "")
                .build());
        JsonNode params = op(doc, "/api/books/", "get").path("parameters");
        assertThat(params.get(0).path("name").asText()).isEqualTo("filter.title");
        assertThat(params.get(0).path("required").asBoolean()).isTrue();
        assertThat(params.get(1).path("name").asText()).isEqualTo("filter.year");
        assertThat(params.get(1).path("required").asBoolean()).isFalse();
    }

    @Test
    void statusesBodiesAndPerEndpointDocsAreDocumented() {
        JsonNode doc = articles();
        JsonNode create = op(doc, "/api/articles/", "post");
        assertThat(create.path("responses")
                        .path("201")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Article");
        assertThat(create.path("requestBody").path("required").asBoolean()).isTrue();
        JsonNode destroy = op(doc, "/api/articles/{id}/", "delete");
        assertThat(destroy.path("responses").path("204").has("content")).isFalse();
        assertThat(destroy.path("summary").asText()).isEqualTo("Delete an article");
        assertThat(destroy.path("description").asText()).isEqualTo("Gone for good.");
        assertThat(destroy.path("deprecated").asBoolean()).isTrue();
        assertThat(OpenApiTesting.schema(doc, "PaginatedArticleList").isObject())
                .isTrue();
    }

    @Test
    void overridesReplaceTheDerivedNamesAndResponses() {
        JsonNode doc = json(b -> b.get(
                        "/api/things/",
                        Article.class,
                        r -> null,
                        e -> e.operationId("fetchThing").tags("stuff", "more"))
                .get(
                        "/api/items/{id}/",
                        Article.class,
                        r -> null,
                        e -> e.operationIdBase("Widget")
                                .response(200, ArticleInput.class)
                                .response(409, void.class)
                                .extension("x-internal", true)));
        assertThat(op(doc, "/api/things/", "get").path("operationId").asText()).isEqualTo("fetchThing");
        assertThat(op(doc, "/api/things/", "get").path("tags").toString()).isEqualTo("[\"stuff\",\"more\"]");
        JsonNode item = op(doc, "/api/items/{id}/", "get");
        assertThat(item.path("operationId").asText()).isEqualTo("retrieveWidget");
        assertThat(item.path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ArticleInput");
        assertThat(item.path("responses").path("409").path("description").asText())
                .isEqualTo("Conflict");
        assertThat(item.path("x-internal").asBoolean()).isTrue();
    }

    @Test
    void duplicateOperationIdsFailAtBuildNamingBothEndpoints() {
        assertThatThrownBy(() -> OpenApiTesting.app(b -> b.get("/api/a/{id}/", Article.class, r -> null)
                        .get("/api/b/", Article.class, r -> null, e -> e.operationId("retrieveA"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("operationId 'retrieveA'")
                .hasMessageContaining("GET /api/a/{id}/")
                .hasMessageContaining("GET /api/b/")
                .hasMessageContaining("operationId(...)");
    }

    private static Set<String> statuses(JsonNode operation) {
        return Set.copyOf(StreamSupport.stream(
                        ((Iterable<String>) () -> operation.path("responses").fieldNames()).spliterator(), false)
                .toList());
    }

    @Test
    void errorResponsesFollowWhatEachEndpointCanAnswer() {
        JsonNode doc = articles();
        // a page: 404 Invalid page. past the last
        assertThat(statuses(op(doc, "/api/articles/", "get"))).containsExactlyInAnyOrder("200", "400", "404", "405");
        assertThat(statuses(op(doc, "/api/articles/", "post")))
                .containsExactlyInAnyOrder("201", "400", "405", "413", "415");
        assertThat(statuses(op(doc, "/api/articles/{id}/", "get")))
                .containsExactlyInAnyOrder("200", "400", "404", "405");
        JsonNode notFound =
                op(doc, "/api/articles/{id}/", "get").path("responses").path("404");
        assertThat(notFound.path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Error");
        JsonNode error = OpenApiTesting.schema(doc, "Error");
        assertThat(error.path("required").toString()).isEqualTo("[\"detail\",\"code\"]");
        assertThat(error.path("properties")
                        .path("errors")
                        .path("additionalProperties")
                        .path("items")
                        .path("type")
                        .asText())
                .isEqualTo("string");
    }

    private static final Authenticator BEARER = new Authenticator() {
        @Override
        public Optional<Principal> authenticate(Request request) {
            return Optional.empty();
        }

        @Override
        public Optional<String> challenge() {
            return Optional.of("Bearer");
        }
    };

    @Test
    void authenticatorsWithoutAChallengeGive403Not401() {
        JsonNode doc = json(b -> b.authenticators(r -> Optional.empty())
                .permissions(Permission.authenticated())
                .get("/api/private/", Article.class, r -> null)
                .get("/api/open/", Article.class, r -> null, e -> e.permissions()));
        // a 401 must name a challenge, so without one every refusal is a 403 (Refusal), as the pipeline answers
        assertThat(statuses(op(doc, "/api/private/", "get"))).containsExactlyInAnyOrder("200", "400", "403", "405");
        // no permission to refuse anyone, but bad credentials are still refused: a 403
        assertThat(statuses(op(doc, "/api/open/", "get"))).containsExactlyInAnyOrder("200", "400", "403", "405");
    }

    @Test
    void oneAuthenticatorWithAChallengeGives401WhateverTheOrder() {
        JsonNode doc = json(b -> b.authenticators(r -> Optional.empty(), BEARER)
                .get("/api/open/", Article.class, r -> null, e -> e.permissions()));
        assertThat(statuses(op(doc, "/api/open/", "get"))).containsExactlyInAnyOrder("200", "400", "401", "405");
    }

    @Test
    void permissionsWithoutAuthenticatorsGive403Only() {
        JsonNode doc = json(b -> b.permissions(r -> false).get("/api/closed/", Article.class, r -> null));
        assertThat(statuses(op(doc, "/api/closed/", "get"))).containsExactlyInAnyOrder("200", "400", "403", "405");
    }

    @Test
    void policiesAddAuthenticationPermissionAndThrottleErrors() {
        Throttle throttle = key -> new Throttle.Decision(true, 1, 1, 1);
        JsonNode doc = json(b -> b.authenticators(BEARER)
                .permissions(Permission.authenticated())
                .throttle(throttle)
                .get("/api/private/", Article.class, r -> null)
                .get(
                        "/api/public/",
                        Article.class,
                        r -> null,
                        e -> e.permissions().authenticators()));
        JsonNode priv = op(doc, "/api/private/", "get");
        assertThat(statuses(priv)).containsExactlyInAnyOrder("200", "400", "401", "403", "405", "429");
        assertThat(priv.path("responses").path("401").path("headers").has("WWW-Authenticate"))
                .isTrue();
        assertThat(priv.path("responses").path("429").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(statuses(op(doc, "/api/public/", "get"))).containsExactlyInAnyOrder("200", "400", "405", "429");
    }

    @Test
    void throttledOperationsDocumentTheRateLimitHeadersWhereTheThrottleStagePutsThem() {
        JsonNode doc = json(b -> b.authenticators(BEARER)
                .permissions(Permission.authenticated())
                .get("/api/{id}/limited/", Article.class, r -> null, e -> e.throttle(Throttle.of("5/min")))
                .get("/api/free/", Article.class, r -> null));
        JsonNode responses = op(doc, "/api/{id}/limited/", "get").path("responses");
        for (String status : java.util.List.of("200", "400", "401", "403", "404", "429")) { // all but the 405
            for (String header : java.util.List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                assertThat(responses
                                .path(status)
                                .path("headers")
                                .path(header)
                                .path("$ref")
                                .asText())
                        .as(status)
                        .isEqualTo("#/components/headers/" + header);
            }
        }
        JsonNode limit =
                doc.path("components").path("headers").path("RateLimit-Limit").path("schema");
        assertThat(limit.path("type").asText()).isEqualTo("integer");
        assertThat(limit.path("format").asText()).isEqualTo("int32");
        assertThat(doc.path("components")
                        .path("headers")
                        .path("Retry-After")
                        .path("schema")
                        .path("format")
                        .asText())
                .isEqualTo("int32");
        assertThat(responses.path("429").path("headers").has("Retry-After")).isTrue();
        assertThat(responses.path("405").path("headers").has("RateLimit-Limit")).isFalse(); // the method check is first
        JsonNode free = op(doc, "/api/free/", "get").path("responses");
        assertThat(free.has("429")).isFalse();
        assertThat(free.path("200").has("headers")).isFalse();
    }

    @Test
    void problemFormatDocumentsProblemJson() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.ERRORS_FORMAT, ErrorFormat.PROBLEM)
                .build();
        JsonNode doc = OpenApiTesting.json(Portico.builder()
                .config(config)
                .get("/api/a/{id}/", Article.class, r -> null)
                .build());
        JsonNode notFound = op(doc, "/api/a/{id}/", "get").path("responses").path("404");
        assertThat(notFound.path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(OpenApiTesting.schema(doc, "Problem").path("required").toString())
                .isEqualTo("[\"type\",\"title\",\"status\",\"detail\",\"code\"]");
    }

    @Test
    void infoAndServersComeFromConfigurationAndCodeWins() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.OPENAPI_TITLE, "From config")
                .set(Settings.OPENAPI_DESCRIPTION, "Described")
                .set(Settings.OPENAPI_VERSION, "2.0.0")
                .set(Settings.OPENAPI_SERVER_URL, "https://api.example.com")
                .build();
        JsonNode doc = OpenApiTesting.json(Portico.builder()
                .config(config)
                .get("/api/a/", Article.class, r -> null)
                .build());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").toString())
                .isEqualTo("{\"title\":\"From config\",\"description\":\"Described\",\"version\":\"2.0.0\"}");
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("https://api.example.com");
        JsonNode coded = OpenApiTesting.json(Portico.builder()
                .config(config)
                .schema(s -> s.title("From code"))
                .get("/api/a/", Article.class, r -> null)
                .build());
        assertThat(coded.path("info").path("title").asText()).isEqualTo("From code");
    }

    @Test
    void specVersionComesFromConfiguration() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.OPENAPI_SPEC_VERSION, "3.0.3")
                .build();
        JsonNode doc = OpenApiTesting.json(Portico.builder()
                .config(config)
                .get("/api/a/", Article.class, r -> null)
                .build());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
        assertThatThrownBy(() -> SpecVersion.parse("2.0")).hasMessageContaining("use 3.1.0 or 3.0.3");
    }

    @Test
    void customizersChangeTheFinishedDocument() {
        JsonNode doc =
                json(b -> b.schema(s -> s.customizer(o -> o.getInfo().termsOfService("https://example.com/terms")))
                        .get("/api/a/", Article.class, r -> null));
        assertThat(doc.path("info").path("termsOfService").asText()).isEqualTo("https://example.com/terms");
    }

    @Test
    void patternsChooseTheDocumentedRoutes() {
        JsonNode doc = json(b -> b.schema(s -> s.patterns("/api/articles/**"))
                .controller(new Articles())
                .get("/health", Article.class, r -> null));
        assertThat(doc.path("paths").fieldNames())
                .toIterable()
                .containsExactly("/api/articles/", "/api/articles/{id}/");
        assertThat(PathGlob.matches("/api/*/", "/api/posts/")).isTrue();
        assertThat(PathGlob.matches("/api/*/", "/api/posts/{id}/")).isFalse();
        assertThat(PathGlob.matches("/api/**", "/api/")).isTrue();
    }

    @Test
    void tagsWithoutThePrefixUseTheFirstSegment() {
        JsonNode doc =
                json(b -> b.get("/health", Article.class, r -> null).get("/v2/users/{id}/", Article.class, r -> null));
        assertThat(op(doc, "/health", "get").path("tags").toString()).isEqualTo("[\"health\"]");
        assertThat(op(doc, "/health", "get").path("operationId").asText()).isEqualTo("retrieveHealth");
        assertThat(op(doc, "/v2/users/{id}/", "get").path("tags").toString()).isEqualTo("[\"v2\"]");
        JsonNode prefixed =
                json(b -> b.schema(s -> s.apiPrefix("/v2")).get("/v2/users/{id}/", Article.class, r -> null));
        assertThat(op(prefixed, "/v2/users/{id}/", "get").path("tags").toString())
                .isEqualTo("[\"users\"]");
    }

    @Test
    void aRichDocumentIsValidInBothVersions() {
        for (SpecVersion version : SpecVersion.values()) {
            Portico app = OpenApiTesting.app(b -> b.schema(
                            s -> s.specVersion(version).url("https://api.example.com"))
                    .authenticators(BEARER)
                    .permissions(Permission.authenticated())
                    .controller(new Articles())
                    .get("/api/scalars/", TypeSchemasTest.Scalars.class, r -> null)
                    .get("/api/constrained/", TypeSchemasTest.Constrained.class, r -> null)
                    .get("/api/optionals/", TypeSchemasTest.Optionals.class, r -> null)
                    .post("/api/accounts/", TypeSchemasTest.Account.class, TypeSchemasTest.Account.class, (r, a) -> a));
            for (OpenApiDocument.Format format : OpenApiDocument.Format.values()) {
                assertThat(OpenApiTesting.problems(app.openapi().text(format)))
                        .as(version + " " + format)
                        .isEmpty();
            }
            assertThat(app.openapi().text(OpenApiDocument.Format.YAML)).startsWith("openapi: " + version.number());
            String generatorOnly = OpenApiTesting.text(
                    version,
                    Endpoint.builder(HttpMethod.GET, "/api/books/")
                            .output(new TypeRef<List<Article>>() {})
                            .query("filter", Filter.class)
                            .handle(r -> null)
                            .build(),
                    Endpoint.builder(HttpMethod.POST, "/api/uploads/")
                            .output(Article.class)
                            .body(TypeSchemasTest.Upload.class, List.of("multipart/form-data"))
                            .handle(r -> null)
                            .build());
            assertThat(OpenApiTesting.problems(generatorOnly))
                    .as(version + " generator only")
                    .isEmpty();
        }
    }
}
