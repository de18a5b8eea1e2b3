package dev.portico.docs.start;

// region test
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import org.junit.jupiter.api.Test;

@PorticoTest(database = TestDatabase.NONE) // this app has no database
class HelloAppTest {

    @App
    static Portico app(TestSetup setup) {
        return HelloApp.app(setup.config().build()).build(); // main's app, on a test configuration
    }

    @Test
    void greetsByName(PorticoClient client) {
        assertThat(client.get("/api/hello/ada/").send())
                .hasStatus(200)
                .hasContentType("application/json")
                .hasJsonPath("$.message", "Hello, ada!");
    }

    @Test
    void aPathWithoutANameIsNotFound(PorticoClient client) {
        assertThat(client.get("/api/hello/").send()).isProblem(404).hasCode("not_found");
    }
}
// endregion test
