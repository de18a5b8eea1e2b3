package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * What a load balancer polls: {@code /health} (the process answers) and {@code /ready} (the database answers too),
 * both without credentials and both outside the OpenAPI document.
 */
@PorticoTest
class HealthTest {

    @App
    static Portico app(TestSetup setup) {
        return TestApp.build(setup);
    }

    @Test
    void healthAnswersOk(PorticoClient client) {
        assertThat(client.get("/health").send())
                .hasStatus(200)
                .hasBody("{\"status\":\"ok\"}")
                .hasHeader("Cache-Control", "no-store");
    }

    @Test
    void readyChecksTheDatabase(PorticoClient client) {
        assertThat(client.get("/ready").send())
                .hasStatus(200)
                .hasBody("{\"status\":\"ok\",\"checks\":{\"database\":\"ok\"}}");
    }

    @Test
    void theSchemaListsTheApiNotTheProbes(PorticoClient client) {
        String schema = client.get("/api/schema/").send().text();
        assertThat(schema).contains("/api/notes/").doesNotContain("/health", "/ready");
    }
}
