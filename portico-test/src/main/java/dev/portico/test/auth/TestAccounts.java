package dev.portico.test.auth;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.jwt.Tokens;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.test.Impersonation;
import java.util.Optional;
import java.util.Set;

/**
 * portico-auth's accounts for tests, on the application's database and clock: users made as {@code createuser}
 * makes them, API keys, and access tokens minted without a login, so {@code client.as(user)} signs in through the
 * application's real JWT authenticator.
 * <pre>{@code
 * TestAccounts accounts = TestAccounts.on(app.config());
 * User ada = accounts.createUser("ada");
 * client.impersonation(accounts.jwt()).as(ada);
 * }</pre>
 * Tokens are signed with the keys {@code auth.jwt.*} name, so the configuration must set {@code auth.jwt.secret}
 * (or keys) as the application reads them. Close it to release its connection pool.
 */
public final class TestAccounts implements AutoCloseable {
    /** The password of the users made here. */
    public static final String PASSWORD = "correct horse battery";

    private final Database db;
    private final Accounts accounts;
    private final PorticoConfig config;
    private Tokens tokens;

    private TestAccounts(PorticoConfig config) {
        this.config = config;
        this.db = Database.lazy(config, Accounts.MIGRATIONS);
        this.accounts = Accounts.create(db, config);
    }

    /** The accounts of the application configured by {@code config}; connects on first use. */
    public static TestAccounts on(PorticoConfig config) {
        return new TestAccounts(config);
    }

    /** The accounts API itself, for what this class does not wrap. */
    public Accounts accounts() {
        return accounts;
    }

    /** A user {@code username} with {@link #PASSWORD} and the email {@code <username>@example.com}. */
    public User createUser(String username) {
        return create(username, false, false);
    }

    /** A staff user ({@code isAdmin}). */
    public User createStaff(String username) {
        return create(username, true, false);
    }

    /** A superuser. */
    public User createSuperuser(String username) {
        return create(username, true, true);
    }

    private User create(String username, boolean staff, boolean superuser) {
        return accounts.users()
                .create(new NewUser(username, username + "@example.com", PASSWORD, staff, superuser, Optional.empty()));
    }

    /** A new API key of {@code user}, as {@code keyid:secret}. */
    public String apiKey(User user) {
        return ApiKeys.create(accounts)
                .create(user.id(), "tests", Optional.empty(), Optional.empty())
                .credential();
    }

    /** A new API key acting as {@code role} only (defined with {@code scopes} and granted to the user first). */
    public String apiKey(User user, String role, Set<String> scopes) {
        accounts.roles().define(role, scopes);
        accounts.users().grant(user.id(), role);
        return ApiKeys.create(accounts)
                .create(user.id(), role, Optional.empty(), Optional.of(role))
                .credential();
    }

    /** An access token of {@code user}, as {@code /auth/obtain_token/} would give, on the configuration's clock. */
    public String accessToken(User user) {
        return tokens().access(user);
    }

    /** Signs in by JWT: a {@link User}, a {@link Caller}, or a username. */
    public Impersonation jwt() {
        return user -> "Bearer " + accessToken(user(user));
    }

    private User user(Object user) {
        return switch (user) {
            case User u -> u;
            case Caller c -> accounts.users().find(c.user().id()).orElseThrow();
            case String username ->
                accounts.users().find(username).orElseThrow(() -> new IllegalArgumentException("no user " + username));
            default ->
                throw new IllegalArgumentException("as(...) takes a portico-auth User, Caller or username, not "
                        + user.getClass().getName());
        };
    }

    private synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = Tokens.create(accounts, config);
        }
        return tokens;
    }

    @Override
    public void close() {
        db.close();
    }
}
