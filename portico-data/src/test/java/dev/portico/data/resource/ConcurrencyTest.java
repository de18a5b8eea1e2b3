package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** ETags, If-Match and concurrent writers on one row, on H2 and PostgreSQL. */
class ConcurrencyTest {

    @DatabaseTest
    void ifMatchWithAStaleVersionIs412AndWritesNothing(TestDatabase test) {
        try (Blog blog = new Blog(test)) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"v1\"}"))
                    .get("id")
                    .asLong();
            String item = "/api/posts/" + id + "/";
            Response ok = blog.send("alice", "PATCH", item, "{\"title\":\"v2\"}", "If-Match", "\"1\"");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headerValue("ETag")).contains("\"2\"");
            Response stale = blog.send("alice", "PATCH", item, "{\"title\":\"lost\"}", "If-Match", "\"1\"");
            assertThat(stale.status()).isEqualTo(412);
            JsonNode error = json(stale);
            assertThat(error.get("detail").asText()).isEqualTo("Precondition failed.");
            assertThat(error.get("code").asText()).isEqualTo("precondition_failed");
            assertThat(blog.send("alice", "PUT", item, "{\"title\":\"lost\"}", "If-Match", "\"1\"")
                            .status())
                    .isEqualTo(412);
            assertThat(blog.send("alice", "DELETE", item, null, "If-Match", "\"1\"")
                            .status())
                    .isEqualTo(412);
            assertThat(blog.send("alice", "PATCH", item, "{}", "If-Match", "W/\"2\"")
                            .status())
                    .isEqualTo(412);
            assertThat(blog.send("alice", "PATCH", item, "{}", "If-Match", "nonsense")
                            .status())
                    .isEqualTo(412);
            JsonNode row = json(blog.send("alice", "GET", item, null));
            assertThat(row.get("title").asText()).isEqualTo("v2");
            assertThat(row.get("version").asLong()).isEqualTo(2);
            assertThat(blog.send("alice", "PATCH", item, "{}", "If-Match", "\"7\", \"2\"")
                            .status())
                    .isEqualTo(200);
            assertThat(blog.send("alice", "PATCH", item, "{}", "If-Match", "*").status())
                    .isEqualTo(200);
            assertThat(blog.send("alice", "DELETE", item, null, "If-Match", "\"4\"")
                            .status())
                    .isEqualTo(204);
        }
    }

    @DatabaseTest
    void concurrentWritersWithoutIfMatchLoseNothing(TestDatabase test) throws Exception {
        try (Blog blog = new Blog(test)) {
            long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"t\",\"content\":\"c\"}"))
                    .get("id")
                    .asLong();
            String item = "/api/posts/" + id + "/";
            int rounds = 25;
            List<Integer> statuses = race(
                    () -> writes(blog, item, "title", "a", rounds), () -> writes(blog, item, "content", "b", rounds));
            assertThat(statuses).containsOnly(200);
            JsonNode row = json(blog.send("alice", "GET", item, null));
            assertThat(row.get("title").asText()).isEqualTo("a" + (rounds - 1));
            assertThat(row.get("content").asText()).isEqualTo("b" + (rounds - 1));
            assertThat(row.get("version").asLong()).isEqualTo(1 + 2L * rounds);
        }
    }

    @DatabaseTest
    void ofTwoWritersWithTheSameIfMatchExactlyOneWins(TestDatabase test) throws Exception {
        try (Blog blog = new Blog(test)) {
            for (int round = 0; round < 10; round++) {
                long id = json(blog.send("alice", "POST", "/api/posts/", "{\"title\":\"t\"}"))
                        .get("id")
                        .asLong();
                String item = "/api/posts/" + id + "/";
                List<Integer> statuses = race(
                        () -> List.of(blog.send("alice", "PATCH", item, "{\"title\":\"x\"}", "If-Match", "\"1\"")
                                .status()),
                        () -> List.of(blog.send("alice", "PATCH", item, "{\"content\":\"y\"}", "If-Match", "\"1\"")
                                .status()));
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
                JsonNode row = json(blog.send("alice", "GET", item, null));
                assertThat(row.get("version").asLong()).isEqualTo(2);
                assertThat(row.get("title").asText().equals("x")
                                ^ row.get("content").asText().equals("y"))
                        .isTrue();
            }
        }
    }

    private static List<Integer> writes(Blog blog, String item, String field, String prefix, int rounds) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            statuses.add(blog.send("alice", "PATCH", item, "{\"" + field + "\":\"" + prefix + i + "\"}")
                    .status());
        }
        return statuses;
    }

    /** Runs both writers at once (released together by a latch) and collects their statuses. */
    @SafeVarargs
    private static List<Integer> race(Callable<List<Integer>>... writers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers.length)) {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (Callable<List<Integer>> w : writers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return w.call();
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        }
    }
}
