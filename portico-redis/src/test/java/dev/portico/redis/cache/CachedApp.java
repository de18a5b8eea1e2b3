package dev.portico.redis.cache;

import dev.portico.Portico;
import dev.portico.cache.ResponseCache;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One application instance with a cached, per-caller GET and a write that invalidates it, on a given store. */
final class CachedApp {
    /** What the cached endpoint answers: whom it answered and how many times it ran. */
    record Answer(String who, int run) {}

    final AtomicInteger runs = new AtomicInteger();
    final Portico app;

    CachedApp(ResponseCache cache) {
        this.app = Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(TestCaller.bearer())
                .responseCache(cache)
                .get(
                        "/api/me/",
                        Answer.class,
                        r -> new Answer(r.principal().map(Principal::id).orElse("anon"), runs.incrementAndGet()),
                        e -> e.cacheFor(Duration.ofSeconds(30)).cacheTag("me"))
                .endpoint(Endpoint.builder(HttpMethod.POST, "/api/me/")
                        .invalidates("me")
                        .handle(r -> null)
                        .build())
                .build();
    }

    Response get(String user) {
        return app.handle(TestRequest.get("/api/me/").header("Authorization", "Bearer " + user));
    }

    Response write() {
        return app.handle(TestRequest.of("POST", "/api/me/"));
    }

    static String body(Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String outcome(Response response) {
        return response.headerValue("X-Cache").orElse("none");
    }
}
