package dev.portico.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Principal;
import dev.portico.cache.ResponseCache;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Middleware;
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
        public Optional<Response> get(String key) {
            events.add("cache-read");
            return Optional.empty();
        }

        @Override
        public void put(String key, Response response, Duration ttl) {
            events.add("cache-write");
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
                .get("/api/probe/", String.class, request -> {
                    events.add("endpoint");
                    return "ok";
                }, e -> e.middleware(recording("endpoint-mw")).header("X-Probe", String.class, null)
                        .cacheFor(Duration.ofSeconds(5)))
                .build();
    }

    @Test
    void stagesRunInTheSeedsOrder() {
        Portico app = app();
        Response response = app.handle(probe("GET", "/api/probe/"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(events).containsExactly(
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
}
