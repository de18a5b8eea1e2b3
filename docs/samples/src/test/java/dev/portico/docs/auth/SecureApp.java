package dev.portico.docs.auth;

import dev.portico.Portico;
import dev.portico.auth.Permission;
import dev.portico.auth.module.AuthModule;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.http.Principal;

/** The app of docs/authentication.md: every way of signing in, and the keys page. */
public final class SecureApp {
    private SecureApp() {}

    // region me
    /** Who is calling. */
    public record Me(String id, String name, boolean staff) {}
    // endregion me

    // region app
    public static Portico.Builder app(PorticoConfig config) {
        Database db = Database.lazy(config);
        AuthModule auth = AuthModule.create(db).title("My API"); // users, roles, API keys, sessions, tokens
        return Portico.builder()
                .config(config)
                .install(db) // database.*, migrate, /ready's check; opened (and migrated) on start
                .install(auth) // auth.*, createuser, apikey, /auth/obtain_token/, /auth/login/, /account/keys/
                .authenticators(auth.callers()) // a JWT, the session, an API key, or HTTP Basic
                .permissions(Permission.authenticated())
                .get("/api/me/", Me.class, request -> {
                    Principal caller = request.principal().orElseThrow();
                    return new Me(caller.id(), caller.name(), caller.admin());
                });
    }
    // endregion app
}
