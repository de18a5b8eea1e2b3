package dev.portico.docs.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** docs/getting-started.md: its app serves the schema and the docs pages, and its schema command works. */
class HelloAppPagesTest {

    @Test
    void servesTheSchemaAndTheDocsPages() {
        Portico app = HelloApp.app(PorticoConfig.builder().set(Settings.SERVER_PORT, 0).build()).build().start();
        try {
            Http http = new Http(app.port());
            HttpResponse<String> schema = http.get("/api/schema/");
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(schema.body()).contains("openapi: 3.1.0").contains("title: Hello API")
                    .contains("/api/hello/{name}/").contains("operationId: hello");
            assertThat(http.get("/api/schema/?format=json").body()).startsWith("{");
            assertThat(http.get("/api/schema/swagger-ui/").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/schema/redoc/").statusCode()).isEqualTo(200);
            HttpResponse<String> missing = http.get("/api/hello/");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("\"code\":\"not_found\"");
            assertThat(http.get("/api/hello/ada").statusCode()).isEqualTo(308);
        } finally {
            app.stop();
        }
    }

    @Test
    void theSchemaCommandWritesTheDocumentWithoutServing() {
        StringWriter out = new StringWriter();
        int code = Manage.create(HelloApp::app).run(new String[] {"schema", "--format", "json"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"/api/hello/{name}/\"").contains("\"Hello API\"");
    }
}
