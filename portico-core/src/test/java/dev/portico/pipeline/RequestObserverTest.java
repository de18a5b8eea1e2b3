package dev.portico.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.endpoint.Endpoint;
import dev.portico.error.NotFound;
import dev.portico.testing.TestRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestObserverTest {
    record Greeting(String message) {}

    /** Records "METHOD template status" per request, and the endpoints it was asked about. */
    static final class Recording implements RequestObserver {
        final List<String> asked = new ArrayList<>();
        final List<String> seen = new ArrayList<>();

        @Override
        public Recorder endpoint(Endpoint endpoint) {
            asked.add(endpoint.method() + " " + endpoint.path());
            return (status, nanos) ->
                    seen.add(endpoint.method() + " " + endpoint.path() + " " + status + (nanos > 0 ? "" : " no time"));
        }

        @Override
        public Recorder unmatched() {
            return (status, nanos) -> seen.add("unmatched " + status);
        }
    }

    private static Portico app(Recording observer) {
        return Portico.builder()
                .get(
                        "/api/hello/{name}/",
                        Greeting.class,
                        request -> new Greeting("Hello, " + request.pathParam("name")))
                .get("/api/missing/{id}/", Greeting.class, request -> {
                    throw new NotFound();
                })
                .get("/api/broken/", Greeting.class, request -> {
                    throw new IllegalStateException("boom");
                })
                .schema(s -> s.enabled(false))
                .observer(observer)
                .build();
    }

    @Test
    void eachEndpointIsAskedOnceAtBuildAndRecordsByTemplateWithTheFinalStatus() {
        Recording observer = new Recording();
        Portico app = app(observer);
        assertThat(observer.asked)
                .containsExactly("GET /api/hello/{name}/", "GET /api/missing/{id}/", "GET /api/broken/");
        app.handle(TestRequest.get("/api/hello/ada/"));
        app.handle(TestRequest.get("/api/hello/grace/"));
        app.handle(TestRequest.get("/api/missing/7/"));
        app.handle(TestRequest.get("/api/broken/"));
        assertThat(observer.asked).hasSize(3); // nothing asked per request
        assertThat(observer.seen)
                .containsExactly(
                        "GET /api/hello/{name}/ 200",
                        "GET /api/hello/{name}/ 200",
                        "GET /api/missing/{id}/ 404",
                        "GET /api/broken/ 500");
    }

    @Test
    void requestsThatReachNoEndpointGoToUnmatched() {
        Recording observer = new Recording();
        Portico app = app(observer);
        app.handle(TestRequest.get("/nowhere"));
        app.handle(TestRequest.of("DELETE", "/api/broken/"));
        app.handle(TestRequest.of("BREW", "/api/broken/"));
        app.handle(TestRequest.get("/api/hello/ada"));
        assertThat(observer.seen).containsExactly("unmatched 404", "unmatched 405", "unmatched 405", "unmatched 308");
    }
}
