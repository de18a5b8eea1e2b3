package ${package};

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.basic.BasicAuthenticator;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.JwtKeys;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.mail.Mailer;
import dev.portico.auth.session.Sessions;
import dev.portico.auth.web.KeysPages;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import java.nio.file.Path;

/**
 * The accounts and who may call the API: JWT at {@code /auth/obtain_token/}, {@code /auth/refresh_token/} and
 * {@code /auth/verify_token/}; dj-rest-auth's account endpoints under {@code /auth/} (registration with e-mail
 * verification, login answering a session and tokens, logout, password change and reset; the e-mails printed to the
 * console unless {@code mail.backend=smtp}); API keys, sent as {@code Authorization: Api-Key keyid:secret} or as
 * HTTP Basic's password, made with {@code ./manage apikey create} or on the page {@code /account/keys/}.
 */
final class Auth {
    final Accounts accounts;
    final ApiKeys keys;
    final Sessions sessions;
    final Tokens tokens;
    final Mailer mailer;
    private final PorticoConfig config;
    private final Authenticator jwt;
    /** Who may call the API: a token, the session, an API key, or HTTP Basic with a password or a key. */
    final Authenticator[] callers;

    private Auth(Database db, PorticoConfig config) {
        this.accounts = Accounts.create(db, config);
        this.keys = ApiKeys.create(accounts);
        this.sessions = Sessions.create(accounts, config);
        this.tokens = Tokens.create(accounts, config, jwtKeys(config));
        this.mailer = Mailer.create(config);
        this.config = config;
        this.jwt = JwtAuthenticator.create(tokens);
        this.callers = new Authenticator[] {jwt, sessions.authenticator(), ApiKeyAuthenticator.create(keys),
                BasicAuthenticator.create(accounts, keys)};
    }

    static Auth create(Database db, PorticoConfig config) {
        return new Auth(db, config);
    }

    /**
     * On the embedded database (a developer's machine) without {@code auth.jwt.secret}, a secret generated once into
     * {@code ./data/jwt-secret}, so {@code ./manage} works out of the box; anywhere else the secret must be configured
     * ({@code PORTICO_AUTH_JWT_SECRET}), and startup fails naming the setting.
     */
    private static JwtKeys jwtKeys(PorticoConfig config) {
        return embedded(config.get(DatabaseSettings.URL))
                ? JwtKeys.localDevelopment(config, Path.of("data", "jwt-secret"))
                : JwtKeys.create(config);
    }

    /** Whether {@code url} is an H2 database inside this process: in memory or a file, never a server. */
    static boolean embedded(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        return path.startsWith("mem:") || path.startsWith("file:") || !path.contains(":");
    }

    /** Mounts the token and account endpoints, and the page where a user manages their API keys. */
    void addTo(Portico.Builder app) {
        app.onStop(mailer);
        JwtEndpoints.create(accounts, tokens).addTo(app);
        AccountEndpoints.create(accounts, sessions).config(config).tokens(tokens).mailer(mailer)
                .authenticators(sessions.authenticator(), jwt).addTo(app);
        KeysPages.create(accounts, keys, sessions).prefix("/account/keys/").title("${artifactId}").addTo(app);
    }
}
