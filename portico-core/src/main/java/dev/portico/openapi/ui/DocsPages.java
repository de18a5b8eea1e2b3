package dev.portico.openapi.ui;

import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The interactive documentation of an API: Swagger UI and Redoc, each a small page that loads the
 * OpenAPI document from the schema endpoint. They are ordinary Portico endpoints, left out of the schema
 * ({@link EndpointBuilder#hidden(boolean)}), so the application's policies apply to them like to any other.
 * <pre>{@code
 * Portico.Builder app = Portico.builder();
 * DocsPages.builder().title("Blog API").build().endpoints().forEach(app::endpoint);
 * }</pre>
 *
 * <p>Everything the pages load comes from the application itself, out of the WebJars that portico-core
 * depends on: no CDN, so they work offline and behind a firewall, and a strict Content-Security-Policy
 * (no inline script, nothing from other origins) protects them. The pages name the schema with a URL
 * relative to themselves, so they keep working when a proxy serves the application under a prefix.
 */
public final class DocsPages {
    /** Where Portico serves the OpenAPI document unless told otherwise. */
    public static final String DEFAULT_SCHEMA_URL = "/api/schema/";
    /** Where the Swagger UI page is served unless told otherwise. */
    public static final String DEFAULT_SWAGGER_UI_PATH = "/api/schema/swagger-ui/";
    /** Where the Redoc page is served unless told otherwise. */
    public static final String DEFAULT_REDOC_PATH = "/api/schema/redoc/";

    /** Swagger UI's policy: its styles and the data: images of its stylesheet, and calls to the API itself. */
    static final String SWAGGER_UI_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    /**
     * Redoc's policy: as Swagger UI's, plus the search index that Redoc runs in a worker made from a blob. It
     * also keeps the page offline: Redoc 2 always shows its vendor's logo from a CDN, and the policy refuses
     * it before any request is sent (Redoc then shows the attribution without the picture).
     */
    static final String REDOC_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static final String OWN = "dev/portico/openapi/ui/";
    private static final List<String> SWAGGER_UI_FILES =
            List.of("swagger-ui-bundle.js", "swagger-ui.css", "index.css", "favicon-32x32.png", "favicon-16x16.png");

    private final String schemaUrl;
    private final String swaggerUiPath;
    private final String redocPath;
    private final List<Endpoint> endpoints;

    private DocsPages(String schemaUrl, String swaggerUiPath, String redocPath, List<Endpoint> endpoints) {
        this.schemaUrl = schemaUrl;
        this.swaggerUiPath = swaggerUiPath;
        this.redocPath = redocPath;
        this.endpoints = endpoints;
    }

    /** Both pages at their default paths, for the schema at {@link #DEFAULT_SCHEMA_URL}. */
    public static DocsPages create() {
        return builder().build();
    }

    /** A builder to choose the paths, the title, or the policies of the pages. */
    public static Builder builder() {
        return new Builder();
    }

    /** The GET endpoints serving both pages and every file they load; add them to the application. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The schema URL the pages load. */
    public String schemaUrl() {
        return schemaUrl;
    }

    /** The path of the Swagger UI page. */
    public String swaggerUiPath() {
        return swaggerUiPath;
    }

    /** The path of the Redoc page. */
    public String redocPath() {
        return redocPath;
    }

    /** Collects the paths and options; {@link #build()} checks them and locates the WebJars. */
    public static final class Builder {
        private String schemaUrl = DEFAULT_SCHEMA_URL;
        private String swaggerUiPath = DEFAULT_SWAGGER_UI_PATH;
        private String redocPath = DEFAULT_REDOC_PATH;
        private String title = "API documentation";
        private Consumer<EndpointBuilder> customizer = e -> {};
        private String csrfCookie = "csrftoken";

        private Builder() {}

        /**
         * The CSRF cookie Swagger UI's "Try it out" copies into the {@code X-CSRFToken} header of unsafe requests, as
         * drf-spectacular's page does, so a signed-in session can POST: {@code csrftoken} unless
         * {@code auth.csrf.cookie-name} changes it.
         */
        public Builder csrfCookie(String name) {
            this.csrfCookie = name;
            return this;
        }

        /** The absolute path of the OpenAPI document, a query allowed: {@code /api/schema/?format=json}. */
        public Builder schemaUrl(String schemaUrl) {
            this.schemaUrl = schemaUrl;
            return this;
        }

        /** The path of the Swagger UI page, a directory ending in {@code /}; its files are served below it. */
        public Builder swaggerUiPath(String path) {
            this.swaggerUiPath = path;
            return this;
        }

        /** The path of the Redoc page, a directory ending in {@code /}; its script is served below it. */
        public Builder redocPath(String path) {
            this.redocPath = path;
            return this;
        }

        /** The title of both pages, shown in the browser's tab. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Customises every endpoint of the pages: {@code e -> e.permissions(Permission.authenticated())}. */
        public Builder customize(Consumer<EndpointBuilder> customizer) {
            this.customizer = customizer;
            return this;
        }

        /** The pages; fails when a path is malformed or a WebJar is missing from the classpath. */
        public DocsPages build() {
            checkSchemaUrl(schemaUrl);
            checkPagePath("swaggerUiPath", swaggerUiPath);
            checkPagePath("redocPath", redocPath);
            if (swaggerUiPath.equals(redocPath)) {
                throw new IllegalArgumentException(
                        "DocsPages: Swagger UI and Redoc are both at " + redocPath + "; give them different paths");
            }
            List<Endpoint> endpoints = new ArrayList<>();
            swaggerUi(endpoints);
            redoc(endpoints);
            return new DocsPages(schemaUrl, swaggerUiPath, redocPath, List.copyOf(endpoints));
        }

        private void swaggerUi(List<Endpoint> endpoints) {
            WebJar webJar = WebJar.find("org.webjars", "swagger-ui");
            endpoints.add(endpoint(swaggerUiPath, page("swagger-ui.html", swaggerUiPath, SWAGGER_UI_CSP)));
            for (String file : SWAGGER_UI_FILES) {
                endpoints.add(endpoint(swaggerUiPath + file, StaticAsset.resource(webJar.resource(file))));
            }
            endpoints.add(endpoint(
                    swaggerUiPath + "portico-swagger-ui.js", StaticAsset.resource(OWN + "portico-swagger-ui.js")));
        }

        private void redoc(List<Endpoint> endpoints) {
            WebJar webJar = WebJar.find("org.webjars.npm", "redoc");
            endpoints.add(endpoint(redocPath, page("redoc.html", redocPath, REDOC_CSP)));
            endpoints.add(endpoint(
                    redocPath + "redoc.standalone.js",
                    StaticAsset.resource(webJar.resource("bundles/redoc.standalone.js"))));
            endpoints.add(endpoint(redocPath + "portico-redoc.css", StaticAsset.resource(OWN + "portico-redoc.css")));
        }

        private StaticAsset page(String template, String path, String csp) {
            String html = new String(StaticAsset.read(OWN + template), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : Map.of(
                            "title", title, "schemaUrl", RelativeUrl.from(path, schemaUrl), "csrfCookie", csrfCookie)
                    .entrySet()) {
                html = html.replace("{{" + value.getKey() + "}}", dev.portico.http.Html.escape(value.getValue()));
            }
            return StaticAsset.bytes(
                    html.getBytes(StandardCharsets.UTF_8),
                    "text/html",
                    "Content-Security-Policy",
                    csp,
                    "Referrer-Policy",
                    "same-origin");
        }

        private Endpoint endpoint(String path, StaticAsset asset) {
            EndpointBuilder builder = Endpoint.builder(HttpMethod.GET, path)
                    .output(Response.class)
                    .produces(asset.mediaType())
                    .hidden(true)
                    .source("DocsPages")
                    .handle(asset::serve);
            customizer.accept(builder);
            return builder.build();
        }
    }

    private static void checkSchemaUrl(String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//") || url.contains("#")) {
            throw new IllegalArgumentException("DocsPages: the schema URL must be an absolute path on this server,"
                    + " such as " + DEFAULT_SCHEMA_URL + ", not " + url);
        }
    }

    private static void checkPagePath(String option, String path) {
        if (path == null
                || !path.startsWith("/")
                || !path.endsWith("/")
                || path.contains("//")
                || path.contains("?")
                || path.contains("#")
                || path.contains("{")) {
            throw new IllegalArgumentException("DocsPages: " + option + " must be a plain path that starts and ends"
                    + " with '/', such as " + DEFAULT_SWAGGER_UI_PATH + ", not " + path);
        }
    }
}
