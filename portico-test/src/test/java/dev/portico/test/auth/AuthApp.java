package dev.portico.test.auth;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;

/**
 * A small application with portico-auth's accounts: JWT, sessions with CSRF and API keys on {@code /api/me/}, and the
 * token and account endpoints, as an app sets them up.
 */
final class AuthApp {
    static final String SECRET = "portico-test's own token secret, 32+ bytes";

    record Me(String username, String via) {}

    private AuthApp() {}

    /** The settings an app with portico-auth registers, with the tests' secret and cheap password hashing. */
    static PorticoConfig.Builder settings(PorticoConfig.Builder builder) {
        return SessionSettings.register(JwtSettings.register(AuthSettings.register(builder)))
                .set(JwtSettings.SECRET, SECRET)
                .set(AuthSettings.ARGON2_MEMORY, 1024)
                .set(AuthSettings.ARGON2_ITERATIONS, 1);
    }

    static Portico.Builder builder(PorticoConfig config) {
        Database db = Database.lazy(config, Accounts.MIGRATIONS);
        Accounts accounts = Accounts.create(db, config);
        Sessions sessions = Sessions.create(accounts, config);
        Tokens tokens = Tokens.create(accounts, config);
        Authenticator jwt = JwtAuthenticator.create(tokens);
        Authenticator[] everyone = {jwt, sessions.authenticator(), ApiKeyAuthenticator.create(ApiKeys.create(accounts))
        };
        Portico.Builder app = Portico.builder()
                .config(config)
                .onStart(db::open)
                .onStop(db)
                .shutdownHook(false)
                .get(
                        "/api/me/",
                        Me.class,
                        r -> me(r.principal().orElseThrow()),
                        e -> e.authenticators(everyone).permissions(Permission.authenticated()))
                .post(
                        "/api/me/",
                        Me.class,
                        Me.class,
                        (r, body) -> me(r.principal().orElseThrow()),
                        e -> e.authenticators(everyone).permissions(Permission.authenticated()));
        JwtEndpoints.create(accounts, tokens).addTo(app);
        AccountEndpoints.create(accounts, sessions)
                .authenticators(sessions.authenticator(), jwt)
                .addTo(app);
        return app;
    }

    private static Me me(dev.portico.http.Principal principal) {
        Caller caller = (Caller) principal;
        return new Me(caller.user().username(), caller.keyId().isPresent() ? "key" : "person");
    }
}
