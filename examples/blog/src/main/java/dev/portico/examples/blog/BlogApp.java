package dev.portico.examples.blog;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import io.swagger.v3.oas.models.info.License;

/**
 * The example application: a blog API that grows with each part of Portico. Run it from the repository
 * root with {@code ./manage} (serve on http://localhost:8000) or {@code ./manage --help} for the commands.
 */
public final class BlogApp {

    private BlogApp() {
    }

    /** The application, for the server, the management commands and the tests alike. */
    public static Portico.Builder app(PorticoConfig config) {
        return Portico.builder()
                .config(config)
                .schema(s -> s.title("Blog API")
                        .description("The example application of Portico: a blog with posts and file uploads.")
                        .version("1.0.0")
                        .customizer(openapi -> openapi.getInfo() // the document-level hook, as DRF's get_schema
                                .termsOfService("https://example.com/terms/")
                                .license(new License().name("MIT").url("https://opensource.org/license/mit"))))
                .get("/health", Health.class, request -> new Health("ok"),
                        e -> e.operationId("health").tags("health").summary("Tells that the server is up"))
                .get("/api/hello/{name}/", Greeting.class,
                        request -> new Greeting("Hello, " + request.path("name") + "!"),
                        e -> e.operationId("hello").summary("Greets someone by name"))
                .controller(new Posts())
                .controller(new Uploads());
    }

    /** Runs a management command; {@code serve} by default. */
    public static void main(String[] args) {
        int code = Manage.create(BlogApp::app).name("./manage").run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The answer of {@code /health}. */
    public record Health(String status) {
    }

    /** The answer of the hello endpoint. */
    public record Greeting(String message) {
    }
}
