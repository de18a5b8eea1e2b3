package dev.portico.examples.blog;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Users of the example's wire tests (the others use portico-test's {@code TestAccounts}), made through portico-auth as
 * {@code createuser} does, and their keys and tokens.
 */
final class BlogUsers {
    static final String PASSWORD = "correct horse battery";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private BlogUsers() {}

    /** Makes a user (staff when asked) in the app's database. */
    static User create(PorticoConfig config, String username, boolean staff) {
        try (Database db = Database.connect(config, Accounts.MIGRATIONS)) {
            NewUser user = new NewUser(
                    username, username + "@example.com", PASSWORD, staff, false, java.util.Optional.empty());
            return Accounts.create(db, config).users().create(user);
        }
    }

    /** A new API key of the user, as {@code keyid:secret}. */
    static String key(PorticoConfig config, long userId) {
        try (Database db = Database.connect(config, Accounts.MIGRATIONS)) {
            return dev.portico.auth.keys.ApiKeys.create(Accounts.create(db, config))
                    .create(userId, "tests", java.util.Optional.empty(), java.util.Optional.empty())
                    .credential();
        }
    }

    /**
     * Defines {@code role} with {@code scopes} and grants it to the user, through the accounts API, then makes a key
     * that acts as that role; returns it as {@code keyid:secret}.
     */
    static String roleKey(PorticoConfig config, long userId, String role, java.util.Set<String> scopes) {
        try (Database db = Database.connect(config, Accounts.MIGRATIONS)) {
            Accounts accounts = Accounts.create(db, config);
            accounts.roles().define(role, scopes);
            accounts.users().grant(userId, role);
            return dev.portico.auth.keys.ApiKeys.create(accounts)
                    .create(userId, role, java.util.Optional.empty(), java.util.Optional.of(role))
                    .credential();
        }
    }

    /** An access token from the running app's {@code /auth/obtain_token/}. */
    static String token(int port, String username) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/obtain_token/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "obtain_token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
    }
}
