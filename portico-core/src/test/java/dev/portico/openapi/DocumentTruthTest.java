package dev.portico.openapi;

import static dev.portico.openapi.OpenApiTesting.json;
import static dev.portico.openapi.OpenApiTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.SecurityScheme;
import dev.portico.endpoint.Docs;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.TypeRef;
import dev.portico.error.NotFound;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.pagination.Page;
import dev.portico.rpc.Api;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What third-party tools held the document to (issue 19): every status, header and credential place an endpoint
 * gives or reads is documented, from what the endpoint declares and does.
 */
class DocumentTruthTest {
    record Item(String name) {}

    record Draft(
            String title,
            Optional<Boolean> draft,
            @JsonProperty("publish_at") Optional<Instant> publishAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sparse(String kind, String name) {}

    @ApiModule("things")
    public static final class Things {
        @ApiMethod
        public Item find(String name) throws NotFound {
            throw new NotFound();
        }

        @ApiMethod
        public Item check(@dev.portico.annotation.Nullable Boolean flag, Instant when) {
            return new Item("x");
        }
    }

    /** seed 002's authorisation field: a query scheme, and a field of form bodies. */
    static final Authenticator FORM_KEY = new Authenticator() {
        @Override
        public Optional<Principal> authenticate(Request request) {
            return Optional.empty();
        }

        @Override
        public Optional<SecurityScheme> scheme() {
            return Optional.of(SecurityScheme.apiKeyQuery("formApiKey", "authorisation"));
        }

        @Override
        public Set<String> formFields() {
            return Set.of("authorisation");
        }

        @Override
        public boolean formFieldIdentifies() {
            return true;
        }
    };

    /** A session: its callers add X-CSRFToken to unsafe requests. */
    static final Authenticator SESSION = new Authenticator() {
        @Override
        public Optional<Principal> authenticate(Request request) {
            return Optional.empty();
        }

        @Override
        public Optional<SecurityScheme> scheme() {
            return Optional.of(SecurityScheme.apiKeyCookie("sessionAuth", "sessionid"));
        }

        @Override
        public Map<String, String> unsafeMethodHeaders() {
            return Map.of("X-CSRFToken", "The CSRF token.");
        }
    };

    private static JsonNode op(JsonNode doc, String path, String method) {
        return doc.path("paths").path(path).path(method);
    }

    @Test
    void aPageAnswers404AndAMethodThatThrowsNotFoundToo() {
        JsonNode doc =
                json(b -> b.endpoints(Api.builder().module(new Things()).build().endpoints())
                        .endpoint(Endpoint.builder(HttpMethod.GET, "/api/items/")
                                .output(new TypeRef<Page<Item>>() {})
                                .handle(r -> null)
                                .build()));
        assertThat(op(doc, "/api/items/", "get").path("responses").has("404")).isTrue();
        assertThat(op(doc, "/api/items/", "get").path("responses").has("400")).isTrue();
        assertThat(op(doc, "/api/things/find", "post").path("responses").has("404"))
                .isTrue();
        assertThat(op(doc, "/api/things/check", "post").path("responses").has("404"))
                .isFalse();
    }

    @Test
    void aFieldJacksonLeavesOutWhenNullIsNotRequired() {
        JsonNode doc = json(b -> b.get("/api/sparse/", Sparse.class, r -> new Sparse("k", null)));
        assertThat(schema(doc, "Sparse").has("required")).isFalse();
    }

    @Test
    void headersTheHandlerReadsAndWritesAreDocumented() {
        JsonNode doc = json(b -> b.post(
                "/api/items/",
                Item.class,
                Item.class,
                (r, i) -> i,
                e -> e.status(201)
                        .documentHeader(Docs.Header.response(201, "Location", "The new item."))
                        .documentHeader(Docs.Header.request("If-Match", "The version."))));
        JsonNode post = op(doc, "/api/items/", "post");
        assertThat(post.path("responses").path("201").path("headers").has("Location"))
                .isTrue();
        assertThat(post.path("parameters").get(0).path("in").asText()).isEqualTo("header");
        assertThat(post.path("parameters").get(0).path("name").asText()).isEqualTo("If-Match");
    }

    @Test
    void aRawResponseIsAnyMediaType() {
        JsonNode doc = json(b -> b.get("/api/raw/", Response.class, r -> Response.of(204)));
        assertThat(op(doc, "/api/raw/", "get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("*/*"))
                .isTrue();
    }

    @Test
    void aFormCredentialIsAQuerySchemeAndAFieldOfEveryFormBody() {
        JsonNode doc = json(b -> b.authenticators(FORM_KEY)
                .post("/api/items/", Item.class, Item.class, (r, i) -> i)
                .endpoints(Api.builder()
                        .authenticators(FORM_KEY)
                        .module(new Things())
                        .build()
                        .endpoints()));
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("formApiKey")
                        .path("in")
                        .asText())
                .isEqualTo("query");
        JsonNode method =
                op(doc, "/api/things/check", "post").path("requestBody").path("content");
        assertThat(method.fieldNames())
                .toIterable()
                .contains("multipart/form-data", "application/x-www-form-urlencoded", "application/json");
        assertThat(method.path("application/x-www-form-urlencoded")
                        .path("schema")
                        .path("properties")
                        .has("authorisation"))
                .isTrue();
        assertThat(method.path("application/json")
                        .path("schema")
                        .path("properties")
                        .has("authorisation"))
                .isFalse();
        JsonNode form = op(doc, "/api/items/", "post")
                .path("requestBody")
                .path("content")
                .path("application/x-www-form-urlencoded")
                .path("schema");
        assertThat(form.path("properties").has("name")).isTrue();
        assertThat(form.path("properties").has("authorisation")).isTrue();
    }

    @Test
    void aCredentialAloneInTheFormIsTheEmptyRequirementOfOperationsThatTakeAForm() {
        JsonNode doc = json(b -> b.authenticators(FORM_KEY)
                .permissions(Permission.authenticated())
                .post("/api/items/", Item.class, Item.class, (r, i) -> i)
                .get("/api/items/{name}/", Item.class, r -> new Item("x")));
        assertThat(op(doc, "/api/items/", "post").path("security").toString())
                .isEqualTo("[{\"formApiKey\":[]},{}]"); // the field satisfies no scheme: Prism needs {}
        assertThat(op(doc, "/api/items/{name}/", "get").path("security").toString())
                .isEqualTo("[{\"formApiKey\":[]}]"); // no form, no field: the scheme is the only way
    }

    @Test
    void unsafeOperationsThatAcceptTheSessionDocumentItsCsrfHeader() {
        JsonNode doc = json(b -> b.authenticators(SESSION)
                .post("/api/items/", Item.class, Item.class, (r, i) -> i)
                .get("/api/items/", Item.class, r -> new Item("x"))
                .put("/api/open/", Item.class, Item.class, (r, i) -> i, e -> e.authenticators()));
        JsonNode header = op(doc, "/api/items/", "post").path("parameters").get(0);
        assertThat(header.path("in").asText()).isEqualTo("header");
        assertThat(header.path("name").asText()).isEqualTo("X-CSRFToken");
        assertThat(header.path("required").asBoolean()).isFalse(); // the other schemes do without it
        assertThat(op(doc, "/api/items/", "get").has("parameters")).isFalse(); // a safe method needs no token
        assertThat(op(doc, "/api/open/", "put").has("parameters")).isFalse(); // no session accepted there
    }

    @Test
    void aRecordBodySentAsAFormIsSpelledAsAnApiMethodsForm() {
        JsonNode doc = json(b -> b.post("/api/drafts/", Draft.class, Draft.class, (r, d) -> d));
        JsonNode content = op(doc, "/api/drafts/", "post").path("requestBody").path("content");
        assertThat(content.path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Draft");
        JsonNode form = content.path("application/x-www-form-urlencoded").path("schema");
        assertThat(form.path("required").toString()).isEqualTo("[\"title\"]");
        assertThat(form.path("properties").path("title").has("anyOf")).isFalse(); // text: blank is the empty string
        JsonNode draft = form.path("properties").path("draft").path("anyOf");
        assertThat(draft.get(1).path("enum").toString()).contains("\"on\"");
        assertThat(draft.get(2).path("maxLength").asInt()).isZero(); // draft= : not given
        JsonNode publish = form.path("properties").path("publish_at").path("anyOf");
        assertThat(publish.get(1).path("pattern").asText()).isNotEmpty(); // epoch seconds
        assertThat(publish.get(2).path("maxLength").asInt()).isZero();
        JsonNode multipart = content.path("multipart/form-data").path("schema").path("properties");
        assertThat(multipart.path("draft").path("anyOf")).hasSize(2); // no blank: generators would send a JSON part
    }

    @Test
    void aNullableArgumentTakesNullInJsonAndBlankInAForm() {
        JsonNode doc =
                json(b -> b.endpoints(Api.builder().module(new Things()).build().endpoints()));
        JsonNode content =
                op(doc, "/api/things/check", "post").path("requestBody").path("content");
        assertThat(content.path("application/json")
                        .path("schema")
                        .path("properties")
                        .path("flag")
                        .path("type")
                        .toString())
                .isEqualTo("[\"boolean\",\"null\"]");
        JsonNode blank = content.path("application/x-www-form-urlencoded")
                .path("schema")
                .path("properties")
                .path("flag")
                .path("anyOf")
                .get(2);
        assertThat(blank.path("maxLength").asInt()).isZero();
    }

    @Test
    void aFormBooleanAndInstantListTheirOtherSpellings() {
        JsonNode doc =
                json(b -> b.endpoints(Api.builder().module(new Things()).build().endpoints()));
        JsonNode form = op(doc, "/api/things/check", "post")
                .path("requestBody")
                .path("content")
                .path("application/x-www-form-urlencoded")
                .path("schema")
                .path("properties");
        assertThat(form.path("flag").path("anyOf").get(1).path("enum").toString())
                .contains("\"on\"", "\"off\"");
        assertThat(form.path("when").path("anyOf").get(1).path("pattern").asText())
                .isNotEmpty();
        JsonNode json = op(doc, "/api/things/check", "post")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("properties");
        assertThat(json.path("flag").has("anyOf")).isFalse();
    }
}
