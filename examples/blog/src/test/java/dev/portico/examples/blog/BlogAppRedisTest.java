package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.test.PorticoClient;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import org.junit.jupiter.api.Test;

/**
 * The example app with {@code redis.url} set: two instances on one database share the posts' cached reads in Redis,
 * in-process (skipped with the reason when Redis is unreachable, unless CI=true).
 */
@RedisTest
@PorticoTest
class BlogAppRedisTest {
    private static TestRedis redis;
    private static TestAccounts accounts;
    private static Portico two;

    @App
    static Portico app(TestSetup setup) {
        redis = setup.closeAfterAll(TestRedis.create());
        BlogTesting.Built built = BlogTesting.app(
                setup, b -> b.set(RedisSettings.URL, TestRedis.URL).set(RedisSettings.KEY_PREFIX, redis.prefix()));
        accounts = built.accounts();
        two = BlogApp.app(built.app().config()).shutdownHook(false).build();
        AutoCloseable stopTwo = two::stop;
        setup.closeAfterAll(stopTwo);
        return built.app();
    }

    @Test
    void twoInstancesShareCachedReadsAndInvalidationsThroughRedis(PorticoClient client) {
        accounts.createUser("writer");
        PorticoClient one = client.as("writer");
        PorticoClient other = one.fork().on(two);
        assertThat(one.get("/api/posts/").send()).hasHeader("X-Cache", "MISS");
        assertThat(other.get("/api/posts/").send())
                .as("cached by the first instance")
                .hasHeader("X-Cache", "HIT");
        assertThat(other.post("/api/posts/")
                        .json("{\"title\":\"shared\",\"content\":\"c\"}")
                        .send())
                .hasStatus(201);
        assertThat(one.get("/api/posts/").send())
                .as("dropped by the second instance's write")
                .hasHeader("X-Cache", "MISS")
                .hasJsonPath("$.count", 1);
        assertThat(redis.keys()).isNotEmpty();
        assertThat(redis.keysWithoutTtl()).isEmpty();
    }
}
