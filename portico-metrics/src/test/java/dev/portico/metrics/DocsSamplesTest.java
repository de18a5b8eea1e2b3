package dev.portico.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The samples of docs/operations.md, run as written. */
class DocsSamplesTest {
    record Greeting(String message) {}

    @Test
    void metricsOnAnApp() throws Exception {
        // region metrics
        PorticoConfig config = PorticoConfig.builder()
                .set(MetricsSettings.ENABLED, true) // or PORTICO_METRICS_ENABLED=true
                .set(Settings.SERVER_PORT, 0)
                .build();
        Portico.Builder app = Portico.builder()
                .config(config)
                .install(MetricsModule.create()) // when enabled: timers, JVM, GET /metrics
                .get(
                        "/api/hello/{name}/",
                        Greeting.class,
                        request -> new Greeting("Hello, " + request.pathParam("name")));
        // endregion metrics
        Portico started = app.shutdownHook(false).build().start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + started.port();
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/hello/ada/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String scrape = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(scrape)
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/hello/{name}/\",status=\"2xx\"}"
                                + " 1");
        } finally {
            started.stop();
        }
    }
}
