package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static dev.portico.testing.Bodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.ErrorFormat;
import dev.portico.error.NotFound;
import dev.portico.error.ValidationFailed;
import dev.portico.http.FormData;
import dev.portico.http.MediaType;
import dev.portico.http.Response;
import dev.portico.router.TrailingSlash;
import dev.portico.testing.TestRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The whole request path in-process: routing, method stage, inputs, outputs and the error format. */
class ApplicationTest {
    record Item(String name, int quantity) {}

    record Greeting(String message) {}

    private static Portico app(PorticoConfig config) {
        return Portico.builder()
                .config(config)
                .get(
                        "/api/hello/{name}/",
                        Greeting.class,
                        request -> new Greeting("Hello, " + request.pathParam("name") + "!"))
                .get("/api/items/{id:int}/", Item.class, request -> {
                    int id = request.pathParam("id", Integer.class);
                    if (id > 10) {
                        throw new NotFound();
                    }
                    return new Item("item" + id, id);
                })
                .post("/api/items/", Item.class, Item.class, (request, item) -> item, e -> e.status(201))
                .get(
                        "/api/search/",
                        Greeting.class,
                        request -> new Greeting(request.input("q") + "/" + request.input("limit") + "/"
                                + request.input("tags") + "/" + request.input("debug")),
                        e -> e.query("q", String.class)
                                .query("limit", Integer.class, "20")
                                .query("tags", new dev.portico.endpoint.TypeRef<List<String>>() {}.type())
                                .query("debug", new dev.portico.endpoint.TypeRef<Optional<Boolean>>() {}.type()))
                .get("/api/boom/", Greeting.class, request -> {
                    throw new IllegalStateException("secret internals: password=hunter2");
                })
                .get("/api/text/", String.class, request -> "plain words", e -> e.produces(MediaType.TEXT_PLAIN_UTF8))
                .post(
                        "/api/form/",
                        FormData.class,
                        Greeting.class,
                        (request, form) -> new Greeting(String.join(",", form.all("a"))),
                        e -> {})
                .delete("/api/items/{id:int}/", request -> null)
                .build();
    }

    private static Portico app() {
        return app(PorticoConfig.defaults());
    }

