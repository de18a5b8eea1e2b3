package ${package};

import dev.portico.Portico;
import dev.portico.admin.Admin;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.cli.ApiKeyCommand;
import dev.portico.auth.cli.ClearSessionsCommand;
import dev.portico.auth.cli.CreateUserCommand;
import dev.portico.auth.cli.RoleCommand;
import dev.portico.auth.cli.UserCommand;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.mail.MailSettings;
import dev.portico.auth.session.SessionSettings;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.MigrateCommand;
import dev.portico.data.query.BaseUrl;
import java.util.Set;

/**
 * The application: notes kept per user, behind accounts with JWT, sessions and API keys. {@code ./manage} serves it
 * on http://localhost:8000; {@code ./manage --help} lists the management commands. The data lives in the database of
 * {@code database.url}: by default an H2 file under {@code ./data/}, migrated when the app starts.
 */
public final class App {

    private App() {
    }

    /** The application, for the server, the management commands and the tests alike. */
    public static Portico.Builder app(PorticoConfig config) {
        // declared without connecting, so `./manage schema` needs no database; the app opens it when it starts
        Database db = Database.lazy(config, Accounts.MIGRATIONS, Admin.MIGRATIONS);
        Portico.Builder app = Portico.builder()
                .config(config)
                .onStart(db::open)
                .onStop(db)
                // /health (liveness) and /ready (readiness: this database), answered by Portico before any policy,
                // so a load balancer's polls are never authenticated or throttled; they are not in the OpenAPI document
                .healthCheck(db.healthCheck())
                .schema(s -> s.title("${artifactId} API").version("${version}"));
        Auth auth = Auth.create(db, config);
        auth.addTo(app);
        Set<String> hosts = BaseUrl.hosts(config.get(Settings.SERVER_ALLOWED_HOSTS));
        var notes = Notes.resource(db, hosts, auth.callers);
        notes.addTo(app);
        // the admin site at /admin/, for staff (./manage createuser --staff): every note, with an audit log
        Admin.create(auth.accounts, auth.sessions).title("${artifactId} administration")
                .register(notes, m -> m.columns("title", "done", "createdAt").label(Notes.Note::title))
                .addTo(app);
        return app;
    }

    /** The management commands: serve (the default), schema, migrate, createuser, apikey, role, user, clearsessions. */
    public static Manage manage() {
        Manage manage = Manage.create(App::app).name("./manage").settings(App::settings);
        return manage.command(MigrateCommand.create(manage::config, Accounts.MIGRATIONS, Admin.MIGRATIONS))
                .command(CreateUserCommand.create(manage::config))
                .command(ApiKeyCommand.create(manage::config))
                .command(RoleCommand.create(manage::config))
                .command(UserCommand.create(manage::config))
                .command(ClearSessionsCommand.create(manage::config));
    }

    /**
     * Registers the settings of the modules the app uses ({@code database.*}, {@code auth.*}, {@code mail.*},
     * {@code site.*}).
     */
    public static PorticoConfig.Builder settings(PorticoConfig.Builder builder) {
        return SessionSettings.register(JwtSettings.register(AuthSettings.register(DatabaseSettings.register(
                AccountSettings.register(MailSettings.register(builder))))));
    }

    /** Runs a management command; {@code serve} by default. */
    public static void main(String[] args) {
        int code = manage().run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
