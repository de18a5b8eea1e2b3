package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.ApiException;
import dev.portico.http.MediaType;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code Request.form()}: a stage before the input stage reads one form field (seed 002's {@code authorisation})
 * and the endpoint still binds the whole body, from one parse.
 */
class FormBodyTest {
    /** No authorisation field: the authenticator's field is left out of the endpoint's input. */
    record Note(String title) {}

    /** Reads seed 002's field, and says so, so that the input leaves it out. */
    static final class FieldKey implements Authenticator {
        @Override
        public Optional<Principal> authenticate(Request request) {
            return request.form()
                    .flatMap(f -> f.first("authorisation"))
                    .map(key -> Principal.of("key " + key, Set.of()));
        }

        @Override
        public Set<String> formFields() {
            return Set.of("authorisation");
        }
    }

    record Seen(String title, String caller) {}

    private Portico app() {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(new FieldKey())
                .post(
                        "/api/notes/",
                        Note.class,
                        Seen.class,
                        (request, note) -> new Seen(
                                note.title(),
                                request.principal().map(Principal::id).orElse("anonymous")),
                        e -> {})
                .build();
    }

    private Response post(Portico app, String contentType, byte[] body) {
        return app.handle(TestRequest.of("POST", "/api/notes/")
                .header("Content-Type", contentType)
                .body(body));
    }

    @Test
    void anAuthenticatorReadsAFieldOfAnUrlencodedBodyThatTheEndpointThenBinds() {
        Response response = post(
                app(), MediaType.FORM_URLENCODED, "title=Hello&authorisation=k-1:s".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("title").asText()).isEqualTo("Hello");
        assertThat(json(response).get("caller").asText()).isEqualTo("key k-1:s");
    }

    @Test
    void andOfAMultipartBody() {
        Multipart body = Multipart.create().field("title", "Hello").field("authorisation", "k-2:s");
        Response response = post(app(), Multipart.contentType(), body.build());
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("caller").asText()).isEqualTo("key k-2:s");
        assertThat(json(response).get("title").asText()).isEqualTo("Hello");
    }

    @Test
    void withoutTheAuthenticatorTheFieldIsAnUnknownFieldOfTheEndpoint() {
        Portico plain = Portico.builder()
                .config(PorticoConfig.defaults())
                .post("/api/notes/", Note.class, Seen.class, (request, note) -> new Seen(note.title(), "-"), e -> {})
                .build();
        Response response = post(
                plain, MediaType.FORM_URLENCODED, "title=Hello&authorisation=k-1:s".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("errors").get("authorisation").get(0).asText())
                .isEqualTo("Unknown field.");
    }

    @Test
    void aJsonBodyHasNoFormAndIsLeftWhole() {
        Response response =
                post(app(), MediaType.APPLICATION_JSON, "{\"title\":\"Hello\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("caller").asText()).isEqualTo("anonymous");
    }

    /**
     * A body the first read refused (here too large; a cut one is the same) is refused again by a later read, and a
     * later {@code form()} is empty: the browsable page refills its form for the 4xx that way, where a body already
     * consumed used to throw and turn the 4xx into a 500.
     */
    @Test
    void aBodyRefusedOnceIsNoFormAndTheSameRefusalLater() {
        List<Object> seenAfter = new ArrayList<>();
        Portico small = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.LIMITS_BODY_SIZE, 8L)
                        .build())
                .middleware(next -> request -> {
                    Response answer = next.handle(request);
                    seenAfter.add(request.form());
                    try {
                        request.bodyBytes();
                    } catch (ApiException again) {
                        seenAfter.add(again.status());
                    }
                    return answer;
                })
                .post("/api/notes/", Note.class, Seen.class, (request, note) -> new Seen(note.title(), "-"), e -> {})
                .build();
        for (String contentType : new String[] {MediaType.FORM_URLENCODED, MediaType.APPLICATION_JSON}) {
            seenAfter.clear();
            byte[] body = MediaType.FORM_URLENCODED.equals(contentType)
                    ? "title=a much longer title".getBytes(StandardCharsets.UTF_8)
                    : "{\"title\":\"a much longer title\"}".getBytes(StandardCharsets.UTF_8);
            Response response = post(small, contentType, body);
            assertThat(response.status()).as(contentType).isEqualTo(413);
            assertThat(seenAfter).as(contentType).containsExactly(Optional.empty(), 413);
        }
    }
}
