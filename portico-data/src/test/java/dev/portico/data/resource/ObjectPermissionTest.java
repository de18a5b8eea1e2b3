package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.auth.ObjectPermission;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.resource.Blog.Post;
import dev.portico.data.resource.Blog.PostInput;
import dev.portico.data.resource.Blog.PostPatch;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Object permissions on a resource, on H2 and PostgreSQL: checked on retrieve, update, partial update and destroy
 * once the row is loaded; 403 for a known caller, 401 with the challenge for an anonymous one, 404 still first.
 * Posts are visible to everyone (no scope); only their owner or an admin may act on one.
 */
class ObjectPermissionTest {

    private static final class Posts implements AutoCloseable {
        final Database db;
        final Portico app;

        Posts(TestDatabase test) {
            db = Database.create(test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/resource")
                    .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)));
            app = resource(db)
                    .addTo(Portico.builder()
                            .config(PorticoConfig.defaults())
                            .shutdownHook(false)
                            .authenticators(TestCaller.session(), TestCaller.bearer()))
                    .build();
        }

        Response send(String caller, String method, String target, String json, String... headers) {
            TestRequest r = TestRequest.of(method, target);
            if (caller != null) {
                r.header("Authorization", "Bearer " + caller);
            }
            if (json != null) {
                r.json(json);
            }
            for (int i = 0; i < headers.length; i += 2) {
                r.header(headers[i], headers[i + 1]);
            }
            return app.handle(r);
        }

        /** Retrieve, update, partial update (with and without a stale If-Match) and destroy of {@code item}. */
        List<Response> everyItemAction(String caller, String item) {
            String body = "{\"title\":\"taken\"}";
            return List.of(
                    send(caller, "GET", item, null),
                    send(caller, "PUT", item, body),
                    send(caller, "PATCH", item, body),
                    send(caller, "PATCH", item, body, "If-Match", "\"9\""),
                    send(caller, "DELETE", item, null));
        }

        long create(String caller, String title) {
            return json(send(caller, "POST", "/api/posts/", "{\"title\":\"" + title + "\"}"))
                    .get("id")
                    .asLong();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    private static Resource<Post> resource(Database db) {
        return Resource.of(Model.of(Post.class), db, "/api/posts/")
                .create(PostInput.class)
                .partialUpdate(PostPatch.class)
                .baseUrl(BaseUrl.of("https://api.example.com"))
                .onCreate("owner", r -> r.principal().map(Principal::id).orElse(null))
                .objectPermission(ObjectPermission.isOwner(Post::owner).or(ObjectPermission.of(Permission.isAdmin())))
                .build();
    }

    @DatabaseTest
    void theOwnerAndAdminsMayActOnARow(TestDatabase test) {
        try (Posts posts = new Posts(test)) {
            long id = posts.create("alice", "mine");
            String item = "/api/posts/" + id + "/";
            assertThat(posts.send("alice", "GET", item, null).status()).isEqualTo(200);
            assertThat(posts.send("root;admin", "GET", item, null).status()).isEqualTo(200);
            assertThat(posts.send("alice", "PATCH", item, "{\"title\":\"still mine\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(posts.send("root;admin", "PUT", item, "{\"title\":\"moderated\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(posts.send("alice", "DELETE", item, null).status()).isEqualTo(204);
        }
    }

    @DatabaseTest
    void anotherCallerIs403OnEveryItemActionAndWritesNothing(TestDatabase test) {
        try (Posts posts = new Posts(test)) {
            long id = posts.create("alice", "mine");
            String item = "/api/posts/" + id + "/";
            for (Response refused : posts.everyItemAction("bob", item)) {
                assertThat(refused.status()).isEqualTo(403);
                assertThat(json(refused).get("detail").asText())
                        .isEqualTo("You do not have permission to perform this action.");
            }
            JsonNode row = json(posts.send("alice", "GET", item, null));
            assertThat(row.get("title").asText()).isEqualTo("mine");
            assertThat(row.get("version").asLong()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void anAnonymousCallerIs401WithTheChallenge(TestDatabase test) {
        try (Posts posts = new Posts(test)) {
            long id = posts.create("alice", "mine");
            String item = "/api/posts/" + id + "/";
            for (Response refused : posts.everyItemAction(null, item)) {
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.headerValue("WWW-Authenticate")).contains("Bearer realm=\"api\"");
                assertThat(json(refused).get("code").asText()).isEqualTo("not_authenticated");
            }
        }
    }

    @DatabaseTest
    void aMissingRowIs404AndAStaleOwnerWriteIs412(TestDatabase test) {
        try (Posts posts = new Posts(test)) {
            assertThat(posts.send("bob", "GET", "/api/posts/999/", null).status())
                    .isEqualTo(404);
            assertThat(posts.send("bob", "DELETE", "/api/posts/999/", null).status())
                    .isEqualTo(404);
            long id = posts.create("alice", "mine");
            Response stale =
                    posts.send("alice", "PATCH", "/api/posts/" + id + "/", "{\"title\":\"x\"}", "If-Match", "\"9\"");
            assertThat(stale.status()).isEqualTo(412);
        }
    }

    /** DRF's {@code determine_actions}: PUT is offered only when {@code get_object()} passes for this caller. */
    @DatabaseTest
    void optionsOffersPutOnlyOnARowTheCallerMayChange(TestDatabase test) {
        try (Posts posts = new Posts(test)) {
            String item = "/api/posts/" + posts.create("alice", "mine") + "/";
            JsonNode own = json(posts.send("alice", "OPTIONS", item, null));
            assertThat(own.get("actions").has("PUT")).isTrue();
            assertThat(json(posts.send("root;admin", "OPTIONS", item, null))
                            .get("actions")
                            .has("PUT"))
                    .isTrue();
            Response other = posts.send("bob", "OPTIONS", item, null);
            assertThat(other.status()).isEqualTo(200);
            assertThat(json(other).has("actions")).isFalse();
            assertThat(json(posts.send("bob", "OPTIONS", "/api/posts/999/", null))
                            .has("actions"))
                    .isFalse();
            assertThat(json(posts.send("bob", "OPTIONS", "/api/posts/", null))
                            .get("actions")
                            .has("POST"))
                    .isTrue();
        }
    }

    @DatabaseTest
    void theListAndCreateAreNotObjectActions(TestDatabase test) {
        try (Posts posts = new Posts(test)) {
            posts.create("alice", "mine");
            Response list = posts.send("bob", "GET", "/api/posts/", null);
            assertThat(list.status()).isEqualTo(200);
            assertThat(json(list).get("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theItemOperationsDocument403() {
        Database db =
                Database.lazy(DatabaseSettings.register(PorticoConfig.builder()).build()); // never opened
        var doc = resource(db)
                .addTo(Portico.builder()
                        .config(PorticoConfig.defaults())
                        .shutdownHook(false)
                        .authenticators(TestCaller.bearer()))
                .build()
                .openapi()
                .model();
        assertThat(doc.getPaths().get("/api/posts/{id}/").getGet().getResponses())
                .containsKeys("401", "403");
        assertThat(doc.getPaths().get("/api/posts/{id}/").getDelete().getResponses())
                .containsKeys("401", "403");
        assertThat(doc.getPaths().get("/api/posts/").getGet().getResponses())
                .containsKey("401")
                .doesNotContainKey("403");
        assertThat(doc.getPaths().get("/api/posts/").getPost().getResponses()).doesNotContainKey("403");
    }
}
