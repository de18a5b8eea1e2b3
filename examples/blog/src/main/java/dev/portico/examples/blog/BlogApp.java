package dev.portico.examples.blog;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.portico.Portico;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.accounts.User;
import dev.portico.auth.cli.ApiKeyCommand;
import dev.portico.auth.cli.ClearSessionsCommand;
import dev.portico.auth.cli.CreateUserCommand;
import dev.portico.auth.cli.RoleCommand;
import dev.portico.auth.cli.UserCommand;
import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.mail.MailSettings;
import dev.portico.auth.session.SessionSettings;
import dev.portico.cli.Manage;
import dev.portico.clientgen.ClientCommand;
import dev.portico.clientgen.diff.SchemaDiffCommand;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.MigrateCommand;
import dev.portico.data.query.BaseUrl;
import dev.portico.form.IdResolver;
import dev.portico.metrics.Metrics;
import dev.portico.metrics.MetricsSettings;
import dev.portico.rpc.Api;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.cache.RedisResponseCache;
import dev.portico.redis.throttle.RedisThrottleStore;
import io.swagger.v3.oas.models.info.License;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The example application: a blog API that grows with each part of Portico. Run it from the repository
 * root with {@code ./manage} (serve on http://localhost:8000) or {@code ./manage --help} for the commands.
 * Posts and employees live in the database of {@code database.url}: by default an H2 file under
 * {@code ./data/}, migrated when the app starts; {@code ./manage migrate} applies migrations by hand.
 */
public final class BlogApp {

    private BlogApp() {
    }

    /** The application, for the server, the management commands and the tests alike. */
    public static Portico.Builder app(PorticoConfig config) {
        // declared without connecting, so `schema` needs no database; the app opens it when it starts
        Database db = Database.lazy(config, Accounts.MIGRATIONS);
        Portico.Builder app = Portico.builder()
                .config(config)
                .onStart(db::open)
                .onStop(db)
                // /health (liveness) and /ready (readiness: this database, and Redis when configured), served by
                // Portico before any policy, so a load balancer's polls are never throttled or authenticated
                .healthCheck(db.healthCheck())
                .schema(s -> s.title("Blog API")
                        .description("The example application of Portico: a blog with posts, employees and file uploads.")
                        .version("1.0.0")
                        .customizer(openapi -> openapi.getInfo() // the document-level hook, as DRF's get_schema
                                .termsOfService("https://example.com/terms/")
                                .license(new License().name("MIT").url("https://opensource.org/license/mit"))))
                .get("/api/hello/{name}/", Greeting.class,
                        request -> new Greeting("Hello, " + request.path("name") + "!"),
                        e -> e.operationId("hello").summary("Greets someone by name"))
                .controller(new Uploads());
        // throttle.anonymous and throttle.authenticated (see settings) make the default throttle; with redis.url
        // (PORTICO_REDIS_URL) every instance counts, and keeps the cached reads, in the one Redis
        redis(config, app);
        metrics(config, db, app);
        Set<String> hosts = BaseUrl.hosts(config.get(Settings.SERVER_ALLOWED_HOSTS));
        Auth auth = Auth.create(db, config);
        auth.addTo(app);
        Posts.resource(db, hosts, auth.people).addTo(app);
        Employees.resource(db, hosts, auth.peopleAndKeys).addTo(app);
        api(auth).addTo(app);
        EmployeesPage.addTo(app);
        return app;
    }

    /**
     * Seed 002's API methods: modules {@code home} and {@code types} at {@code POST /api/<module>/<method>}, users sent
     * by their public id, and the method index at {@code GET /api/_index}.
     */
    static Api api(Auth auth) {
        return Api.builder()
                .resolver(IdResolver.of(User.class, auth.accounts.users()::findByPublicId, User::publicId))
                .authenticators(auth.apiCallers)
                .module(new Home(auth.accounts))
                .module(new Types())
                .build();
    }

    /**
     * With {@code redis.url} ({@code PORTICO_REDIS_URL}) set, the throttle counts and the cached post reads live in
     * Redis, shared by every instance, with {@code redis.failure-policy} when it fails; without it they stay in this
     * process's memory. Declaring it does not connect: the app connects when it starts.
     */
    private static void redis(PorticoConfig config, Portico.Builder app) {
        Redis.create(config).ifPresent(redis -> app.onStart(redis::connect).onStop(redis).healthCheck(redis.healthCheck())
                .throttleStore(RedisThrottleStore.create(redis))
                .responseCache(RedisResponseCache.create(redis)));
    }

    /**
     * With {@code metrics.enabled=true} ({@code PORTICO_METRICS_ENABLED}), Prometheus metrics at {@code metrics.path}
     * ({@code /metrics}): a timer per endpoint, the JVM, and the database pool through Hikari's own Micrometer tracker.
     * Off by default: the page names every route, so turn it on where only the scraper reaches it, or set
     * {@code metrics.token}.
     */
    private static void metrics(PorticoConfig config, Database db, Portico.Builder app) {
        Metrics.create(config).ifPresent(metrics -> {
            metrics.addTo(app);
            db.poolMetrics(new MicrometerMetricsTrackerFactory(metrics.registry()));
        });
    }

    /**
     * The management commands: serve, schema (and schema diff), migrate, createuser, apikey, role, user, clearsessions and client, with the
     * {@code database.*} and {@code auth.*} settings.
     */
    public static Manage manage() {
        return manage(b -> { });
    }

    /** The management commands with more code-level defaults (a test's own {@code database.url}, say). */
    public static Manage manage(Consumer<PorticoConfig.Builder> defaults) {
        Manage manage = Manage.create(BlogApp::app).name("./manage")
                .settings(b -> defaults.accept(settings(b)));
        return manage.command(MigrateCommand.create(manage::config, Accounts.MIGRATIONS))
                .command(CreateUserCommand.create(manage::config))
                .command(ApiKeyCommand.create(manage::config))
                .command(RoleCommand.create(manage::config))
                .command(UserCommand.create(manage::config))
                .command(ClearSessionsCommand.create(manage::config))
                .command(ClientCommand.create(manage))
                .schemaCommand(SchemaDiffCommand.create(manage));
    }

    /**
     * Registers the settings of the modules the app uses ({@code database.*}, {@code auth.*}, {@code mail.*},
     * {@code site.*}, {@code redis.*}) and sets the site's name, seed 004's {@code JWT} keyword and the example's
     * throttle rates, as code-level defaults that a file or {@code PORTICO_THROTTLE_ANONYMOUS} /
     * {@code PORTICO_THROTTLE_AUTHENTICATED} override.
     */
    public static PorticoConfig.Builder settings(PorticoConfig.Builder builder) {
        return MetricsSettings.register(RedisSettings.register(SessionSettings.register(JwtSettings.register(AuthSettings.register(
                DatabaseSettings.register(MailSettings.register(AccountSettings.register(builder))))))))
                .set(MailSettings.SITE_NAME, "Blog")
                .set(JwtSettings.HEADER_TYPES, "Bearer,JWT")   // seed 004's tutorial sends "JWT <token>"
                .set(Settings.THROTTLE_ANONYMOUS, ANONYMOUS_RATE)
                .set(Settings.THROTTLE_AUTHENTICATED, AUTHENTICATED_RATE);
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
    public record Greeting(String message) {
    }
}
