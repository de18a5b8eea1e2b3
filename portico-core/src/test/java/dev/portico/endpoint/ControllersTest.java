package dev.portico.endpoint;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.annotation.Body;
import dev.portico.annotation.Delete;
import dev.portico.annotation.Get;
import dev.portico.annotation.Header;
import dev.portico.annotation.Operation;
import dev.portico.annotation.Patch;
import dev.portico.annotation.Post;
import dev.portico.annotation.Query;
import dev.portico.annotation.Status;
import dev.portico.config.PorticoConfig;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.router.ParamType;
import dev.portico.router.RouteConflictException;
import dev.portico.testing.TestRequest;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ControllersTest {
    record Article(long id, String title) {}

    record NewArticle(String title) {}

    record Page<T>(int count, List<T> results) {}

    public static class Articles {
        @Get("/api/articles/")
        public Page<Article> list(@Query(defaultValue = "10") int limit, Optional<String> search) {
            return new Page<>(limit, List.of(new Article(1, search.orElse("none"))));
        }

        @Post("/api/articles/")
        @Status(201)
        @Operation(id = "publishArticle", tags = "writing", summary = "Publish")
        public Article create(NewArticle body, @Header("X-Author") String author) {
            return new Article(2, body.title() + " by " + author);
        }

        @Get("/api/articles/{id}/")
        public Article retrieve(long id, Request request) {
            return new Article(id, request.requestId().isEmpty() ? "?" : "ok");
        }

        @Patch("/api/articles/{id}/")
        public Article rename(long id, @Body Map<String, String> changes) {
            return new Article(id, changes.get("title"));
        }

        @Get("/api/keys/{key}/")
        public String key(UUID key) {
            return key.toString();
        }

        @Delete("/api/articles/{id}/")
        public void destroy(long id) {}

        public String notARoute() {
            return "ignored";
        }
    }

    private final List<Endpoint> endpoints = Controllers.endpoints(new Articles(), e -> {});

    private Endpoint endpoint(HttpMethod method, String path) {
        return endpoints.stream()
                .filter(e -> e.method() == method && e.path().template().equals(path))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readsEveryAnnotatedMethodOnce() {
        assertThat(endpoints).hasSize(6);
    }

    @Test
    void signaturesGiveInputsAndOutputsGenericsIncluded() {
        Endpoint list = endpoint(HttpMethod.GET, "/api/articles/");
        assertThat(list.output()).isInstanceOf(ParameterizedType.class);
        assertThat(list.output().getTypeName()).contains("Page<dev.portico.endpoint.ControllersTest$Article>");
        assertThat(list.inputs()).extracting(Input::name).containsExactly("limit", "search");
        Input.Query limit = (Input.Query) list.inputs().get(0);
        assertThat(limit.name()).isEqualTo("limit");
        assertThat(limit.type()).isEqualTo(int.class);
        assertThat(limit.defaultValue()).isEqualTo("10");
        assertThat(limit.annotations())
                .extracting(a -> a.annotationType().getSimpleName())
                .containsExactly("Query");

        Endpoint retrieve = endpoint(HttpMethod.GET, "/api/articles/{id}/");
        assertThat(retrieve.path().paramType("id")).contains(ParamType.LONG);
        assertThat(retrieve.inputs().get(1)).isInstanceOf(Input.Context.class);

        assertThat(endpoint(HttpMethod.GET, "/api/keys/{key}/").path().paramType("key"))
                .contains(ParamType.UUID);
        assertThat(endpoint(HttpMethod.DELETE, "/api/articles/{id}/").status()).isEqualTo(204);
    }

    @Test
    void annotationsOverrideStatusAndDocs() {
        Endpoint create = endpoint(HttpMethod.POST, "/api/articles/");
        assertThat(create.status()).isEqualTo(201);
        assertThat(create.docs().operationId()).contains("publishArticle");
        assertThat(create.docs().tags()).containsExactly("writing");
        assertThat(create.body()).isPresent();
        assertThat(create.source()).isEqualTo("Articles.create");
    }

    @Test
    void controllerMethodsServeRequests() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .controller(new Articles())
                .build();
        Response list = app.handle(TestRequest.get("/api/articles/?search=cats"));
        assertThat(json(list).get("count").asInt()).isEqualTo(10);
        assertThat(json(list).get("results").get(0).get("title").asText()).isEqualTo("cats");

        Response created = app.handle(TestRequest.of("POST", "/api/articles/")
                .header("X-Author", "ada")
                .json("{\"title\":\"Hi\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(json(created).get("title").asText()).isEqualTo("Hi by ada");

        Response missingHeader =
                app.handle(TestRequest.of("POST", "/api/articles/").json("{\"title\":\"Hi\"}"));
        assertThat(missingHeader.status()).isEqualTo(400);
        assertThat(json(missingHeader).get("errors").has("X-Author")).isTrue();

        assertThat(json(app.handle(TestRequest.get("/api/articles/5/")))
                        .get("id")
                        .asLong())
                .isEqualTo(5);
        assertThat(json(app.handle(TestRequest.of("PATCH", "/api/articles/5/").json("{\"title\":\"New\"}")))
                        .get("title")
                        .asText())
                .isEqualTo("New");
        assertThat(app.handle(TestRequest.of("DELETE", "/api/articles/5/")).status())
                .isEqualTo(204);
        assertThat(app.handle(TestRequest.get("/api/articles/notanumber/")).status())
                .isEqualTo(404);
    }

    @Test
    void controllerExceptionsPassThroughUnwrapped() {
        class Failing {
            @Get("/x/")
            public String fail() {
                throw new dev.portico.error.PermissionDenied();
            }
        }
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .controller(new Failing())
                .build();
        assertThat(app.handle(TestRequest.get("/x/")).status()).isEqualTo(403);
    }

    @Test
    void aControllerWithoutRoutesFails() {
        assertThatThrownBy(() -> Controllers.endpoints(new Object(), e -> {}))
                .hasMessageContaining("has no method annotated");
    }

    @Test
    void aParameterOfUnknownOriginFailsNamingIt() {
        class Unclear {
            @Get("/x/")
            public String get(NewArticle what) {
                return "";
            }
        }
        assertThatThrownBy(() -> Controllers.endpoints(new Unclear(), e -> {}))
                .hasMessageContaining("Unclear.get")
                .hasMessageContaining("parameter 'what'");
    }

    @Test
    void conflictingControllerRoutesFailAtStartupNamingBoth() {
        class First {
            @Get("/api/things/{id}/")
            public String one(long id) {
                return "";
            }
        }
        class Second {
            @Get("/api/things/{id}/")
            public String two(long id) {
                return "";
            }
        }
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .controller(new First())
                        .controller(new Second())
                        .build())
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("First.one")
                .hasMessageContaining("Second.two");
    }

    @Test
    void unbindableQueryTypeFailsAtStartup() {
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .get("/x/", String.class, r -> "", e -> e.query("filter", Articles.class))
                        .build())
                .hasMessageContaining("cannot be read from a query parameter");
    }
}
