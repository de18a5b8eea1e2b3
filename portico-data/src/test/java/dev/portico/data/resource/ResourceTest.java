package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Nullable;
import dev.portico.config.PorticoConfig;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Model;
import dev.portico.http.Response;
import dev.portico.input.Omittable;
import dev.portico.testing.TestRequest;
import java.time.Instant;

/** CRUD through the real pipeline on H2 and PostgreSQL: statuses, bodies, Location, 404, field sets, scope. */
class ResourceTest {

    @DatabaseTest
    void createRetrieveUpdatePatchDestroy(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            Response created = blog.send("alice", "POST", "/api/posts/", "{\"title\":\"Hello\",\"content\":\"first\"}");
            assertThat(created.status()).isEqualTo(201);
            JsonNode post = json(created);
            long id = post.get("id").asLong();
            assertThat(created.headerValue("Location")).contains("/api/posts/" + id + "/");
            assertThat(created.headerValue("ETag")).contains("\"1\"");
            assertThat(post.get("title").asText()).isEqualTo("Hello");
            assertThat(post.get("owner").asText()).isEqualTo("alice");
            assertThat(post.get("published").asBoolean()).isFalse();
            assertThat(post.get("version").asLong()).isEqualTo(1);
            assertThat(post.get("createdAt").asText())
                    .isEqualTo(post.get("updatedAt").asText());

            Response got = blog.send("alice", "GET", "/api/posts/" + id + "/", null);
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.headerValue("ETag")).contains("\"1\"");
            assertThat(json(got)).isEqualTo(post);

