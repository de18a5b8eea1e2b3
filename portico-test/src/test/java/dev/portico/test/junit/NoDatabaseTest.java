package dev.portico.test.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.auth.Permission;
import dev.portico.auth.module.AuthModule;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.test.PorticoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * testing.md's promise for {@code database = NONE}: an app that opens its database anyway (an app made from the
 * template, with accounts) opens an empty one in memory, never the developer's {@code ./data/portico}, and signs
 * tokens with a secret in memory, never the developer's {@code ./data/jwt-secret}.
 */
@PorticoTest(database = TestDatabase.NONE)
class NoDatabaseTest {
    private static final Path DATABASE = Path.of("data", "portico.mv.db");
    private static final Path SECRET = Path.of("data", "jwt-secret");
    /** Whether the developer's files were there before the class: they must be as they were after. */
    private static final boolean HAD_DATABASE = Files.exists(DATABASE);

    private static final boolean HAD_SECRET = Files.exists(SECRET);

    record Me(String username) {}

    @App
    static Portico app(TestSetup setup) {
        PorticoConfig config = setup.config().build();
        Database db = Database.lazy(config);
        AuthModule auth = AuthModule.create(db);
        return Portico.builder()
                .config(config)
                .install(db)
                .install(auth)
                .authenticators(auth.callers())
                .get(
                        "/api/me/",
                        Me.class,
                        request -> new Me(request.principal().orElseThrow().name()),
                        e -> e.permissions(Permission.authenticated()))
                .build();
    }

    @Test
    void theDatabaseIsInMemoryAndTheTokensToo(Portico app, PorticoClient client) {
        assertThat(app.config().get(DatabaseSettings.URL)).startsWith("jdbc:h2:mem:");
        // the database opened and migrated: registration writes a user, and its token is accepted
        String password = "correct horse battery staple";
        var registered = client.post("/auth/registration/")
                .json(Map.of(
                        "username", "ada", "email", "ada@example.com", "password1", password, "password2", password))
                .send();
        assertThat(registered.status()).isIn(200, 201);
        var token = client.post("/auth/obtain_token/")
                .json(Map.of("username", "ada", "password", password))
                .send();
        assertThat(token.status()).isEqualTo(200);
        assertThat(client.fork()
                        .withJwt(token.json().path("access").asText())
                        .get("/api/me/")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(Files.exists(DATABASE)).as("no ./data/portico made").isEqualTo(HAD_DATABASE);
        assertThat(Files.exists(SECRET)).as("no ./data/jwt-secret made").isEqualTo(HAD_SECRET);
    }
}
