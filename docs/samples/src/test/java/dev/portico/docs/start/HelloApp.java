package dev.portico.docs.start;

// region app
import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;

public final class HelloApp {

    /** What GET /api/hello/{name}/ answers, as JSON. */
    public record Greeting(String message) {}

    /** The application, for the server, the commands and the tests. */
    public static Portico.Builder app(PorticoConfig config) {
        return Portico.builder()
                .config(config)
                .schema(s -> s.title("Hello API"))
                .get(
                        "/api/hello/{name}/",
                        Greeting.class,
                        request -> new Greeting("Hello, " + request.pathParam("name") + "!"),
                        e -> e.operationId("hello").summary("Greets someone by name"));
    }

    /** serve (the default), schema, --print-config, --help. */
    public static void main(String[] args) {
        int code = Manage.create(HelloApp::app).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
// endregion app