            Response put =
                    blog.send("alice", "PUT", "/api/posts/" + id + "/", "{\"title\":\"Replaced\",\"published\":true}");
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.headerValue("ETag")).contains("\"2\"");
            JsonNode replaced = json(put);
            assertThat(replaced.get("title").asText()).isEqualTo("Replaced");
            assertThat(replaced.get("published").asBoolean()).isTrue();
            assertThat(replaced.get("content").asText()).isEqualTo("first");
            assertThat(replaced.get("createdAt")).isEqualTo(post.get("createdAt"));

            Response patch = blog.send("alice", "PATCH", "/api/posts/" + id + "/", "{\"content\":\"second\"}");
            assertThat(patch.status()).as(new String(patch.body())).isEqualTo(200);
            assertThat(json(patch).get("title").asText()).isEqualTo("Replaced");
            assertThat(json(patch).get("content").asText()).isEqualTo("second");
            assertThat(json(patch).get("version").asLong()).isEqualTo(3);

            assertThat(blog.send("alice", "DELETE", "/api/posts/" + id + "/", null)
                            .status())
                    .isEqualTo(204);
            Response gone = blog.send("alice", "GET", "/api/posts/" + id + "/", null);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(json(gone).get("code").asText()).isEqualTo("not_found");
            assertThat(blog.send("alice", "DELETE", "/api/posts/" + id + "/", null)
                            .status())
                    .isEqualTo(404);
            assertThat(blog.send("alice", "PATCH", "/api/posts/" + id + "/", "{}")
                            .status())
                    .isEqualTo(404);
        }
    }

    @DatabaseTest
    void aWriteTheDatabaseRefusesIsAConflictNotAServerError(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            // anonymous: the owner hook gives null for a NOT NULL column, so the database refuses the row
            Response r = blog.send(null, "POST", "/api/posts/", "{\"title\":\"nobody's\"}");
            assertThat(r.status()).isEqualTo(409);
            assertThat(json(r).get("code").asText()).isEqualTo("conflict");
            assertThat(json(r).get("detail").asText()).doesNotContain("owner").doesNotContain("posts");
        }
    }

    @DatabaseTest
    void anOmittableFieldIsSetByAValueClearedByNullAndLeftAloneWhenAbsent(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"Hello\"}"))
                    .get("id")
                    .asLong();
            String item = "/api/posts/" + id + "/";
            assertThat(json(blog.send("alice", "GET", item, null))
                            .get("subtitle")
                            .isNull())
                    .isTrue();
            assertThat(json(blog.send("alice", "PATCH", item, "{\"subtitle\":\"a start\"}"))
                            .get("subtitle")
                            .asText())
                    .isEqualTo("a start");
            JsonNode absent = json(blog.send("alice", "PATCH", item, "{\"title\":\"Renamed\"}"));
            assertThat(absent.get("subtitle").asText()).isEqualTo("a start");
            Response cleared = blog.send("alice", "PATCH", item, "{\"subtitle\":null}");
            assertThat(cleared.status()).isEqualTo(200);
            assertThat(json(cleared).get("subtitle").isNull()).isTrue();
            assertThat(json(cleared).get("title").asText()).isEqualTo("Renamed");
            assertThat(json(cleared).get("version").asLong()).isEqualTo(4);
            JsonNode stored = json(blog.send("alice", "GET", item, null));
            assertThat(stored.get("subtitle").isNull()).isTrue();
            Response tooLong = blog.send("alice", "PATCH", item, "{\"subtitle\":\"" + "x".repeat(21) + "\"}");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(json(tooLong).get("errors").has("subtitle")).isTrue();
        }
    }

    /** The posts table seen by a model that (wrongly) lets content be null, while its column is NOT NULL. */
    @dev.portico.data.model.Table("posts")
    public record LaxPost(
            long id,
            String title,
            @Nullable String content,
            String owner,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    public record LaxPatch(Omittable<String> content) {}

    @DatabaseTest
    void aSentNullTheColumnRefusesIsAConflictNotAServerError(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"Hello\",\"content\":\"body\"}"))
                    .get("id")
                    .asLong();
            Portico lax = Resource.of(Model.of(LaxPost.class), blog.db, "/api/posts/")
                    .actions(Action.PARTIAL_UPDATE)
                    .partialUpdate(LaxPatch.class)
                    .build()
                    .addTo(Portico.builder().config(PorticoConfig.defaults()))
                    .build();
            Response r =
                    lax.handle(TestRequest.of("PATCH", "/api/posts/" + id + "/").json("{\"content\":null}"));
            assertThat(r.status()).isEqualTo(409);
            assertThat(json(r).get("code").asText()).isEqualTo("conflict");
            assertThat(json(blog.send("alice", "GET", "/api/posts/" + id + "/", null))
                            .get("content")
                            .asText())
                    .isEqualTo("body");
        }
    }

    @DatabaseTest
    void fieldsTheClientMayNotSetAreRejectedNotWritten(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            for (String body : new String[] {
                "{\"title\":\"x\",\"owner\":\"mallory\"}",
                "{\"title\":\"x\",\"id\":7}",
                "{\"title\":\"x\",\"version\":9}",
                "{\"title\":\"x\",\"createdAt\":\"2020-01-01T00:00:00Z\"}"
            }) {
                Response r = blog.send("alice", "POST", "/api/posts/", body);
                assertThat(r.status()).as(body).isEqualTo(400);
            }
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"mine\"}"))
                    .get("id")
                    .asLong();
            Response r = blog.send("alice", "PATCH", "/api/posts/" + id + "/", "{\"owner\":\"mallory\"}");
            assertThat(r.status()).isEqualTo(400);
            JsonNode row = json(blog.send("alice", "GET", "/api/posts/" + id + "/", null));
            assertThat(row.get("owner").asText()).isEqualTo("alice");
            assertThat(row.get("version").asLong()).isEqualTo(1);
            Response blank = blog.send("alice", "POST", "/api/posts/", "{\"title\":\"\"}");
            assertThat(blank.status()).isEqualTo(400);
            assertThat(json(blank).get("errors").get("title").get(0).asText())
                    .isEqualTo("This field may not be blank.");
            assertThat(blog.send("alice", "POST", "/api/posts/", "{}").status()).isEqualTo(400);
        }
    }

    @DatabaseTest
    void theScopeHidesOtherCallersRowsAndCreateSetsTheOwner(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            long alices = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"a\"}"))
                    .get("id")
                    .asLong();
            JsonNode bobs = json(blog.send("bob", "POST", "/api/posts/", "{\"title\":\"b\"}"));
            assertThat(bobs.get("owner").asText()).isEqualTo("bob");
            String item = "/api/posts/" + alices + "/";
            assertThat(blog.send("bob", "GET", item, null).status()).isEqualTo(404);
            assertThat(blog.send("bob", "PUT", item, "{\"title\":\"taken\"}").status())
                    .isEqualTo(404);
            assertThat(blog.send("bob", "PATCH", item, "{\"title\":\"taken\"}").status())
                    .isEqualTo(404);
            assertThat(blog.send("bob", "DELETE", item, null).status()).isEqualTo(404);
            assertThat(blog.send("bob", "PATCH", item, "{}", "If-Match", "\"1\"")
                            .status())
                    .isEqualTo(404);
            assertThat(blog.send(null, "GET", item, null).status()).isEqualTo(404);
            JsonNode list = json(blog.send("bob", "GET", "/api/posts/", null));
            assertThat(list.get("count").asLong()).isEqualTo(1);
            assertThat(list.get("results").get(0).get("title").asText()).isEqualTo("b");
            assertThat(json(blog.send(null, "GET", "/api/posts/", null))
                            .get("count")
                            .asLong())
                    .isZero();
            assertThat(json(blog.send("alice", "GET", item, null)).get("title").asText())
                    .isEqualTo("a");
        }
    }

    @DatabaseTest
    void listFiltersOrdersAndPagesWithinTheScope(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            for (String t : new String[] {"Java one", "Tea", "java two", "Java three", "Coffee"}) {
                blog.send("alice", "POST", "/api/posts/", "{\"title\":\"" + t + "\"}");
            }
            blog.send("bob", "POST", "/api/posts/", "{\"title\":\"Java by bob\"}");
            JsonNode page = json(blog.send("alice", "GET", "/api/posts/?title__icontains=java&ordering=-id", null));
            assertThat(page.get("count").asLong()).isEqualTo(3);
            assertThat(page.get("results"))
                    .extracting(n -> n.get("title").asText())
                    .containsExactly("Java three", "java two");
            assertThat(page.get("next").asText())
                    .isEqualTo("https://api.example.com/api/posts/?title__icontains=java&ordering=-id&page=2");
            JsonNode second =
                    json(blog.send("alice", "GET", "/api/posts/?title__icontains=java&ordering=-id&page=2", null));
            assertThat(second.get("results"))
                    .extracting(n -> n.get("title").asText())
                    .containsExactly("Java one");
            Response bad = blog.send("alice", "GET", "/api/posts/?owner=bob", null);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(blog.send("alice", "GET", "/api/posts/?page=9", null).status())
                    .isEqualTo(404);
        }
    }
}
