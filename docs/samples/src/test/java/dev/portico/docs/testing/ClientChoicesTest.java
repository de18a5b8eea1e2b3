package dev.portico.docs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.start.HelloApp;
import dev.portico.test.PorticoClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/testing.md's "Over the wire": the three clients outside {@code @PorticoTest}, each answering the same. Two of
 * them go over a socket on purpose: they are what the page shows.
 */
class ClientChoicesTest {

    @Test
    void theThreeClientsGetTheSameAnswer() {
        Portico app = HelloApp.app(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .build();
        try {
            // region clients
            PorticoClient inProcess = PorticoClient.inProcess(app); // runs app.prepare(): onStart tasks, no port
            PorticoClient wire = PorticoClient.overTheWire(app.start()); // app.start() first
            PorticoClient any = PorticoClient.http("http://127.0.0.1:" + app.port()); // any server
            // endregion clients
            for (PorticoClient client : List.of(inProcess, wire, any)) {
                assertThat(client.get("/api/hello/ada/").send())
                        .as(client.toString())
                        .hasStatus(200)
                        .hasJsonPath("$.message", "Hello, ada!");
            }
        } finally {
            app.stop();
        }
    }
}
