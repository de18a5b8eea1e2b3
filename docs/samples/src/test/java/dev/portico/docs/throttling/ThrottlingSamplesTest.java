package dev.portico.docs.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.throttle.Throttle;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/throttling-and-caching.md, in memory: the throttles and the cache the page shows, in-process (each test
 * builds its own app, so the class is not a {@code @PorticoTest}).
 */
class ThrottlingSamplesTest {
    private Portico app;

    record Prices(int version) {}

    record Search(String q) {}

    @AfterEach
    void stop() {
        app.stop();
    }

    static PorticoConfig config() {
        return PorticoConfig.builder().build();
    }

    @Test
    void throttles() {
        // region throttle
        app = Portico.builder()
                .config(config())
                .throttle(Throttle.all(Throttle.anonymous("3/min"), Throttle.authenticated("100/min"))) // the default
                .get(
                        "/api/search/",
                        Search.class,
                        request -> new Search(request.query("q").orElse("")))
                .post(
                        "/api/login/",
                        Search.class,
                        Search.class,
                        (request, body) -> body,
                        e -> e.throttle(Throttle.of(2, Duration.ofMinutes(1)).ban())) // this endpoint's own
                .build();
        // endregion throttle
        PorticoClient client = PorticoClient.inProcess(app);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/search/").query("q", "x").send())
                    .hasStatus(200)
                    .hasHeader("RateLimit-Limit")
                    .hasHeader("RateLimit-Remaining", String.valueOf(2 - i))
                    .hasHeader("RateLimit-Reset");
        }
        TestResponse refused = client.get("/api/search/").query("q", "x").send();
        assertThat(refused).isProblem(429).hasCode("throttled").hasHeader("Retry-After");
        assertThat(client.post("/api/login/").json("{\"q\":\"a\"}").send()).hasStatus(200);
        assertThat(client.post("/api/login/").json("{\"q\":\"a\"}").send()).hasStatus(200);
        assertThat(client.post("/api/login/").json("{\"q\":\"a\"}").send()).isProblem(429);
    }

    @Test
    void throttleFromSettings() {
        // region settings
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.THROTTLE_ANONYMOUS, "2/min") // or PORTICO_THROTTLE_ANONYMOUS=2/min
                .build();
        // endregion settings
        app = Portico.builder()
                .config(config)
                .get("/api/search/", Search.class, request -> new Search("x"))
                .build();
        PorticoClient client = PorticoClient.inProcess(app);
        assertThat(client.get("/api/search/").send()).hasStatus(200);
        assertThat(client.get("/api/search/").send()).hasStatus(200);
        assertThat(client.get("/api/search/").send()).isProblem(429);
    }

    @Test
    void caches() {
        AtomicInteger version = new AtomicInteger(1);
        // region cache
        app = Portico.builder()
                .config(config())
                .get(
                        "/api/prices/",
                        Prices.class,
                        request -> new Prices(version.get()),
                        e -> e.cacheFor(Duration.ofSeconds(30)).cacheTag("prices"))
                .post(
                        "/api/prices/",
                        Prices.class,
                        Prices.class,
                        (request, body) -> {
                            version.set(body.version());
                            return body;
                        },
                        e -> e.invalidates("prices")) // a write drops every cached "prices" answer
                .build();
        // endregion cache
        PorticoClient client = PorticoClient.inProcess(app);
        assertThat(client.get("/api/prices/").send()).hasHeader("X-Cache", "MISS");
        version.set(2);
        assertThat(client.get("/api/prices/").send())
                .hasHeader("X-Cache", "HIT")
                .hasBody("{\"version\":1}");
        assertThat(client.post("/api/prices/").json("{\"version\":3}").send()).hasStatus(200);
        assertThat(client.get("/api/prices/").send())
                .hasHeader("X-Cache", "MISS")
                .hasBody("{\"version\":3}");
    }
}
