package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import java.time.Duration;

/** A resource's cached reads: per caller, with their headers, and dropped by every kind of write. */
class ResourceCacheTest {
    private static String cache(Response r) {
        return r.headerValue("X-Cache").orElse("none");
    }

    @DatabaseTest
    void readsAreCachedPerCallerWithTheirETag(TestDatabase test) {
        try (Blog blog = new Blog(test, Duration.ofMinutes(1))) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"Hello\"}"))
                    .get("id")
                    .asLong();
            String item = "/api/posts/" + id + "/";
            assertThat(cache(blog.send("alice", "GET", item, null))).isEqualTo("MISS");
            Response hit = blog.send("alice", "GET", item, null);
            assertThat(cache(hit)).isEqualTo("HIT");
            assertThat(hit.headerValue("ETag")).contains("\"1\"");
            assertThat(hit.headerValue("Cache-Control")).contains("private");
            assertThat(blog.send("bob", "GET", item, null).status()).isEqualTo(404); // bob's scope, not alice's entry
            assertThat(cache(blog.send("alice", "GET", "/api/posts/", null))).isEqualTo("MISS");
            Response list = blog.send("alice", "GET", "/api/posts/", null);
            assertThat(cache(list)).isEqualTo("HIT");
            assertThat(json(list).get("count").asInt()).isEqualTo(1);
            assertThat(json(blog.send("bob", "GET", "/api/posts/", null))
                            .get("count")
                            .asInt())
                    .isZero();
        }
    }

    @DatabaseTest
    void everyWriteDropsTheCachedListAndItems(TestDatabase test) {
        try (Blog blog = new Blog(test, Duration.ofMinutes(1))) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"Hello\"}"))
                    .get("id")
                    .asLong();
            String item = "/api/posts/" + id + "/";
            String[][] writes = {
                {"PATCH", item, "{\"title\":\"Patched\"}", "Patched"},
                {"PUT", item, "{\"title\":\"Replaced\"}", "Replaced"},
                {"POST", "/api/posts/", "{\"title\":\"Second\"}", "Replaced"},
            };
            for (String[] write : writes) {
                blog.send("alice", "GET", item, null);
                blog.send("alice", "GET", "/api/posts/", null);
                assertThat(cache(blog.send("alice", "GET", item, null))).isEqualTo("HIT");
                assertThat(blog.send("alice", write[0], write[1], write[2]).status())
                        .isBetween(200, 201);
                Response after = blog.send("alice", "GET", item, null);
                assertThat(cache(after)).as(write[0]).isEqualTo("MISS");
                assertThat(json(after).get("title").asText()).isEqualTo(write[3]);
                assertThat(cache(blog.send("alice", "GET", "/api/posts/", null)))
                        .as(write[0])
                        .isEqualTo("MISS");
            }
            assertThat(json(blog.send("alice", "GET", "/api/posts/", null))
                            .get("count")
                            .asInt())
                    .isEqualTo(2);
            assertThat(blog.send("alice", "DELETE", item, null).status()).isEqualTo(204);
            assertThat(blog.send("alice", "GET", item, null).status()).isEqualTo(404);
            assertThat(json(blog.send("alice", "GET", "/api/posts/", null))
                            .get("count")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @DatabaseTest
    void withoutCacheReadsNothingIsCached(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"Hello\"}"))
                    .get("id")
                    .asLong();
            blog.send("alice", "GET", "/api/posts/" + id + "/", null);
            assertThat(blog.send("alice", "GET", "/api/posts/" + id + "/", null).headerValue("X-Cache"))
                    .isEmpty();
        }
    }
}
