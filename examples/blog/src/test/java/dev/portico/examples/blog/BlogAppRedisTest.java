package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The example app with {@code redis.url} set: two instances on one database share the posts' cached reads in Redis. */
@RedisTest
class BlogAppRedisTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> get(Portico app, String path, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoInstancesShareCachedReadsAndInvalidationsThroughRedis() throws Exception {
        try (TestRedis redis = TestRedis.create(); BlogDatabases database = BlogDatabases.h2()) {
            PorticoConfig config = database.serverConfig(b -> b.set(RedisSettings.URL, TestRedis.URL)
                    .set(RedisSettings.KEY_PREFIX, redis.prefix()));
            Portico one = BlogApp.app(config).shutdownHook(false).build().start();
            Portico two = BlogApp.app(config).shutdownHook(false).build().start();
            try {
                BlogUsers.create(config, "writer", false);
                String token = BlogUsers.token(one.port(), "writer");
                assertThat(get(one, "/api/posts/", token).headers().firstValue("X-Cache")).contains("MISS");
                assertThat(get(two, "/api/posts/", token).headers().firstValue("X-Cache")).contains("HIT");
                HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + two.port() + "/api/posts/"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"shared\",\"content\":\"c\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);
                HttpResponse<String> after = get(one, "/api/posts/", token);
                assertThat(after.headers().firstValue("X-Cache")).contains("MISS");
                assertThat(after.body()).contains("\"count\":1");
                assertThat(redis.keys()).isNotEmpty();
                assertThat(redis.keysWithoutTtl()).isEmpty();
            } finally {
                one.stop();
                two.stop();
            }
        }
    }
}
