package dev.portico.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scrape endpoint over a real socket, after real requests. */
class MetricsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private Portico app;

    record Item(long id) {}

    private Metrics start(PorticoConfig.Builder config) {
        PorticoConfig resolved =
                MetricsSettings.register(config).set(Settings.SERVER_PORT, 0).build();
        Metrics metrics = Metrics.enabled(resolved);
        Portico.Builder builder = Portico.builder()
                .config(resolved)
                .shutdownHook(false)
                .get("/api/items/{id:int}/", Item.class, request -> new Item(request.pathParam("id", Integer.class)));
        app = metrics.addTo(builder).build().start();
        return metrics;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void offByDefault() {
        assertThat(Metrics.create(
                        MetricsSettings.register(PorticoConfig.builder()).build()))
                .isEmpty();
        assertThat(Metrics.create(MetricsSettings.register(PorticoConfig.builder())
                        .set(MetricsSettings.ENABLED, true)
                        .build()))
                .isPresent()
                .get()
                .satisfies(Metrics::close);
    }

    @Test
    void theScrapeShowsEachEndpointByItsTemplateAndStatusClassWithTheJvm() throws Exception {
        start(PorticoConfig.builder());
        for (int id = 1; id <= 3; id++) {
            assertThat(get("/api/items/" + id + "/").statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/items/x/").statusCode()).isEqualTo(404); // not an int: no route
        assertThat(get("/api/nothing/here").statusCode()).isEqualTo(404);
        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue(ScrapeEndpoint.CONTENT_TYPE);
        String text = scrape.body();
        assertThat(text)
                .contains(
                        "http_server_requests_seconds_count{method=\"GET\",route=\"/api/items/{id:int}/\",status=\"2xx\"}"
                            + " 3");
        assertThat(text)
                .contains("http_server_requests_seconds_count{method=\"*\",route=\"unmatched\",status=\"4xx\"} 2");
        assertThat(text).doesNotContain("/api/items/1/").doesNotContain("/api/nothing");
        assertThat(text)
                .contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void healthPollsHaveRoutesOfTheirOwnApartFromUnmatchedRequests() throws Exception {
        start(PorticoConfig.builder());
        for (int i = 0; i < 3; i++) {
            assertThat(get("/health").statusCode()).isEqualTo(200);
        }
        assertThat(get("/ready").statusCode()).isEqualTo(200);
        assertThat(get("/nowhere/").statusCode()).isEqualTo(404);
        assertThat(CLIENT.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("a POST is no probe")
                .isEqualTo(404);
        String text = get("/metrics").body();
        assertThat(text)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"2xx\"} 3")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/ready\",status=\"2xx\"} 1")
                .contains("http_server_requests_seconds_count{method=\"*\",route=\"unmatched\",status=\"4xx\"} 2")
                .doesNotContain("route=\"unmatched\",status=\"2xx\"");
    }

    @Test
    void requestsRegisterNoMeterAfterTheFirstOfEachStatusClass() throws Exception {
        Metrics metrics = start(PorticoConfig.builder());
        get("/api/items/1/");
        // the request timers only: the GC binder registers a pause timer when a collection first happens
        int meters = metrics.registry().find(EndpointTimers.NAME).meters().size();
        for (int id = 2; id < 40; id++) {
            get("/api/items/" + id + "/");
        }
        assertThat(metrics.registry().find(EndpointTimers.NAME).meters()).hasSize(meters);
        assertThat(metrics.registry()
                        .get(EndpointTimers.NAME)
                        .tag("route", "/api/items/{id:int}/")
                        .timer()
                        .count())
                .isEqualTo(39);
    }

    @Test
    void withATokenOnlyThatBearerMayScrape() throws Exception {
        start(PorticoConfig.builder()
                .set(MetricsSettings.PATH, "/internal/metrics")
                .set(MetricsSettings.TOKEN, "s3cret-scraper-token"));
        HttpResponse<String> anonymous = get("/internal/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(anonymous.body()).contains("\"detail\"").doesNotContain("jvm_");
        assertThat(get("/internal/metrics", "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(401);
        HttpResponse<String> scraper = get("/internal/metrics", "Authorization", "Bearer s3cret-scraper-token");
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("route=\"/internal/metrics\",status=\"4xx\"} 2");
        assertThat(get("/metrics").statusCode()).isEqualTo(404);
    }

    @Test
    void theScrapeEndpointIsNotInTheOpenApiDocument() {
        start(PorticoConfig.builder());
        assertThat(app.openapi().toString()).doesNotContain("/metrics");
    }
}
