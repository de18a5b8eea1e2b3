package dev.portico.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cache.CacheKey;
import dev.portico.cache.CachedResponse;
import dev.portico.cache.Lookup;
import dev.portico.cache.ResponseCache;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Middleware;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 003's order: middlewares, method, authentication, permissions, throttling, input, cache, endpoint, cache. */
class PipelineOrderTest {
    private final List<String> events = new ArrayList<>();

    private Middleware recording(String name) {
        return next -> request -> {
            events.add(name + ":before");
            Response response = next.handle(request);
            events.add(name + ":after");
            return response;
        };
    }

    private final ResponseCache recordingCache = new ResponseCache() {
        @Override
        public Lookup lookup(CacheKey key) {
            events.add("cache-read");
            return new Lookup(key, 0, Optional.empty());
        }

        @Override
        public void store(Lookup lookup, CachedResponse response, Duration ttl) {
            events.add("cache-write");
        }

        @Override
        public void invalidate(String tag) {
            events.add("invalidate " + tag);
        }
    };

    /** The input stage is observed through the header it reads. */
    private TestRequest probe(String method, String path) {
        return TestRequest.of(method, path).header("X-Probe", "1").probe("X-Probe", () -> events.add("validate"));
    }

    private Portico app() {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .middleware(recording("global"))
                .authenticators(request -> {
                    events.add("authenticate");
                    return Optional.of(Principal.of("u1", Set.of()));
                })
                .permissions(request -> {
                    events.add("permit");
                    return true;
                })
                .throttle(key -> {
                    events.add("throttle");
                    return new Throttle.Decision(true, 10, 9, 60);
                })
                .responseCache(recordingCache)
                .get(
                        "/api/probe/",
                        String.class,
                        request -> {
                            events.add("endpoint");
                            return "ok";
                        },
                        e -> e.middleware(recording("endpoint-mw"))
                                .header("X-Probe", String.class, null)
                                .cacheFor(Duration.ofSeconds(5)))
                .endpoint(dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.PUT, "/api/probe/")
                        .middleware(recording("endpoint-mw"))
                        .header("X-Probe", String.class, null)
                        .invalidates("/api/probe/")
                        .handle(request -> {
                            events.add("endpoint");
                            return null;
                        })
                        .build())
                .build();
    }

    @Test
    void stagesRunInTheSeedsOrder() {
        Portico app = app();
        Response response = app.handle(probe("GET", "/api/probe/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(events)
                .containsExactly(
                        "global:before",
                        "endpoint-mw:before",
                        "authenticate",
                        "permit",
                        "throttle",
                        "validate",
                        "cache-read",
                        "endpoint",
                        "cache-write",
                        "endpoint-mw:after",
                        "global:after");
    }

    @Test
    void methodCheckComesAfterGlobalMiddlewaresAndBeforeEverythingElse() {
        Portico app = app();
        Response response = app.handle(probe("DELETE", "/api/probe/"));
        assertThat(response.status()).isEqualTo(405);
        assertThat(events).containsExactly("global:before", "global:after");
    }

    @Test
    void aWriteInvalidatesInTheCacheWriteSlotAfterItsEndpoint() {
        Portico app = app();
        Response response = app.handle(probe("PUT", "/api/probe/"));
        assertThat(response.status()).isEqualTo(204);
        assertThat(events)
                .containsExactly(
                        "global:before",
                        "endpoint-mw:before",
                        "authenticate",
                        "permit",
                        "throttle",
                        "validate",
                        "endpoint",
                        "invalidate /api/probe/",
                        "endpoint-mw:after",
                        "global:after");
    }
}
