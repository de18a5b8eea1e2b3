package dev.portico.admin;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.portico.Portico;
import dev.portico.annotation.Nullable;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.session.SessionSettings;
import dev.portico.auth.session.Sessions;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Column;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.data.resource.Resource;
import dev.portico.http.Response;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An app with accounts, an {@code /api/articles/} resource registered in the admin at {@code /admin/}, and
 * {@code POST /test-login/}, which gives any user a session (as the API's login would), so a test can be a signed-in
 * user who is not staff. Close it to stop it and its database.
 */
final class AdminTestApp implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";

    /** The test model. */
    record Article(
            long id,
            String title,
            String body,
            boolean published,
            @Nullable LocalDate publishOn,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Column("owner_id") @Nullable Long owner) {}

    /** What may be written. */
    record ArticleInput(
            @JsonPropertyDescription("Shown in lists and page titles") @NotBlank @Size(max = 50)
            String title,

            @NotNull String body,
            Optional<Boolean> published,
            Optional<LocalDate> publishOn) {}

    final Accounts accounts;
    final Sessions sessions;
    final Database db;
    final Admin admin;
    final Portico app;

    private AdminTestApp(TestDatabase test, boolean listen) {
        PorticoConfig config = test.config(b -> {
            AuthSettings.register(SessionSettings.register(b))
                    .set(AuthSettings.ARGON2_MEMORY, 1024)
                    .set(AuthSettings.ARGON2_ITERATIONS, 1)
                    .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)
                    .set(Settings.JSON_NAMING, dev.portico.config.Naming.SNAKE_CASE); // ?publish_on__gte=, as DRF's
            if (listen) {
                b.set(Settings.SERVER_HOST, "127.0.0.1").set(Settings.SERVER_PORT, 0);
            }
        });
        this.db = Database.create(config, Accounts.MIGRATIONS, Admin.MIGRATIONS);
        this.accounts = Accounts.create(db, config);
        this.sessions = Sessions.create(accounts, config);
        Resource<Article> articles = Resource.of(Model.of(Article.class), db, "/api/articles/")
                .create(ArticleInput.class)
                .list(q -> q.filters("title", Lookup.ICONTAINS)
                        .filters("published", Lookup.EXACT)
                        .filters("publishOn", Lookup.GTE, Lookup.LTE)
                        .search("title", "body")
                        .ordering("id", "title", "publishOn")
                        .defaultOrdering("-id"))
                .baseUrl(BaseUrl.of("http://localhost"))
                .onCreate(
                        "owner",
                        r -> r.principal().map(p -> Long.valueOf(p.id())).orElse(null))
                .endpoints(e -> e.authenticators(sessions.authenticator()).permissions(Permission.isAdmin()))
                .build();
        Portico.Builder builder = Portico.builder().config(config).shutdownHook(false);
        articles.addTo(builder);
        this.admin = Admin.create(accounts, sessions)
                .title("Test admin")
                .register(
                        articles,
                        m -> m.columns("title", "published", "publishOn").label(Article::title));
        admin.addTo(builder);
        builder.endpoint(dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/test-login/")
                .output(Response.class)
                .produces("text/html")
                .permissions(Permission.allowAny())
                .hidden(true)
                .handle(r -> {
                    var form = Site.fields(r);
                    sessions.login(r, form.get("username"), form.get("password"))
                            .orElseThrow();
                    return Response.of(204);
                })
                .build());
        Portico built = builder.build();
        this.app = listen ? built.start() : built;
    }

    static AdminTestApp create(TestDatabase test) {
        return new AdminTestApp(test, false);
    }

    static AdminTestApp started(TestDatabase test) {
        return new AdminTestApp(test, true);
    }

    User user(String username, boolean staff) {
        return accounts.users()
                .create(new NewUser(username, username + "@example.com", PASSWORD, staff, false, Optional.empty()));
    }

    User superuser(String username) {
        return accounts.users()
                .create(NewUser.of(username, username + "@example.com", PASSWORD)
                        .asSuperuser());
    }

    long comment(long article, String text) {
        return db.jdbi()
                .withHandle(h -> h.createUpdate("insert into comments (article_id, text) values (:a, :t)")
                        .bind("a", article)
                        .bind("t", text)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    }

    @Override
    public void close() {
        app.stop();
        db.close();
    }
}
