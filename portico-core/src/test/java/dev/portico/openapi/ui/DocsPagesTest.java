package dev.portico.openapi.ui;

import static dev.portico.testing.Bodies.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.Response;
import dev.portico.testing.RawHttp;
import dev.portico.testing.TestRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The docs pages as endpoints: what each serves, with which headers, and what it refuses. */
class DocsPagesTest {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final String BUNDLE = "/api/schema/swagger-ui/swagger-ui-bundle.js";

    private static Portico app(DocsPages pages) {
        // the pages on their own, as an app that registers them itself sees them (no built-in schema view)
        Portico.Builder builder = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.OPENAPI_ENABLED, false)
                        .build())
                .shutdownHook(false);
        pages.endpoints().forEach(builder::endpoint);
        return builder.build();
    }

    private static final Portico APP = app(DocsPages.create());

    private static Response get(String path, String... headers) {
        TestRequest request = TestRequest.get(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return APP.handle(request);
    }

    private static byte[] webJarFile(String groupId, String artifactId, String file) {
        return StaticAsset.read(WebJar.find(groupId, artifactId).resource(file));
    }

    @Test
    void swaggerUiPageLoadsTheSchemaRelativelyUnderAStrictPolicy() {
        Response response = get("/api/schema/swagger-ui/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).contains("text/html; charset=utf-8");
        assertThat(response.headerValue("Content-Security-Policy")).contains(DocsPages.SWAGGER_UI_CSP);
        assertThat(DocsPages.SWAGGER_UI_CSP).contains("script-src 'self';").doesNotContain("unsafe-eval");
        String html = text(response);
        assertThat(html)
                .contains(
                        "data-schema-url=\"../\"",
                        "src=\"swagger-ui-bundle.js\"",
                        "src=\"portico-swagger-ui.js\"",
                        "href=\"swagger-ui.css\"");
        assertThat(INLINE_SCRIPT.matcher(html).find())
                .as("inline script in %s", html)
                .isFalse();
        assertThat(html).doesNotContain("http://", "https://");
    }

    @Test
    void redocPageLoadsTheSchemaRelativelyUnderAStrictPolicy() {
        Response response = get("/api/schema/redoc/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValue("Content-Security-Policy")).contains(DocsPages.REDOC_CSP);
        String html = text(response);
        assertThat(html).contains("<redoc spec-url=\"../\">", "src=\"redoc.standalone.js\"");
        assertThat(INLINE_SCRIPT.matcher(html).find()).isFalse();
        assertThat(html).doesNotContain("http://", "https://");
    }

    @Test
    void assetsComeFromTheWebJarsWithTheirMediaTypes() {
        Response bundle = get(BUNDLE);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).contains("text/javascript; charset=utf-8");
        assertThat(bundle.body()).isEqualTo(webJarFile("org.webjars", "swagger-ui", "swagger-ui-bundle.js"));
        assertThat(bundle.headerValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get("/api/schema/swagger-ui/swagger-ui.css").contentType()).contains("text/css; charset=utf-8");
        assertThat(get("/api/schema/swagger-ui/favicon-32x32.png").contentType())
                .contains("image/png");
        Response redoc = get("/api/schema/redoc/redoc.standalone.js");
        assertThat(redoc.body()).isEqualTo(webJarFile("org.webjars.npm", "redoc", "bundles/redoc.standalone.js"));
        assertThat(text(get("/api/schema/swagger-ui/portico-swagger-ui.js"))).contains("SwaggerUIBundle(");
    }

    @Test
    void aMatchingETagIsAnsweredWith304AndNoBody() {
        Response first = get(BUNDLE);
        String etag = first.headerValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.headerValue("Cache-Control")).contains("no-cache");

        Response again = get(BUNDLE, "If-None-Match", "\"other\", " + etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headerValue("ETag")).contains(etag);
        assertThat(get(BUNDLE, "If-None-Match", "W/" + etag).status()).isEqualTo(304);
        assertThat(get(BUNDLE, "If-None-Match", "\"stale\"").status()).isEqualTo(200);
    }

    @Test
    void textIsGzippedForClientsThatAcceptIt() throws IOException {
        Response gzipped = get(BUNDLE, "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(gzipped.headerValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headerValue("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.headerValue("ETag")).isNotEqualTo(get(BUNDLE).headerValue("ETag"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(get(BUNDLE).body());
        }
        assertThat(get(BUNDLE, "Accept-Encoding", "gzip;q=0").headerValue("Content-Encoding"))
                .isEmpty();
        assertThat(get("/api/schema/swagger-ui/favicon-32x32.png", "Accept-Encoding", "gzip")
                        .headerValue("Content-Encoding"))
                .isEmpty();
    }

    @Test
    void onlyTheListedFilesAreServed() {
        assertThat(get("/api/schema/swagger-ui/swagger-initializer.js").status())
                .isEqualTo(404);
        assertThat(get("/api/schema/swagger-ui/index.html").status()).isEqualTo(404);
        assertThat(get("/api/schema/redoc/bundles/redoc.standalone.js").status())
                .isEqualTo(404);
        assertThat(get("/api/schema/redoc/redoc.standalone.js.map").status()).isEqualTo(404);
    }

    @Test
    void pathTraversalFindsNothingOverTheWire() throws IOException {
        Portico.Builder builder = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .shutdownHook(false);
        Portico app = builder.build().start();
        try {
            for (String path : List.of(
                    "/api/schema/swagger-ui/../../../META-INF/MANIFEST.MF",
                    "/api/schema/swagger-ui/..%2f..%2f..%2fMETA-INF%2fMANIFEST.MF",
                    "/api/schema/swagger-ui/%2e%2e/%2e%2e/pom.properties",
                    "/api/schema/swagger-ui/%252e%252e%252fswagger-initializer.js",
                    "/api/schema/swagger-ui/..\\swagger-initializer.js",
                    "/api/schema/swagger-ui/.%2e/redoc/redoc.standalone.js")) {
                RawHttp.Reply reply = RawHttp.send(
                        app.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + "Connection: close\r\n\r\n");
                assertThat(reply.status()).as(path).isIn(400, 404);
                assertThat(reply.body()).as(path).doesNotContain("Manifest-Version", "version=");
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void everyEndpointIsHiddenFromTheSchemaAndReadOnly() {
        List<Endpoint> endpoints = DocsPages.create().endpoints();
        assertThat(endpoints)
                .hasSize(10)
                .allSatisfy(e -> assertThat(e.docs().hidden()).isTrue());
        assertThat(APP.handle(TestRequest.of("POST", "/api/schema/swagger-ui/")).status())
                .isEqualTo(405);
    }

    @Test
    void pathsTitleAndSchemaUrlAreConfigurable() {
        DocsPages pages = DocsPages.builder()
                .schemaUrl("/openapi.json?format=json&v=1")
                .swaggerUiPath("/docs/")
                .redocPath("/docs/reference/")
                .title("Blog <API> & \"friends\"")
                .build();
        Portico app = app(pages);
        String swagger = text(app.handle(TestRequest.get("/docs/")));
        assertThat(swagger)
                .contains(
                        "data-schema-url=\"../openapi.json?format=json&amp;v=1\"",
                        "<title>Blog &lt;API&gt; &amp; &quot;friends&quot; · Swagger UI</title>");
        assertThat(text(app.handle(TestRequest.get("/docs/reference/")))).contains("spec-url=\"../../openapi.json?");
        assertThat(app.handle(TestRequest.get("/docs/swagger-ui-bundle.js")).status())
                .isEqualTo(200);
        assertThat(app.handle(TestRequest.get("/docs/reference/redoc.standalone.js"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theApplicationCanGuardThePages() {
        Portico app = app(DocsPages.builder()
                .customize(e ->
                        e.middleware(next -> request -> next.handle(request).header("X-Guarded", "yes")))
                .build());
        assertThat(app.handle(TestRequest.get("/api/schema/redoc/")).headerValue("X-Guarded"))
                .contains("yes");
        assertThat(app.handle(TestRequest.get(BUNDLE)).headerValue("X-Guarded")).contains("yes");
    }

    @Test
    void malformedPathsFailAtBuildNamingTheOption() {
        assertThatThrownBy(() -> DocsPages.builder().swaggerUiPath("/docs").build())
                .hasMessageContaining("swaggerUiPath must be a plain path that starts and ends with '/'");
        assertThatThrownBy(() -> DocsPages.builder()
                        .schemaUrl("https://example.com/schema")
                        .build())
                .hasMessageContaining("the schema URL must be an absolute path on this server");
        assertThatThrownBy(() ->
                        DocsPages.builder().redocPath("/api/schema/swagger-ui/").build())
                .hasMessageContaining("give them different paths");
    }
}
