package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Permission;
import dev.portico.http.Response;
import dev.portico.testing.Bodies;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET /api/schema/: the document as YAML or JSON, rendered once, with its own permissions. */
class SchemaEndpointTest {
    record Greeting(String message) {}

    private static Portico app() {
        return OpenApiTesting.app(b -> b.get("/api/hello/", Greeting.class, r -> new Greeting("hi")));
    }

    private static String body(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesYamlByDefault() {
        Portico app = app();
        Response response = app.handle(TestRequest.get("/api/schema/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("application/vnd.oai.openapi; charset=utf-8");
        assertThat(body(response)).startsWith("openapi: 3.1.0\n");
        assertThat(response.headerValue("Vary")).contains("Accept"); // shared caches keep YAML and JSON apart
        assertThat(response.body()).isEqualTo(app.openapi().bytes(OpenApiDocument.Format.YAML));
    }

    @Test
    void servesJsonOnFormatOrAccept() {
        Portico app = app();
        Response byQuery = app.handle(TestRequest.get("/api/schema/?format=json"));
        assertThat(byQuery.contentType()).contains("application/vnd.oai.openapi+json");
        assertThat(Bodies.json(byQuery).path("openapi").asText()).isEqualTo("3.1.0");
        Response byAccept =
                app.handle(TestRequest.get("/api/schema/").header("Accept", "application/vnd.oai.openapi+json"));
        assertThat(byAccept.contentType()).contains("application/vnd.oai.openapi+json");
        assertThat(byAccept.body()).isEqualTo(app.openapi().bytes(OpenApiDocument.Format.JSON));
        Response plainJson = app.handle(TestRequest.get("/api/schema/").header("Accept", "application/json"));
        assertThat(plainJson.contentType()).contains("application/json");
        assertThat(app.handle(TestRequest.get("/api/schema/?format=yaml")).contentType())
                .contains("application/vnd.oai.openapi; charset=utf-8");
    }

    @Test
    void anUnknownFormatIsNotFoundAsInDrf() {
        Response response = app().handle(TestRequest.get("/api/schema/?format=xml"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(Bodies.json(response).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void anUnacceptableAcceptIs406() {
        assertThat(app().handle(TestRequest.get("/api/schema/").header("Accept", "text/html"))
                        .status())
                .isEqualTo(406);
    }

    @Test
    void theSameBytesAreServedEveryTime() {
        Portico app = app();
        byte[] first = app.handle(TestRequest.get("/api/schema/")).body();
        assertThat(app.handle(TestRequest.get("/api/schema/")).body()).isSameAs(first);
    }

    @Test
    void theSchemaEndpointIsNotInTheDocument() {
        assertThat(app().openapi().model().getPaths()).containsOnlyKeys("/api/hello/");
    }

    @Test
    void isPublicByDefaultEvenWhenTheApplicationIsNot() {
        Portico app = OpenApiTesting.app(b -> b.authenticators(r -> Optional.empty())
                .permissions(Permission.authenticated())
                .get("/api/hello/", Greeting.class, r -> null));
        assertThat(app.handle(TestRequest.get("/api/hello/")).status()).isEqualTo(403); // no challenge: 403
        assertThat(app.handle(TestRequest.get("/api/schema/")).status()).isEqualTo(200);
    }

    @Test
    void takesItsOwnPermissionsPathAndOffSwitch() {
        Portico guarded = OpenApiTesting.app(b -> b.authenticators(r -> Optional.empty())
                .schema(s -> s.permissions(Permission.authenticated()).path("/openapi/"))
                .get("/api/hello/", Greeting.class, r -> null));
        assertThat(guarded.handle(TestRequest.get("/openapi/")).status()).isEqualTo(403); // no challenge: 403
        assertThat(guarded.handle(TestRequest.get("/api/schema/")).status()).isEqualTo(404);
        Portico off =
                OpenApiTesting.app(b -> b.schema(s -> s.enabled(false)).get("/api/hello/", Greeting.class, r -> null));
        assertThat(off.handle(TestRequest.get("/api/schema/")).status()).isEqualTo(404);
        assertThat(off.openapi().model().getPaths()).containsOnlyKeys("/api/hello/");
    }
}
