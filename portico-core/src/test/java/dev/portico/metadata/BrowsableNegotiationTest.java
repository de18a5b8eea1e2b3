package dev.portico.metadata;

import static dev.portico.testing.Bodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page is an ordinary renderer: chosen by Accept or ?format=api, fed the JSON answer, off with one setting. */
class BrowsableNegotiationTest {
    record Item(String name) {}

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** Renders the page as a summary of what it was given, so the test sees the model. */
    private static final PageRenderer SUMMARY = page -> Response.of(
            page.response().status(),
            "text/html",
            (page.request().method() + " " + page.request().rawQuery() + " | "
                            + page.response().status() + " "
                            + new String(page.response().body(), StandardCharsets.UTF_8) + " | " + page.allowed()
                            + " | " + page.route().map(RouteInfo::name).orElse("-"))
                    .getBytes(StandardCharsets.UTF_8));

    private static Portico app(boolean browsable) {
        PorticoConfig config =
                PorticoConfig.builder().set(Settings.API_BROWSABLE, browsable).build();
        return Portico.builder()
                .config(config)
                .shutdownHook(false)
                .pageRenderer(SUMMARY)
                .get("/api/items/", Item.class, r -> new Item("a<b"), e -> e.query("q", String.class, ""))
                .get("/api/schema-like/", String.class, r -> "text", e -> e.produces("text/plain"))
                .delete("/api/gone/", r -> null)
                .build();
    }

    @Test
    void aBrowserGetsThePageOfTheJsonAnswer() {
        Response page = app(true).handle(TestRequest.get("/api/items/").header("Accept", BROWSER));
        assertThat(page.contentType()).contains("text/html");
        assertThat(text(page)).isEqualTo("GET  | 200 {\"name\":\"a<b\"} | [GET, HEAD, OPTIONS] | Item");
    }

    @Test
    void formatApiIsTakenOutOfTheQueryTheEndpointSees() {
        Response page = app(true).handle(TestRequest.get("/api/items/?q=x&format=api"));
        assertThat(text(page)).startsWith("GET q=x | 200");
    }

    @Test
    void jsonStaysTheDefaultAndErrorsArePagesToo() {
        Portico app = app(true);
        assertThat(app.handle(TestRequest.get("/api/items/")).contentType()).contains("application/json");
        assertThat(app.handle(TestRequest.get("/api/items/").header("Accept", "*/*"))
                        .contentType())
                .contains("application/json");
        assertThat(app.handle(TestRequest.get("/api/items/").header("Accept", "application/json, text/html;q=0.5"))
                        .contentType())
                .contains("application/json");
        Response missing = app.handle(TestRequest.get("/api/nothing/").header("Accept", "text/html"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(text(missing)).contains("not_found").endsWith("| [] | -");
        assertThat(text(app.handle(TestRequest.of("DELETE", "/api/items/").header("Accept", "text/html"))))
                .startsWith("DELETE  | 405");
    }

    @Test
    void anEndpointThatIsNotJsonKeepsItsOwnBody() {
        Response response =
                app(true).handle(TestRequest.get("/api/schema-like/").header("Accept", BROWSER));
        assertThat(text(response)).isEqualTo("text");
    }

    @Test
    void aNoContentAnswerStaysBodiless() {
        Response gone = app(true).handle(TestRequest.of("DELETE", "/api/gone/").header("Accept", BROWSER));
        assertThat(gone.status()).isEqualTo(204);
        assertThat(gone.contentType()).isEmpty();
    }

    @Test
    void oneSettingTurnsItOff() {
        Portico off = app(false);
        assertThat(off.handle(TestRequest.get("/api/items/").header("Accept", "text/html"))
                        .status())
                .isEqualTo(406);
        assertThat(off.handle(TestRequest.get("/api/items/").header("Accept", BROWSER))
                        .contentType())
                .contains("application/json");
    }
}
