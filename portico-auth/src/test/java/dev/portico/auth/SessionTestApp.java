package dev.portico.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.portico.Portico;
import dev.portico.auth.account.AccountEndpoints;
import dev.portico.auth.account.AccountSettings;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.TestDatabase;
import dev.portico.http.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An application with the account endpoints and one notes endpoint behind the session (or a test key in
 * {@code X-Test-Key}, to show that other credentials need no CSRF token): what the session and CSRF tests drive.
 * Close it to close its database.
 */
public final class SessionTestApp implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    /** A note; {@code csrf_token} is declared so an HTML form's token field binds. */
    public record Note(
            String title, @JsonProperty("csrf_token") Optional<String> csrfToken) {}

    public record Written(String title, String by) {}

    public final Accounts accounts;
    public final Sessions sessions;
    public final Portico app;
    public final List<String> written = new CopyOnWriteArrayList<>();

    private SessionTestApp(TestDatabase test, MutableClock clock, Consumer<PorticoConfig.Builder> more) {
        PorticoConfig config = AuthTestSupport.config(test, b -> {
            SessionSettings.register(b);
            AccountSettings.register(b);
            more.accept(b);
        });
        this.accounts = Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, clock);
        this.sessions = Sessions.create(accounts, config);
        Authenticator testKey = request -> request.header("X-Test-Key").map(k -> Principal.of("key:" + k, Set.of()));
        Portico.Builder builder = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .authenticators(testKey, sessions.authenticator())
                .permissions(Permission.authenticated())
                .get("/api/notes/", List.class, request -> List.copyOf(written))
                .post("/api/notes/", Note.class, Written.class, (request, note) -> {
                    written.add(note.title());
                    return new Written(
                            note.title(), request.principal().orElseThrow().id());
                });
        AccountEndpoints.create(accounts, sessions).config(config).addTo(builder);
        this.app = builder.build();
    }

    public static SessionTestApp create(TestDatabase test, MutableClock clock) {
        return create(test, clock, b -> {});
    }

    public static SessionTestApp create(TestDatabase test, MutableClock clock, Consumer<PorticoConfig.Builder> more) {
        return new SessionTestApp(test, clock, more);
    }

    public User user(String username) {
        return accounts.users().create(NewUser.of(username, username + "@example.com", PASSWORD));
    }

    public Browser browser() {
        return new Browser(app);
    }

    /** A browser that fetched the CSRF cookie and logged in as {@code username}. */
    public Browser loggedIn(String username) {
        Browser browser = browser();
        browser.send(dev.portico.testing.TestRequest.get("/auth/csrf/"));
        var response = browser.json(
                "POST", "/auth/login/", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " answered " + response.status() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return browser;
    }

    @Override
    public void close() {
        accounts.database().close();
    }
}
