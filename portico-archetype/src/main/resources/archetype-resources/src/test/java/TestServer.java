package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.Portico;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The app on a fresh H2 database in {@code dir}, served on a free loopback port, as {@code ./manage} serves it;
 * requests go over real HTTP. Closing it stops the app.
 */
final class TestServer implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final PorticoConfig config;
    private final Portico app;

    private TestServer(Path dir) {
        this.config = App.settings(PorticoConfig.builder())
                .set(DatabaseSettings.URL, DatabaseSettings.EMBEDDED_URL.replace("./data/portico", dir.resolve("db").toString()))
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)
                .set(JwtSettings.SECRET, "the tests' own token secret, 32 bytes or more")
                // cheap password hashing: the tests sign in often, and their passwords guard nothing
                .set(AuthSettings.ARGON2_MEMORY, 1024).set(AuthSettings.ARGON2_ITERATIONS, 1)
                .set(Settings.SERVER_HOST, "127.0.0.1").set(Settings.SERVER_PORT, 0)
                .build();
        this.app = App.app(config).shutdownHook(false).build().start();
    }

    static TestServer start(Path dir) {
        return new TestServer(dir);
    }

    /** Makes a user in the app's database, as {@code ./manage createuser} does. */
    User createUser(String username) {
        try (Database db = Database.connect(config, Accounts.MIGRATIONS)) {
            return Accounts.create(db, config).users().create(NewUser.of(username, username + "@example.com", PASSWORD));
        }
    }

    /** A new API key of the user, as {@code keyid:secret}, as {@code ./manage apikey create} prints it. */
    String apiKey(long userId) {
        try (Database db = Database.connect(config, Accounts.MIGRATIONS)) {
            return ApiKeys.create(Accounts.create(db, config))
                    .create(userId, "tests", Optional.empty(), Optional.empty()).credential();
        }
    }

    /** An access token from {@code /auth/obtain_token/}. */
    String token(String username) {
        Answer answer = send("POST", "/auth/obtain_token/", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (answer.status() != 200) {
            throw new IllegalStateException("obtain_token for " + username + ": " + answer);
        }
        return answer.json().get("access").asText();
    }

    /** Sends a request with an optional {@code Authorization} header and JSON body. */
    Answer send(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A response's status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
