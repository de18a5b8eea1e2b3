package ${package};

import dev.portico.Portico;
import dev.portico.admin.Admin;
import dev.portico.auth.browsable.BrowsableApi;
import dev.portico.auth.module.AuthModule;
import dev.portico.cli.Manage;
import dev.portico.config.Naming;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.query.BaseUrl;

/**
 * The application: notes kept per user, behind accounts with JWT, sessions and API keys. {@code ./manage} serves it
 * on http://localhost:8000; {@code ./manage --help} lists the management commands. The data lives in the database of
 * {@code database.url}: by default an H2 file under {@code ./data/}, migrated when the app starts.
 */
public final class Application {

    private Application() {}

    /** The application, for the server, the management commands and the tests alike. */
    public static Portico.Builder app(PorticoConfig config) {
        // declared without connecting, so `./manage schema` needs no database; the app opens it when it starts
        Database db = Database.lazy(config);
        AuthModule auth = AuthModule.create(db).title("${artifactId}");
        Portico.Builder app = Portico.builder()
                .config(config)
                .install(db) // database.*, ./manage migrate, /ready's check of it, opened (and migrated) on start
                .install(auth) // accounts: /auth/ (JWT, login, registration), /account/keys/, createuser, apikey
                .authenticators(auth.callers()) // every endpoint knows its caller: a token, the session, an API key
                .schema(s -> s.title("${artifactId} API").version("${version}"));
        var notes = Notes.resource(db, BaseUrl.hosts(config.get(Settings.SERVER_ALLOWED_HOSTS)));
        notes.addTo(app);
        // the admin site at /admin/, for staff (./manage createuser --staff): every note, with an audit log
        app.install(Admin.module(auth, db)
                .title("${artifactId} administration")
                .register(notes, m -> m.columns("title", "done", "createdAt").label(Notes.Note::title)));
        // DRF's browsable API: a browser sees every JSON endpoint as a page, logs in at /api-auth/login/
        BrowsableApi.create(auth.sessions())
                .title("${artifactId} API")
                .home("/api/notes/")
                .addTo(app);
        return app;
    }

    /**
     * The app's code-level defaults, below a file and the environment: JSON, forms, filters and ordering in
     * snake_case ({@code createdAt} is {@code created_at} on the wire), as DRF's clients expect.
     */
    public static PorticoConfig.Builder settings(PorticoConfig.Builder builder) {
        return builder.set(Settings.JSON_NAMING, Naming.SNAKE_CASE);
    }

    /** The management commands: serve (the default), schema, and those of the installed modules. */
    public static Manage manage() {
        return Manage.create(Application::app).name("./manage").settings(Application::settings);
    }

    /** Runs a management command; {@code serve} by default. */
    public static void main(String[] args) {
        int code = manage().run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
