package dev.portico.examples.blog;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.portico.Portico;
import dev.portico.admin.Admin;
import dev.portico.auth.Authenticator;
import dev.portico.auth.accounts.User;
import dev.portico.auth.basic.BasicAuthenticator;
import dev.portico.auth.browsable.BrowsableApi;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.keys.FormKeyAuthenticator;
import dev.portico.auth.mail.MailSettings;
import dev.portico.auth.module.AuthModule;
import dev.portico.cli.Manage;
import dev.portico.clientgen.ClientCommand;
import dev.portico.clientgen.diff.SchemaDiffCommand;
import dev.portico.config.Naming;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.query.BaseUrl;
import dev.portico.form.IdResolver;
import dev.portico.metrics.MetricsModule;
import dev.portico.redis.module.RedisModule;
import dev.portico.rpc.Api;
import io.swagger.v3.oas.models.info.License;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The example application: a blog API that grows with each part of Portico. Run it from the repository
 * root with {@code ./manage} (serve on http://localhost:8000) or {@code ./manage --help} for the commands.
 * Posts and employees live in the database of {@code database.url}: by default an H2 file under
 * {@code ./data/}, migrated when the app starts; {@code ./manage migrate} applies migrations by hand.
 */
public final class BlogApp {

    private BlogApp() {}

    /** The application, for the server, the management commands and the tests alike. */
    public static Portico.Builder app(PorticoConfig config) {
        // declared without connecting, so `schema` needs no database; the app opens it when it starts
        Database db = Database.lazy(config);
        AuthModule auth = AuthModule.create(db);
        Set<String> hosts = BaseUrl.hosts(config.get(Settings.SERVER_ALLOWED_HOSTS));
        Portico.Builder app = Portico.builder()
                .config(config)
                .install(db) // database.*, migrate, /ready's check, opened on start
                .schema(s -> s.title("Blog API")
                        .description(
                                "The example application of Portico: a blog with posts, employees and file uploads.")
                        .version("1.0.0")
                        .customizer(openapi -> openapi.getInfo() // the document-level hook, as DRF's get_schema
                                .termsOfService("https://example.com/terms/")
                                .license(new License().name("MIT").url("https://opensource.org/license/mit"))))
                .get(
                        "/api/hello/{name}/",
                        Greeting.class,
                        request -> new Greeting("Hello, " + request.pathParam("name") + "!"),
                        e -> e.operationId("hello").summary("Greets someone by name"))
                .controller(new Uploads())
                .install(RedisModule.create()) // with redis.url: throttles and cached reads shared in Redis
                .install(MetricsModule.create() // with metrics.enabled: Prometheus at /metrics, the pool's too
                        .bind(registry -> db.poolMetrics(new MicrometerMetricsTrackerFactory(registry))))
                .install(auth); // accounts, JWT, sessions, API keys and their commands
        var posts = Posts.resource(db, hosts, auth.people());
        var employees = Employees.resource(db, hosts, peopleAndKeys(auth));
        posts.addTo(app);
        employees.addTo(app);
        // seed 004's "admin.site.register(Post)": the admin site at /admin/, for staff (./manage createuser --staff)
        app.install(Admin.module(auth, db)
                .title("Blog administration")
                .register(
                        posts,
                        m -> m.columns("title", "draft", "publishDate", "createdAt")
                                .label(Posts.Post::title))
                .register(employees, m -> m.columns("name", "department", "salary", "hireDate")));
        // DRF's browsable API: a browser sees every JSON endpoint as a page, logs in at /api-auth/login/
        BrowsableApi.create(auth.sessions())
                .title("Blog API")
                .home("/api/posts/")
                .addTo(app);
        app.endpoints(() -> api(auth, config.naming()).endpoints()); // made at build: commands never need them
        EmployeesPage.addTo(app);
        return app;
    }

    /**
     * Who may read and write employees, as seed 000's {@code IsAuthenticatedOrHasUserAPIKey}: a JWT, the session,
     * the {@code Api-Key} header, HTTP Basic with a password or a key, or seed 002's {@code authorisation} field.
     */
    static Authenticator[] peopleAndKeys(AuthModule auth) {
        return Stream.concat(
                        Stream.of(auth.callers()),
                        Stream.of(FormKeyAuthenticator.create(auth.keys()).bodyOnly()))
                .toArray(Authenticator[]::new);
    }

    /**
     * Seed 002's API methods: modules {@code home} and {@code types} at {@code POST /api/<module>/<method>}, users sent
     * by their public id, and the method index at {@code GET /api/_index}. Callers as seed 002's "Authorising" lists
     * them: a page's POST with the session and its CSRF token, the {@code authorisation=keyid:secret} field (the query
     * string works too, with a warning in the log), and HTTP Basic with {@code username:keyid:secret} or, not
     * recommended, {@code username:password}.
     */
    static Api api(AuthModule auth, Naming naming) {
        return Api.builder()
                .naming(naming)
                .resolver(IdResolver.of(User.class, auth.accounts().users()::findByPublicId, User::publicId))
                .authenticators(
                        auth.sessions().authenticator(),
                        FormKeyAuthenticator.create(auth.keys()),
                        BasicAuthenticator.create(auth.accounts(), auth.keys()))
                .module(new Home(auth.accounts()))
                .module(new Types())
                .build();
    }

    /**
     * The management commands: serve, schema (and schema diff), client, and those of the installed modules: migrate,
     * createuser, apikey, role, user and clearsessions.
     */
    public static Manage manage() {
        return manage(b -> {});
    }

    /** The management commands with more code-level defaults (a test's own {@code database.url}, say). */
    public static Manage manage(Consumer<PorticoConfig.Builder> defaults) {
        Manage manage = Manage.create(BlogApp::app).name("./manage").settings(b -> defaults.accept(settings(b)));
        return manage.command(ClientCommand.create(manage)).schemaCommand(SchemaDiffCommand.create(manage));
    }

    /**
     * The example's code-level defaults: the site's name, seed 004's {@code JWT} keyword, the example's throttle
     * rates and snake_case wire names ({@code json.naming}), which a file or {@code PORTICO_THROTTLE_ANONYMOUS} / {@code PORTICO_THROTTLE_AUTHENTICATED} override.
     * The installed modules register their own settings.
     */
    public static PorticoConfig.Builder settings(PorticoConfig.Builder builder) {
        return builder.set(MailSettings.SITE_NAME, "Blog")
                .set(JwtSettings.HEADER_TYPES, "Bearer,JWT") // seed 004's tutorial sends "JWT <token>"
                .set(Settings.THROTTLE_ANONYMOUS, ANONYMOUS_RATE)
                .set(Settings.THROTTLE_AUTHENTICATED, AUTHENTICATED_RATE)
                .set(Settings.JSON_NAMING, Naming.SNAKE_CASE); // publishDate is publish_date, as seed 004 names it
    }

    /** Anonymous callers, by client IP, across every endpoint. */
    public static final String ANONYMOUS_RATE = "60/min";
    /** Signed-in callers, by user id, across every endpoint. */
    public static final String AUTHENTICATED_RATE = "600/min";

    /** Runs a management command; {@code serve} by default. */
    public static void main(String[] args) {
        int code = manage().run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The answer of the hello endpoint. */
    public record Greeting(String message) {}
}
