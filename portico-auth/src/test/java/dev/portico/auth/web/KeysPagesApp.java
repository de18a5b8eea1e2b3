package dev.portico.auth.web;

import dev.portico.Portico;
import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.Browser;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.TestDatabase;
import java.time.Clock;

/**
 * An application with the API keys page at {@value #PREFIX} and one API endpoint, {@code GET /api/whoami/}, that
 * only an API key opens: what the page tests and the browser test drive. Close it to stop it and its database.
 */
final class KeysPagesApp implements AutoCloseable {
    static final String PREFIX = "/account/keys/";
    static final String PASSWORD = "correct horse battery";

    /** Who called {@code /api/whoami/}, and with which key. */
    record WhoAmI(String username, String key) {}

    final Accounts accounts;
    final ApiKeys keys;
    final Sessions sessions;
    final Portico app;

    private KeysPagesApp(TestDatabase test, Clock clock, boolean listen) {
        PorticoConfig config = AuthTestSupport.config(test, b -> {
            SessionSettings.register(b);
            if (listen) {
                b.set(Settings.SERVER_HOST, "127.0.0.1").set(Settings.SERVER_PORT, 0);
            }
        });
        this.accounts = Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, clock);
        this.keys = ApiKeys.create(accounts);
        this.sessions = Sessions.create(accounts, config);
        Portico.Builder builder = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .authenticators(ApiKeyAuthenticator.create(keys))
                .permissions(Permission.authenticated())
                .get("/api/whoami/", WhoAmI.class, request -> {
                    Caller caller = (Caller) request.principal().orElseThrow();
                    return new WhoAmI(caller.user().username(), caller.keyId().orElse(""));
                });
        KeysPages.create(accounts, keys, sessions).title("Test site").addTo(builder);
        Portico built = builder.build();
        this.app = listen ? built.start() : built;
    }

    /** In-process only. */
    static KeysPagesApp create(TestDatabase test, Clock clock) {
        return new KeysPagesApp(test, clock, false);
    }

    /** Listening on a free port of 127.0.0.1. */
    static KeysPagesApp started(TestDatabase test) {
        return new KeysPagesApp(test, Clock.systemUTC(), true);
    }

    User user(String username) {
        return accounts.users().create(NewUser.of(username, username + "@example.com", PASSWORD));
    }

    Browser browser() {
        return new Browser(app);
    }

    @Override
    public void close() {
        app.stop();
        accounts.database().close();
    }
}
