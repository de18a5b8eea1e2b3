package dev.portico.docs.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.Http;
import dev.portico.throttle.Throttle;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** docs/throttling-and-caching.md, in memory: the throttles and the cache the page shows. */
class ThrottlingSamplesTest {
    private Portico app;

    record Prices(int version) {
    }

    record Search(String q) {
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    static PorticoConfig config() {
        return PorticoConfig.builder().set(Settings.SERVER_PORT, 0).build();
    }

    @Test
    void throttles() {
        // region throttle
        app = Portico.builder().config(config())
                .throttle(Throttle.all(Throttle.anonymous("3/min"), Throttle.authenticated("100/min")))  // the default
                .get("/api/search/", Search.class, request -> new Search(request.query("q").orElse("")))
                .post("/api/login/", Search.class, Search.class, (request, body) -> body,
                        e -> e.throttle(Throttle.of(2, Duration.ofMinutes(1)).ban()))  // this endpoint's own
                .build().start();
        // endregion throttle
        Http http = new Http(app.port());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = http.get("/api/search/?q=x");
            assertThat(ok.statusCode()).isEqualTo(200);
            if (i == 0) {
                System.out.println("first: " + ok.headers().map());
            }
        }
        HttpResponse<String> refused = http.get("/api/search/?q=x");
        System.out.println("refused: " + refused.statusCode() + " " + refused.headers().map() + " " + refused.body());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.json("/api/login/", "{\"q\":\"a\"}").statusCode()).isEqualTo(200);
        assertThat(http.json("/api/login/", "{\"q\":\"a\"}").statusCode()).isEqualTo(200);
        assertThat(http.json("/api/login/", "{\"q\":\"a\"}").statusCode()).isEqualTo(429);
    }

    @Test
    void throttleFromSettings() {
        // region settings
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_PORT, 0)
                .set(Settings.THROTTLE_ANONYMOUS, "2/min")      // or PORTICO_THROTTLE_ANONYMOUS=2/min
                .build();
        // endregion settings
        app = Portico.builder().config(config)
                .get("/api/search/", Search.class, request -> new Search("x")).build().start();
        Http http = new Http(app.port());
        assertThat(http.get("/api/search/").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/search/").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/search/").statusCode()).isEqualTo(429);
    }

    @Test
    void caches() {
        AtomicInteger version = new AtomicInteger(1);
        // region cache
        app = Portico.builder().config(config())
                .get("/api/prices/", Prices.class, request -> new Prices(version.get()),
                        e -> e.cacheFor(Duration.ofSeconds(30)).cacheTag("prices"))
                .post("/api/prices/", Prices.class, Prices.class, (request, body) -> {
                    version.set(body.version());
                    return body;
                }, e -> e.invalidates("prices"))                // a write drops every cached "prices" answer
                .build().start();
        // endregion cache
        Http http = new Http(app.port());
        HttpResponse<String> first = http.get("/api/prices/");
        System.out.println("first: " + first.headers().map());
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        version.set(2);
        HttpResponse<String> second = http.get("/api/prices/");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo("{\"version\":1}");
        assertThat(http.json("/api/prices/", "{\"version\":3}").statusCode()).isEqualTo(200);
        HttpResponse<String> third = http.get("/api/prices/");
        assertThat(third.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(third.body()).isEqualTo("{\"version\":3}");
    }
}
