package dev.portico.docs.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md's "Run it": the curl answer the page prints. On the wire on purpose, because that section
 * is about the real server (Jetty on a port), which the in-process tests of the page never start.
 */
@PorticoTest(database = TestDatabase.NONE, overTheWire = true)
class HelloAppOverTheWireTest {

    @App
    static Portico app(TestSetup setup) {
        return HelloApp.app(setup.config().build()).build();
    }

    @Test
    void theServerAnswersWhatCurlShows(PorticoClient client) {
        assertThat(client.get("/api/hello/ada/").send())
                .hasStatus(200)
                .hasContentType("application/json")
                .hasBody("{\"message\":\"Hello, ada!\"}");
        assertThat(client.get("/api/hello/ada").send()).hasStatus(308).hasHeader("Location");
        assertThat(client.get("/api/nope/").send())
                .isProblem(404)
                .hasBody("{\"detail\":\"Not found.\",\"code\":\"not_found\"}");
    }
}
