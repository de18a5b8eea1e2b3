package dev.portico.docs.start;

// region test
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The app answers GET /api/hello/{name}/ over real HTTP. */
class HelloAppTest {

    @Test
    void greetsByName() throws Exception {
        PorticoConfig config = PorticoConfig.builder().set(Settings.SERVER_PORT, 0).build(); // 0: any free port
        Portico app = HelloApp.app(config).build().start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/hello/ada/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).isEqualTo("{\"message\":\"Hello, ada!\"}");
        } finally {
            app.stop();
        }
    }
}
// endregion test