    @Test
    void functionalRouteReturnsJson() {
        Response response = app().handle(TestRequest.get("/api/hello/ada/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("application/json");
        assertThat(text(response)).isEqualTo("{\"message\":\"Hello, ada!\"}");
    }

    @Test
    void typedPathParameterThatDoesNotMatchIs404() {
        Response response = app().handle(TestRequest.get("/api/items/abc/"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(text(response)).isEqualTo("{\"detail\":\"Not found.\",\"code\":\"not_found\"}");
    }

    @Test
    void endpointsSignalErrorsByThrowing() {
        assertThat(app().handle(TestRequest.get("/api/items/11/")).status()).isEqualTo(404);
    }

    @Test
    void unknownPathIs404InTheErrorFormat() {
        Response response = app().handle(TestRequest.get("/nowhere"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void missingTrailingSlashIsRedirectedWithItsQuery() {
        Response response = app().handle(TestRequest.get("/api/hello/ada?x=1"));
        assertThat(response.status()).isEqualTo(308);
        assertThat(response.headerValue("Location")).contains("/api/hello/ada/?x=1");
    }

    @Test
    void trailingSlashMatchPolicyServesBothForms() {
        Portico app = app(PorticoConfig.builder()
                .set(Settings.ROUTING_TRAILING_SLASH, TrailingSlash.MATCH)
                .build());
        assertThat(app.handle(TestRequest.get("/api/hello/ada")).status()).isEqualTo(200);
    }

    @Test
    void wrongMethodIs405WithAllowAndDrfsSentence() {
        Response response = app().handle(TestRequest.of("PUT", "/api/items/"));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headerValue("Allow")).contains("POST, OPTIONS");
        assertThat(text(response))
                .isEqualTo("{\"detail\":\"Method \\\"PUT\\\" not allowed.\",\"code\":\"method_not_allowed\"}");
    }

    @Test
    void extensionMethodIs405OnAKnownPathAnd404Elsewhere() {
        assertThat(app().handle(TestRequest.of("BREW", "/api/items/")).status()).isEqualTo(405);
        assertThat(app().handle(TestRequest.of("BREW", "/teapot/")).status()).isEqualTo(404);
    }

    @Test
    void optionsAnswersWithAllowAndTheMetadata() {
        Response response = app().handle(TestRequest.of("OPTIONS", "/api/items/3/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("name").asText()).isEqualTo("Item");
        assertThat(response.headerValue("Allow")).contains("GET, HEAD, DELETE, OPTIONS");
    }

    @Test
    void headRunsTheGetEndpoint() {
        Response response = app().handle(TestRequest.of("HEAD", "/api/hello/ada/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty(); // the server drops it and sends its length
    }

    @Test
    void createAnswersItsDeclaredStatus() {
        Response response = app().handle(TestRequest.of("POST", "/api/items/").json("{\"name\":\"a\",\"quantity\":2}"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(json(response).get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void deleteReturningNothingIs204() {
        Response response = app().handle(TestRequest.of("DELETE", "/api/items/3/"));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void unsupportedBodyTypeIs415() {
        Response response = app().handle(TestRequest.of("POST", "/api/items/")
                .header("Content-Type", "text/xml")
                .body("<item/>".getBytes()));
        assertThat(response.status()).isEqualTo(415);
        assertThat(json(response).get("detail").asText()).isEqualTo("Unsupported media type \"text/xml\" in request.");
        assertThat(app().handle(TestRequest.of("POST", "/api/items/").body("{}".getBytes()))
                        .status())
                .isEqualTo(415);
    }

    @Test
    void contentTypeParametersAndCaseAreIgnored() {
        Response response = app().handle(TestRequest.of("POST", "/api/items/")
                .header("Content-Type", "Application/JSON; charset=utf-8")
                .body("{\"name\":\"a\",\"quantity\":2}".getBytes()));
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void acceptThatRulesOutJsonIs406() {
        Response response = app().handle(TestRequest.get("/api/hello/ada/").header("Accept", "text/html"));
        assertThat(response.status()).isEqualTo(406);
        assertThat(json(response).get("code").asText()).isEqualTo("not_acceptable");
        assertThat(app().handle(TestRequest.get("/api/hello/ada/").header("Accept", "text/html, application/*;q=0.5"))
                        .status())
                .isEqualTo(200);
        assertThat(app().handle(TestRequest.get("/api/hello/ada/").header("Accept", "*/*"))
                        .status())
                .isEqualTo(200);
        assertThat(app().handle(TestRequest.get("/api/hello/ada/").header("Accept", "application/json;q=0"))
                        .status())
                .isEqualTo(406);
    }

    @Test
    void invalidBodyIs400NamingTheField() {
        Response response =
                app().handle(TestRequest.of("POST", "/api/items/").json("{\"name\":\"a\",\"quantity\":\"abc\"}"));
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("code").asText()).isEqualTo("invalid");
        assertThat(body.get("errors").get("quantity").get(0).asText()).isEqualTo("Expected an integer.");
    }

    @Test
    void unknownFieldIsRejectedSoItCannotBeSmuggledIn() {
        Response response = app().handle(
                        TestRequest.of("POST", "/api/items/").json("{\"name\":\"a\",\"quantity\":1,\"admin\":true}"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("errors").get("admin").get(0).asText()).isEqualTo("Unknown field.");
    }

    @Test
    void unknownFieldsCanBeAllowedByConfiguration() {
        Portico lenient = app(PorticoConfig.builder()
                .set(Settings.JSON_FAIL_ON_UNKNOWN_FIELDS, false)
                .build());
        assertThat(lenient.handle(TestRequest.of("POST", "/api/items/").json("{\"name\":\"a\",\"quantity\":1,\"x\":1}"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void malformedJsonIs400ParseError() {
        Response response = app().handle(TestRequest.of("POST", "/api/items/").json("{\"name\":"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("parse_error");
    }

    @Test
    void emptyJsonBodyIs400() {
        Response response = app().handle(TestRequest.of("POST", "/api/items/").json(""));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void typedQueryParametersBindWithDefaultsListsAndOptionals() {
        Response response = app().handle(TestRequest.get("/api/search/?q=cats&tags=a&tags=b&debug=yes"));
        assertThat(json(response).get("message").asText()).isEqualTo("cats/20/[a, b]/Optional[true]");
    }

    @Test
    void everyBadQueryParameterIsReportedAtOnce() {
        Response response = app().handle(TestRequest.get("/api/search/?limit=lots&debug=maybe"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("errors")).hasSize(3);
        assertThat(json(response).get("errors").get("q").get(0).asText()).isEqualTo("This field is required.");
        assertThat(json(response).get("errors").get("limit").get(0).asText()).isEqualTo("A valid integer is required.");
        assertThat(json(response).get("errors").get("debug").get(0).asText()).isEqualTo("Must be a valid boolean.");
    }

    @Test
    void unhandledExceptionIs500WithoutDetailsAndIsLoggedWithTheRequestId() {
        Logger logger = (Logger) LoggerFactory.getLogger(Application.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Response response = app().handle(TestRequest.get("/api/boom/").header("X-Request-Id", "req-123"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(text(response)).isEqualTo("{\"detail\":\"Internal server error.\",\"code\":\"server_error\"}");
            assertThat(appender.list).anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains("req-123");
                assertThat(event.getThrowableProxy()).isNotNull();
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void problemJsonFormatIsAConfigurationOption() {
        Portico problem = app(PorticoConfig.builder()
                .set(Settings.ERRORS_FORMAT, ErrorFormat.PROBLEM)
                .build());
        Response response = problem.handle(TestRequest.get("/api/search/?limit=x"));
        assertThat(response.contentType()).contains("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("title").asText()).isEqualTo("Bad Request");
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("detail").asText()).isEqualTo("Invalid input.");
        assertThat(body.get("code").asText()).isEqualTo("invalid");
        assertThat(body.get("errors").has("limit")).isTrue();
    }

    @Test
    void requestIdIsEchoedWhenPlainAndGeneratedOtherwise() {
        assertThat(app().handle(TestRequest.get("/api/hello/a/").header("X-Request-Id", "abc-123"))
                        .headerValue("X-Request-Id"))
                .contains("abc-123");
        assertThat(app().handle(TestRequest.get("/api/hello/a/").header("X-Request-Id", "evil\r\nSet-Cookie: x"))
                        .headerValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
        assertThat(app().handle(TestRequest.get("/nowhere")).headerValue("X-Request-Id"))
                .isPresent();
    }

    @Test
    void generatedRequestIdsAreDistinctAndDoNotReadAsASequence() {
        Portico app = app();
        java.util.Set<String> ids = new java.util.HashSet<>();
        String previous = null;
        int adjacent = 0;
        for (int i = 0; i < 5_000; i++) {
            String id = app.handle(TestRequest.get("/nowhere"))
                    .headerValue("X-Request-Id")
                    .orElseThrow();
            assertThat(id).matches("[0-9a-f]{16}");
            ids.add(id);
            if (previous != null && id.substring(0, 12).equals(previous.substring(0, 12))) {
                adjacent++; // a counter written in hex would share its first digits with the one before
            }
            previous = id;
        }
        assertThat(ids).hasSize(5_000);
        assertThat(adjacent).isLessThan(5);
    }

    @Test
    void accessLogWritesOneLinePerRequest() {
        Logger logger = (Logger) LoggerFactory.getLogger("portico.access");
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            app().handle(TestRequest.get("/api/hello/a/?token=secret").header("X-Request-Id", "r1"));
            assertThat(appender.list).hasSize(1);
            assertThat(appender.list.get(0).getFormattedMessage())
                    .matches("GET /api/hello/a/ 200 \\d+\\.\\d\\dms id=r1");
            assertThat(appender.list.get(0).getFormattedMessage()).doesNotContain("secret");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }

    @Test
    void textEndpointsSendPlainText() {
        Response response = app().handle(TestRequest.get("/api/text/"));
        assertThat(response.contentType()).contains("text/plain; charset=UTF-8");
        assertThat(text(response)).isEqualTo("plain words");
    }

    @Test
    void formBodiesBindWithTheirLimits() {
        Response ok = app().handle(TestRequest.of("POST", "/api/form/")
                .header("Content-Type", MediaType.FORM_URLENCODED)
                .body("a=1&a=2".getBytes()));
        assertThat(json(ok).get("message").asText()).isEqualTo("1,2");
        Response json = app().handle(TestRequest.of("POST", "/api/form/").json("{\"a\":1}"));
        assertThat(json.status()).isEqualTo(415);
        Portico forms = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.LIMITS_FORM_FIELDS, 3)
                        .build())
                .endpoint(dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/f/")
                        .body(FormData.class, List.of(MediaType.FORM_URLENCODED))
                        .output(Greeting.class)
                        .<FormData>handleBody((request, form) -> new Greeting(String.join(",", form.all("a"))))
                        .build())
                .build();
        Response bound = forms.handle(TestRequest.of("POST", "/f/")
                .header("Content-Type", MediaType.FORM_URLENCODED)
                .body("a=1&a=2".getBytes()));
        assertThat(json(bound).get("message").asText()).isEqualTo("1,2");
        Response tooMany = forms.handle(TestRequest.of("POST", "/f/")
                .header("Content-Type", MediaType.FORM_URLENCODED)
                .body("a=1&b=2&c=3&d=4".getBytes()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(json(tooMany).get("code").asText()).isEqualTo("too_many_fields");
    }

    @Test
    void queryStringFieldCountIsLimitedToo() {
        Portico limited =
                app(PorticoConfig.builder().set(Settings.LIMITS_FORM_FIELDS, 2).build());
        Response response = limited.handle(TestRequest.get("/api/search/?q=a&x=1&y=2"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("too_many_fields");
    }

    @Test
    void bodyLargerThanTheLimitIs413BeforeItIsRead() {
        Portico small =
                app(PorticoConfig.builder().set(Settings.LIMITS_BODY_SIZE, 16L).build());
        Response declared =
                small.handle(TestRequest.of("POST", "/api/items/").json("{\"name\":\"abcdefghijkl\",\"quantity\":1}"));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(json(declared).get("code").asText()).isEqualTo("payload_too_large");
        Response chunked = small.handle(TestRequest.of("POST", "/api/items/")
                .json("{\"name\":\"abcdefghijkl\",\"quantity\":1}")
                .chunked());
        assertThat(chunked.status()).isEqualTo(413);
    }

    @Test
    void validationFailedCarriesEveryErrorByDottedPath() {
        ValidationFailed failed = new ValidationFailed(
                Map.of("filter.name_gt", List.of("Too short."), "usernames.1", List.of("Unknown user.")));
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .get("/v/", Greeting.class, request -> {
                    throw failed;
                })
                .build();
        JsonNode errors = json(app.handle(TestRequest.get("/v/"))).get("errors");
        assertThat(errors.get("filter.name_gt").get(0).asText()).isEqualTo("Too short.");
        assertThat(errors.get("usernames.1").get(0).asText()).isEqualTo("Unknown user.");
    }
}
