package dev.portico.data.resource;

import dev.portico.Portico;
import dev.portico.annotation.Nullable;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.data.query.Pagination;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.input.Omittable;
import dev.portico.testing.TestRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The test app: posts owned by the caller named in {@code X-User}, as one resource on a test database. */
final class Blog implements AutoCloseable {
    /** The model: framework fields id, createdAt, updatedAt and version; owner set by the server; no subtitle yet. */
    public record Post(
            long id,
            String title,
            String content,
            @Nullable String subtitle,
            boolean published,
            String owner,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    /** What a client may send to create or replace a post: not the owner, not the framework's fields. */
    public record PostInput(@NotBlank String title, Optional<String> content, Optional<Boolean> published) {}

    /** What a client may send to patch a post: every field optional, absent means unchanged; a null subtitle clears it. */
    public record PostPatch(
            Optional<@Size(min = 1) String> title,
            Optional<String> content,
            Omittable<@Size(max = 20) String> subtitle,
            Optional<Boolean> published) {}

    final Database db;
    final Portico app;

    Blog(TestDatabase test) {
        this(test, null);
    }

    /** With the reads cached for {@code cacheReads} in the in-memory response cache; null: not cached. */
    Blog(TestDatabase test, java.time.Duration cacheReads) {
        db = Database.create(test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/resource")
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)));
        ResourceBuilder<Post> declared = Resource.of(Model.of(Post.class), db, "/api/posts/");
        if (cacheReads != null) {
            declared.cacheReads(cacheReads);
        }
        Resource<Post> posts = declared.create(PostInput.class)
                .partialUpdate(PostPatch.class)
                .list(q -> q.filters("title", Lookup.ICONTAINS, Lookup.EXACT)
                        .filters("published", Lookup.EXACT)
                        .search("title")
                        .ordering("id", "title")
                        .defaultOrdering("id")
                        .pagination(Pagination.pageNumber(2, 10)))
                .baseUrl(BaseUrl.of("https://api.example.com"))
                .scope("owner", r -> r.principal().map(Principal::id).orElse(null))
                .onCreate("owner", r -> r.principal().map(Principal::id).orElse(null))
                .build();
        app = posts.addTo(Portico.builder()
                        .config(PorticoConfig.defaults())
                        .authenticators(r -> r.header("X-User").map(u -> Principal.of(u, Set.of()))))
                .build();
    }

    Response send(String user, String method, String target, String json, String... headers) {
        TestRequest r = TestRequest.of(method, target);
        if (user != null) {
            r.header("X-User", user);
        }
        if (json != null) {
            r.json(json);
        }
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return app.handle(r);
    }

    @Override
    public void close() {
        db.close();
    }
}
