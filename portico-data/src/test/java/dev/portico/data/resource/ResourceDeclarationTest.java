package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Model;
import dev.portico.testing.TestRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The endpoints a declaration gives, their documentation, and the declarations that fail at build. */
class ResourceDeclarationTest {
    record Sneaky(String title, String owner) {}

    record Managed(String title, long version) {}

    record Unknown(String summary) {}

    record WrongType(Optional<Integer> title) {}

    record ClearsTitle(dev.portico.input.Omittable<String> title) {}

    record ClearsPublished(dev.portico.input.Omittable<Boolean> published) {}

    @DatabaseTest
    void theDocumentNamesTheOperationsAsDrfDoes(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            JsonNode doc = json(blog.app.handle(TestRequest.get("/api/schema/?format=json")));
            List<String> ids = new ArrayList<>();
            doc.get("paths")
                    .forEach(path ->
                            path.forEach(op -> ids.add(op.get("operationId").asText())));
            assertThat(ids)
                    .containsExactlyInAnyOrder(
                            "listPosts",
                            "createPost",
                            "retrievePost",
                            "updatePost",
                            "partialUpdatePost",
                            "destroyPost",
                            "optionsListPosts",
                            "optionsRetrievePost");
            JsonNode create = doc.get("paths").get("/api/posts/").get("post");
            assertThat(create.get("responses").has("201")).isTrue();
            assertThat(doc.get("paths")
                            .get("/api/posts/{id}/")
                            .get("delete")
                            .get("responses")
                            .has("204"))
                    .isTrue();
            assertThat(doc.get("components").get("schemas").has("PaginatedPostList"))
                    .isTrue();
            assertThat(doc.get("components").get("schemas").has("PostInput")).isTrue();
            // the writes document the stale If-Match answer with the error body; the list its query parameters
            JsonNode update = doc.get("paths").get("/api/posts/{id}/").get("put");
            assertThat(update.get("responses")
                            .get("412")
                            .get("content")
                            .get("application/json")
                            .get("schema")
                            .get("$ref")
                            .asText())
                    .isEqualTo("#/components/schemas/Error");
            List<String> listParameters = new ArrayList<>();
            doc.get("paths")
                    .get("/api/posts/")
                    .get("get")
                    .get("parameters")
                    .forEach(p -> listParameters.add(p.get("name").asText()));
            assertThat(listParameters).contains("page", "ordering");
            List<String> summaries = new ArrayList<>();
            doc.get("paths")
                    .forEach(path ->
                            path.forEach(op -> summaries.add(op.get("summary").asText())));
            assertThat(summaries)
                    .as("a summary per operation by default, as linters and docs pages want")
                    .containsExactlyInAnyOrder(
                            "List posts",
                            "Create a post",
                            "Retrieve a post",
                            "Replace a post",
                            "Update part of a post",
                            "Delete a post",
                            "Describe this path (DRF's metadata)",
                            "Describe this path (DRF's metadata)");
        }
    }

    @DatabaseTest
    void aSubsetOfActionsGivesOnlyThoseEndpoints(TestDatabase test) {
        try (Database db = Database.create(test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/resource")
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)))) {
            Resource<Blog.Post> r = Resource.of(Model.of(Blog.Post.class), db, "/api/posts/")
                    .actions(Action.RETRIEVE, Action.DESTROY)
                    .build();
            assertThat(r.endpoints())
                    .extracting(e -> e.method() + " " + e.path().toString())
                    .containsExactly("GET /api/posts/{id:long}/", "DELETE /api/posts/{id:long}/");
        }
    }

    @DatabaseTest
    void theEndpointsAreMadeWhenFirstAskedForOnceAndAddToLeavesThemToTheAppsBuild(TestDatabase test) {
        try (Database db = Database.lazy(test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/resource")))) {
            java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
            Resource<Blog.Post> r = Resource.of(Model.of(Blog.Post.class), db, "/api/posts/")
                    .create(Blog.PostInput.class)
                    .baseUrl(dev.portico.data.query.BaseUrl.of("https://api.example.com"))
                    .endpoints(e -> made.incrementAndGet())
                    .build();
            dev.portico.Portico.Builder app =
                    dev.portico.Portico.builder().config(db.config()).shutdownHook(false);
            r.addTo(app);
            assertThat(made)
                    .as("a command declares the resource and never builds the app")
                    .hasValue(0);
            List<dev.portico.endpoint.Endpoint> endpoints = app.build().endpoints();
            assertThat(made).as("list, create, retrieve, update and destroy").hasValue(5);
            assertThat(r.endpoints()).as("made once").hasSize(5).allMatch(endpoints::contains);
            assertThat(made).hasValue(5);
        }
    }

    @DatabaseTest
    void inputsThatWouldWriteWhatTheyMayNotFailAtBuild(TestDatabase test) {
        try (Database db = Database.create(test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/resource")
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)))) {
            Model<Blog.Post> m = Model.of(Blog.Post.class);
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .create(Sneaky.class)
                            .onCreate("owner", r -> "x")
                            .actions(Action.CREATE)
                            .build())
                    .hasMessageContaining("Sneaky.owner is set by the server");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .create(Managed.class)
                            .actions(Action.CREATE)
                            .build())
                    .hasMessageContaining("Managed.version is written by the framework");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .create(Unknown.class)
                            .actions(Action.CREATE)
                            .build())
                    .hasMessageContaining("Unknown.summary names no component of Post");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .partialUpdate(WrongType.class)
                            .actions(Action.PARTIAL_UPDATE)
                            .build())
                    .hasMessageContaining("WrongType.title is Integer but Post.title is String");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .partialUpdate(ClearsTitle.class)
                            .actions(Action.PARTIAL_UPDATE)
                            .build())
                    .hasMessageContaining("ClearsTitle.title is Omittable, so a client may send null, but Post.title "
                            + "cannot hold null; mark it @Nullable, or make the input's component Optional");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .partialUpdate(ClearsPublished.class)
                            .actions(Action.PARTIAL_UPDATE)
                            .build())
                    .hasMessageContaining("Post.published cannot hold null; mark it @Nullable with a boxed type");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .actions(Action.CREATE)
                            .build())
                    .hasMessageContaining("call create(Input.class)");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/")
                            .actions(Action.LIST)
                            .build())
                    .hasMessageContaining("call baseUrl(...)");
            assertThatThrownBy(() -> Resource.of(m, db, "/api/posts/").scope("nobody", r -> 1))
                    .hasMessageContaining("Post has no component of that name");
        }
    }
}
