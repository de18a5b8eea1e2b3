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
import dev.portico.auth.session.Sessions;
import dev.portico.auth.web.KeysPages;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import java.nio.file.Path;

/**
 * The example's accounts and who may call what, as seed 004 and seed 000 set them up: JWT at seed 004's
 * {@code /auth/obtain_token/}, {@code /auth/refresh_token/} and {@code /auth/verify_token/}; dj-rest-auth's account
 * endpoints (session login with CSRF) under {@code /auth/}; posts for signed-in users (a JWT or the session);
 * employees for signed-in users or their API keys (seed 000's {@code IsAuthenticatedOrHasUserAPIKey}: the
 * {@code Api-Key} header, HTTP Basic with a password or a key, or seed 002's {@code authorisation} field); and the
 * page where a user signs in and manages their keys, {@code /account/keys/}.
 */
final class Auth {
    final Accounts accounts;
    final ApiKeys keys;
    final Sessions sessions;
    final Tokens tokens;
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
        Authenticator jwt = JwtAuthenticator.create(tokens);
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
     * {@code ./data/jwt-secret}, so {@code ./manage} works out of the box; anywhere else the secret must be
     * configured, and startup fails naming the setting.
     */
    private static JwtKeys jwtKeys(PorticoConfig config) {
        return config.get(DatabaseSettings.URL).startsWith("jdbc:h2:")
                ? JwtKeys.localDevelopment(config, Path.of("data", "jwt-secret"))
                : JwtKeys.create(config);
    }

    /** Mounts the token and account endpoints, and the page to manage API keys (seed 000's profile page). */
    void addTo(Portico.Builder app) {
        JwtEndpoints.create(accounts, tokens).addTo(app);
        AccountEndpoints.create(accounts, sessions).addTo(app);
        KeysPages.create(accounts, keys, sessions).prefix("/account/keys/").title("Blog").addTo(app);
    }
}
