package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.TestRedis;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's throttles, with the rates set as a deployment would, through {@code PORTICO_*} variables: anonymous
 * callers by IP, signed-in callers by user, in memory in-process (the class's {@link MutableClock} ends the minute)
 * and, with {@code PORTICO_REDIS_URL}, in Redis shared by two instances over real sockets.
 */
@PorticoTest
class BlogThrottleTest {
    /** The example's rates overridden by an operator's environment. */
    private static final Map<String, String> RATES =
            Map.of("PORTICO_THROTTLE_ANONYMOUS", "5/min", "PORTICO_THROTTLE_AUTHENTICATED", "3/min");

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestAccounts accounts;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(setup, b -> b.fromEnvironment(RATES));
        accounts = built.accounts();
        return built.app();
    }

    @BeforeAll
    static void reader() {
        accounts.createUser("reader");
    }

    @Test
    void theExamplesRatesAreItsDefaults() {
        PorticoConfig config = BlogApp.settings(PorticoConfig.builder()).build();
        assertThat(config.get(Settings.THROTTLE_ANONYMOUS)).isEqualTo("60/min");
        assertThat(config.get(Settings.THROTTLE_AUTHENTICATED)).isEqualTo("600/min");
    }

    @Test
    void inMemoryAnonymousAndSignedInCallersHaveTheRatesTheEnvironmentSetsUntilTheMinuteEnds(
            PorticoClient client, MutableClock clock) {
        for (int i = 1; i <= 5; i++) {
            assertThat(client.get("/api/hello/ada/").send()).hasStatus(200);
        }
        assertThat(client.get("/api/hello/ada/").send())
                .isProblem(429)
                .hasCode("throttled")
                .hasHeader("Retry-After");
        // the same address signed in counts in the user's scope: 3 per minute
        PorticoClient reader = client.fork().as("reader");
        assertThat(reader.get("/api/posts/").send())
                .hasStatus(200)
                .hasHeader("RateLimit-Limit", "3")
                .hasHeader("RateLimit-Remaining", "2");
        reader.get("/api/posts/").send();
        reader.get("/api/posts/").send();
        assertThat(reader.get("/api/posts/").send()).isProblem(429);

        clock.advance(Duration.ofSeconds(61));
        assertThat(client.get("/api/hello/ada/").send()).as("a new minute").hasStatus(200);
        assertThat(reader.get("/api/posts/").send()).hasStatus(200).hasHeader("RateLimit-Remaining", "2");
    }

    @Test
    void withRedisTwoInstancesShareOneCount() throws Exception {
        String unreachable = TestRedis.unreachable();
        if (unreachable != null && !"true".equals(System.getenv("CI"))) {
            System.err.println("[blog] skipping the Redis throttle test: " + unreachable);
            org.junit.jupiter.api.Assumptions.abort(unreachable);
        }
        try (BlogDatabases database = BlogDatabases.h2();
                TestRedis redis = TestRedis.create()) {
            Map<String, String> env =
                    Map.of("PORTICO_REDIS_URL", TestRedis.URL, "PORTICO_REDIS_KEY_PREFIX", redis.prefix());
            Portico one = start(database, env);
            Portico two = start(database, env);
            try {
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    statuses.add(get(one, "/api/hello/ada/").statusCode());
                    statuses.add(get(two, "/api/hello/ada/").statusCode());
                }
                assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
                assertThat(redis.keys())
                        .isNotEmpty()
                        .allMatch(k -> k.startsWith(redis.prefix() + "throttle:{anon:ip:"));
                assertThat(redis.keysWithoutTtl()).isEmpty();
            } finally {
                one.stop();
                two.stop();
            }
        }
    }

    /** The app on a free port, with the example's rates overridden as an operator would and {@code more} variables. */
    private static Portico start(BlogDatabases database, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.putAll(RATES);
        PorticoConfig config = database.serverConfig(b -> b.fromEnvironment(env));
        assertThat(RedisSettings.from(config).configuredUrl().isPresent())
                .isEqualTo(more.containsKey("PORTICO_REDIS_URL"));
        return BlogApp.app(config).shutdownHook(false).build().start();
    }

    private static HttpResponse<String> get(Portico app, String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
