package dev.portico.docs.auth;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.Principal;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.basic.BasicAuthenticator;
import dev.portico.auth.jwt.JwtAuthenticator;
import dev.portico.auth.jwt.JwtEndpoints;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.session.Sessions;
import dev.portico.auth.web.KeysPages;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;

/** The app of docs/authentication.md: every way of signing in, and the keys page. */
public final class SecureApp {
    private SecureApp() {
    }

    // region me
    /** Who is calling. */
    public record Me(String id, String name, boolean staff) {
    }
    // endregion me

    // region app
    public static Portico.Builder app(PorticoConfig config) {
        Database db = Database.lazy(config, Accounts.MIGRATIONS);   // users, roles, keys, sessions, tokens tables
        Accounts accounts = Accounts.create(db, config);
        ApiKeys keys = ApiKeys.create(accounts);
        Sessions sessions = Sessions.create(accounts, config);
        Tokens tokens = Tokens.create(accounts, config);            // signs with auth.jwt.secret
        Authenticator jwt = JwtAuthenticator.create(tokens);

        Portico.Builder app = Portico.builder().config(config).onStart(db::open).onStop(db)
                .authenticators(jwt, sessions.authenticator(), ApiKeyAuthenticator.create(keys),
                        BasicAuthenticator.create(accounts, keys))
                .permissions(Permission.authenticated())
                .get("/api/me/", Me.class, request -> {
                    Principal caller = request.principal().orElseThrow();
                    return new Me(caller.id(), caller.name(), caller.admin());
                });
        JwtEndpoints.create(accounts, tokens).addTo(app);          // /auth/obtain_token/, refresh_token/, verify_token/
        AccountEndpoints.create(accounts, sessions).config(config).tokens(tokens)   // dj-rest-auth's, with JWT:
                .addTo(app);                          // /auth/login/, registration/, password/reset/, ...
        KeysPages.create(accounts, keys, sessions).prefix("/account/keys/").title("My API").addTo(app);
        return app;
    }
    // endregion app
}
