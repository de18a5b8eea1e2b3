package dev.portico.docs.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** docs/getting-started.md, the rest of the page: the schema, the docs pages, the 404 and 308, and the command. */
@PorticoTest(database = TestDatabase.NONE)
class HelloAppPagesTest {

    @App
    static Portico app(TestSetup setup) {
        return HelloApp.app(setup.config().build()).build();
    }

    @Test
    void servesTheSchemaAndTheDocsPages(PorticoClient client) {
        assertThat(client.get("/api/schema/").send().text())
                .contains("openapi: 3.1.0")
                .contains("title: Hello API")
                .contains("/api/hello/{name}/")
                .contains("operationId: hello");
        assertThat(client.get("/api/schema/").query("format", "json").send().text())
                .startsWith("{");
        assertThat(client.get("/api/schema/swagger-ui/").send()).hasStatus(200);
        assertThat(client.get("/api/schema/redoc/").send()).hasStatus(200);
        assertThat(client.get("/api/hello/ada").send()).hasStatus(308);
        assertThat(client.put("/api/hello/ada/").send()).isProblem(405);
    }

    @Test
    void theSchemaCommandWritesTheDocumentWithoutServing() {
        StringWriter out = new StringWriter();
        int code = Manage.create(HelloApp::app)
                .run(
                        new String[] {"schema", "--format", "json"},
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"/api/hello/{name}/\"").contains("\"Hello API\"");
    }
}
