package dev.portico.auth.module;

import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.basic.BasicAuthenticator;
import dev.portico.auth.cli.ApiKeyCommand;
import dev.portico.auth.cli.ClearSessionsCommand;
import dev.portico.auth.cli.CreateUserCommand;
import dev.portico.auth.cli.RoleCommand;
import dev.portico.auth.cli.UserCommand;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.JwtKeys;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.mail.MailSettings;
import dev.portico.auth.mail.Mailer;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.auth.web.KeysPages;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import dev.portico.data.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Accounts as dj-rest-auth and Simple JWT set them up, installed in one call: users with roles and API keys, JWT
 * at {@code /auth/obtain_token/}, {@code /auth/refresh_token/} and {@code /auth/verify_token/}, the account endpoints
 * under {@code /auth/} (registration with e-mail verification, login answering a session and tokens, logout,
 * password change and reset), the page {@code /account/keys/} where a user manages their keys, and the commands
 * {@code createuser}, {@code apikey}, {@code role}, {@code user} and {@code clearsessions}.
 * <pre>{@code
 * Database db = Database.lazy(config);
 * AuthModule auth = AuthModule.create(db);
 * Portico.builder().config(config).install(db).install(auth)
 *         .authenticators(auth.callers());     // who may call the API: a token, the session, an API key, Basic
 * }</pre>
 * It brings the {@code auth.*}, {@code auth.jwt.*}, {@code auth.session.*}, {@code account.*}, {@code mail.*} and
 * {@code site.*} settings, registered on the database's configuration when it is made. Without
 * {@code auth.jwt.secret}, tokens are signed with a secret generated once into {@code ./data/jwt-secret} on an H2
 * file (a developer's machine), with one held in memory on an H2 database in memory (a test's); anywhere else the
 * secret must be set, and startup fails naming the setting.
 */
public final class AuthModule implements Module {
    /** Every setting the module reads, in documentation order. */
    public static final List<Setting<?>> SETTINGS = Stream.of(
                    AuthSettings.ALL, JwtSettings.ALL, SessionSettings.ALL, AccountSettings.ALL, MailSettings.ALL)
            .flatMap(List::stream)
            .toList();

    private final Database db;
    private final PorticoConfig config;
    private final Accounts accounts;
    private final ApiKeys keys;
    private final Sessions sessions;
    private final Tokens tokens;
    private final Mailer mailer;
    private final Authenticator jwt;
    private String title;

    private AuthModule(Database db) {
        this.db = db;
        this.config = db.config().register(SETTINGS.toArray(Setting<?>[]::new));
        this.accounts = Accounts.create(db, config);
        this.keys = ApiKeys.create(accounts);
        this.sessions = Sessions.create(accounts, config);
        // made when first used, or when the app is built: `./manage migrate` needs no JWT secret
        this.tokens = Tokens.create(accounts, config, JwtKeys.deferred(config, () -> jwtKeys(db, config)));
        this.mailer = Mailer.create(config);
        this.jwt = JwtAuthenticator.create(tokens);
        this.title = config.get(MailSettings.SITE_NAME);
    }

    /** The module on {@code db}, whose configuration it reads and where its tables are migrated. */
    public static AuthModule create(Database db) {
        return new AuthModule(db);
    }

    /** A configured key; else, for a database in memory, one in memory; for an H2 file, one in a file beside it. */
    private static JwtKeys jwtKeys(Database db, PorticoConfig config) {
        if (!db.inProcess()) {
            return JwtKeys.create(config);
        }
        return db.inMemory()
                ? JwtKeys.ephemeral(config)
                : JwtKeys.localDevelopment(config, Path.of("data", "jwt-secret"));
    }

    /** The title of the keys page; {@code site.name} by default. */
    public AuthModule title(String title) {
        this.title = title;
        return this;
    }

    /** The users, their roles and passwords. */
    public Accounts accounts() {
        return accounts;
    }

    /** The users' API keys. */
    public ApiKeys keys() {
        return keys;
    }

    /** The sessions of signed-in browsers. */
    public Sessions sessions() {
        return sessions;
    }

    /** The JWT access and refresh tokens. */
    public Tokens tokens() {
        return tokens;
    }

    /** The password-reset and verification e-mails: printed to the terminal unless {@code mail.backend=smtp}. */
    public Mailer mailer() {
        return mailer;
    }

    /** Bearer tokens ({@code auth.jwt.header-types} names the keywords). */
    public Authenticator jwt() {
        return jwt;
    }

    /** People: a JWT or the session (with its CSRF token on unsafe methods). */
    public Authenticator[] people() {
        return new Authenticator[] {jwt, sessions.authenticator()};
    }

    /**
     * People or their programs: a JWT, the session, an API key ({@code Authorization: Api-Key keyid:secret}), or
     * HTTP Basic with a password or a key. What {@code Portico.builder().authenticators(...)} usually takes.
     */
    public Authenticator[] callers() {
        return new Authenticator[] {
            jwt, sessions.authenticator(), ApiKeyAuthenticator.create(keys), BasicAuthenticator.create(accounts, keys)
        };
    }

    @Override
    public String name() {
        return "AuthModule.create(db)";
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }

    @Override
    public List<Object> commands(Supplier<PorticoConfig> config) {
        return List.of(
                CreateUserCommand.create(config),
                ApiKeyCommand.create(config),
                RoleCommand.create(config),
                UserCommand.create(config),
                ClearSessionsCommand.create(config));
    }

    /**
     * Migrates its tables on the database, closes the mailer on stop, and mounts the token endpoints, the account
     * endpoints (the session first, a JWT caller too) and the keys page.
     */
    @Override
    public void install(Portico.Builder app) {
        app.onBuild(tokens.keys()::resolve); // a missing auth.jwt.secret fails the build, naming the setting
        db.migrations(Accounts.MIGRATIONS);
        app.onStop(mailer);
        JwtEndpoints.create(accounts, tokens).addTo(app);
        AccountEndpoints.create(accounts, sessions)
                .config(config)
                .tokens(tokens)
                .mailer(mailer)
                .authenticators(sessions.authenticator(), jwt)
                .addTo(app);
        KeysPages.create(accounts, keys, sessions)
                .prefix("/account/keys/")
                .title(title)
                .addTo(app);
    }
}
