package dev.portico.examples.blog;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.basic.BasicAuthenticator;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.JwtKeys;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.FormKeyAuthenticator;
import dev.portico.auth.mail.Mailer;
import dev.portico.auth.session.Sessions;
import dev.portico.auth.browsable.BrowsableApi;
import dev.portico.auth.web.KeysPages;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import java.nio.file.Path;

/**
 * The example's accounts and who may call what, as seed 004 and seed 000 set them up: JWT at seed 004's
 * {@code /auth/obtain_token/}, {@code /auth/refresh_token/} and {@code /auth/verify_token/}; dj-rest-auth's account
 * endpoints under {@code /auth/} (registration with e-mail verification, login by username or address answering a
 * session and tokens, password reset); posts for signed-in users (a JWT or the session);
 * employees for signed-in users or their API keys (seed 000's {@code IsAuthenticatedOrHasUserAPIKey}: the
 * {@code Api-Key} header, HTTP Basic with a password or a key, or seed 002's {@code authorisation} field); and the
 * page where a user signs in and manages their keys, {@code /account/keys/}.
 */
final class Auth {
    final Accounts accounts;
    final ApiKeys keys;
    final Sessions sessions;
    final Tokens tokens;
    /** The password-reset and verification e-mails: printed to the terminal unless mail.backend=smtp. */
    final Mailer mailer;
    private final PorticoConfig config;
    private final Authenticator jwt;
    /** Who may read and write posts. */
    final Authenticator[] people;
    /** Who may read and write employees. */
    final Authenticator[] peopleAndKeys;
    /**
     * Who may call the API methods, as seed 002's "Authorising" lists them: a page's POST with the session and its CSRF
     * token, the {@code authorisation=keyid:secret} field (the query string works too, with a warning in the log), and
     * HTTP Basic with {@code username:keyid:secret} or, not recommended, {@code username:password}.
     */
    final Authenticator[] apiCallers;

    private Auth(Database db, PorticoConfig config) {
        this.accounts = Accounts.create(db, config);
        this.keys = ApiKeys.create(accounts);
        this.sessions = Sessions.create(accounts, config);
        this.tokens = Tokens.create(accounts, config, jwtKeys(config));
        this.mailer = Mailer.create(config);
        this.config = config;
        this.jwt = JwtAuthenticator.create(tokens);
        this.people = new Authenticator[] {jwt, sessions.authenticator()};
        this.peopleAndKeys = new Authenticator[] {jwt, sessions.authenticator(), ApiKeyAuthenticator.create(keys),
                BasicAuthenticator.create(accounts, keys), FormKeyAuthenticator.create(keys).bodyOnly()};
        this.apiCallers = new Authenticator[] {sessions.authenticator(), FormKeyAuthenticator.create(keys),
                BasicAuthenticator.create(accounts, keys)};
    }

    static Auth create(Database db, PorticoConfig config) {
        return new Auth(db, config);
    }

    /**
     * On the embedded database (a developer's machine) without {@code auth.jwt.secret}, a secret generated once into
     * {@code ./data/jwt-secret}, so {@code ./manage} works out of the box; anywhere else (an H2 server over
     * {@code jdbc:h2:tcp:} or {@code ssl:} included) the secret must be configured, and startup fails naming the
     * setting.
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
        // mem: and file: by name; ./x, ~/x, /x and x are files too; tcp:, ssl: and any other prefix are not
        return path.startsWith("mem:") || path.startsWith("file:") || !path.contains(":");
    }

    /**
     * Mounts the token endpoints (seed 004's), the account endpoints (dj-rest-auth's, with JWT: login and registration
     * answer access and refresh tokens, password reset and e-mail verification send mail), and the page to manage
     * API keys (seed 000's profile page).
     */
    void addTo(Portico.Builder app) {
        app.onStop(mailer);
        JwtEndpoints.create(accounts, tokens).addTo(app);
        // the session's first (see AccountEndpoints.authenticators); a JWT caller may use them too
        // tokens: JWT in login and registration answers, and a logout sent {"refresh"} blacklists that login's tokens
        AccountEndpoints.create(accounts, sessions).config(config).tokens(tokens).mailer(mailer)
                .authenticators(sessions.authenticator(), jwt).addTo(app);
        KeysPages.create(accounts, keys, sessions).prefix("/account/keys/").title("Blog").addTo(app);
        // DRF's browsable API: a browser sees every JSON endpoint as a page, logs in at /api-auth/login/
        BrowsableApi.create(sessions).title("Blog API").home("/api/posts/").addTo(app);
    }
}
