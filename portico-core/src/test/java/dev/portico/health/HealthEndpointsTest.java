package dev.portico.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /health} and {@code /ready} over real HTTP: checks, their time limit, draining, and no policy in the way. */
class HealthEndpointsTest {
    record Item(String name) {}

    private final HttpClient client = HttpClient.newHttpClient();
    private Portico app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private Portico start(PorticoConfig.Builder config, HealthCheck... checks) {
        Portico.Builder builder = Portico.builder()
                .config(config.set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .set(Settings.THROTTLE_ANONYMOUS, "1/min")
                        .build())
                .shutdownHook(false)
                .permissions(Permission.authenticated()) // every endpoint refuses anonymous callers
                .get("/api/items/", Item.class, r -> new Item("x"), e -> e.permissions());
        for (HealthCheck check : checks) {
            builder.healthCheck(check);
        }
        app = builder.build().start();
        return app;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndReadyAnswerWithoutAuthenticationOrThrottling() throws Exception {
        start(PorticoConfig.builder(), HealthCheck.of("database", () -> true), HealthCheck.of("redis", () -> true));
        for (int i = 0; i < 5; i++) { // the anonymous rate is 1/min: a policy in the way would answer 429 or 403
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
            HttpResponse<String> ready = get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ok\",\"checks\":{\"database\":\"ok\",\"redis\":\"ok\"}}");
        }
        assertThat(get("/api/items/").statusCode()).isEqualTo(200);
        assertThat(get("/api/items/").statusCode())
                .as("the throttle does count other paths")
                .isEqualTo(429);
        assertThat(app.openapi().text(dev.portico.openapi.OpenApiDocument.Format.YAML))
                .doesNotContain("/health")
                .doesNotContain("/ready");
    }

    @Test
    void aFailingThrowingOrSlowCheckMakesReady503InTheErrorFormat() throws Exception {
        start(
                PorticoConfig.builder().set(Settings.HEALTH_TIMEOUT, Duration.ofMillis(300)),
                HealthCheck.of("database", () -> true),
                HealthCheck.of("redis", () -> false),
                HealthCheck.of("search", () -> {
                    throw new IllegalStateException("down");
                }),
                HealthCheck.of("slow", () -> {
                    Thread.sleep(5_000);
                    return true;
                }));
        long begin = System.nanoTime();
        HttpResponse<String> ready = get("/ready");
        long millis = (System.nanoTime() - begin) / 1_000_000;
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body())
                .contains("\"code\":\"service_unavailable\"")
                .contains("\"redis\":[\"down\"]")
                .contains("\"search\":[\"down\"]")
                .contains("\"slow\":[\"down\"]")
                .doesNotContain("\"database\"");
        assertThat(ready.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(millis)
                .as("bounded by health.timeout, not by the slow check")
                .isLessThan(2_000);
        assertThat(get("/health").statusCode())
                .as("liveness does not depend on the checks")
                .isEqualTo(200);
    }

    @Test
    void aCheckThatRecoversMakesReady200Again() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        start(PorticoConfig.builder(), HealthCheck.of("database", up::get));
        assertThat(get("/ready").statusCode()).isEqualTo(503);
        up.set(true);
        assertThat(get("/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void duringTheShutdownDelayReadyIs503WhileRequestsAreStillServed() throws Exception {
        start(PorticoConfig.builder().set(Settings.SERVER_SHUTDOWN_DELAY, Duration.ofSeconds(2)));
        assertThat(get("/ready").statusCode()).isEqualTo(200);
        Portico running = app;
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(running::stop);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!running.draining() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        HttpResponse<String> ready = get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("The server is shutting down.");
        assertThat(get("/api/items/").statusCode())
                .as("still serving while the balancer drains")
                .isEqualTo(200);
        stopping.get();
        app = null;
    }

    @Test
    void anApplicationsOwnHealthEndpointWinsAndAnEmptyPathServesNone() throws Exception {
        app = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .set(Settings.HEALTH_READY_PATH, "")
                        .build())
                .shutdownHook(false)
                .get("/health", Item.class, r -> new Item("mine"))
                .build()
                .start();
        assertThat(get("/health").body()).isEqualTo("{\"name\":\"mine\"}");
        assertThat(get("/ready").statusCode()).isEqualTo(404);
    }
}
