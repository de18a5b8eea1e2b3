package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example's throttles over a real socket, with the rates set as a deployment would, through {@code PORTICO_*}
 * variables: anonymous callers by IP, signed-in callers by user, in memory and, with {@code PORTICO_REDIS_URL}, in
 * Redis shared by two instances.
 */
class BlogThrottleTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void theExamplesRatesAreItsDefaults() {
        PorticoConfig config = BlogApp.settings(PorticoConfig.builder()).build();
        assertThat(config.get(Settings.THROTTLE_ANONYMOUS)).isEqualTo("60/min");
        assertThat(config.get(Settings.THROTTLE_AUTHENTICATED)).isEqualTo("600/min");
    }

    @Test
    void inMemoryAnonymousAndSignedInCallersHaveTheRatesTheEnvironmentSets() throws Exception {
        try (BlogDatabases database = BlogDatabases.h2()) {
            Portico app = start(database, Map.of());
            try {
                BlogUsers.create(database.serverConfig(), "reader", false);
                String token = BlogUsers.token(app.port(), "reader");   // an anonymous request: 1 of 5
                for (int i = 2; i <= 5; i++) {
                    assertThat(get(app, "/api/hello/ada/", null).statusCode()).isEqualTo(200);
                }
                HttpResponse<String> refused = get(app, "/api/hello/ada/", null);
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.body()).contains("\"code\":\"throttled\"");
                // the same address signed in counts in the user's scope: 3 per minute
                HttpResponse<String> first = get(app, "/api/posts/", token);
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(first.headers().firstValue("RateLimit-Limit")).contains("3");
                assertThat(first.headers().firstValue("RateLimit-Remaining")).contains("2");
                get(app, "/api/posts/", token);
                get(app, "/api/posts/", token);
                assertThat(get(app, "/api/posts/", token).statusCode()).isEqualTo(429);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void withRedisTwoInstancesShareOneCount() throws Exception {
        String unreachable = TestRedis.unreachable();
        if (unreachable != null && !"true".equals(System.getenv("CI"))) {
            System.err.println("[blog] skipping the Redis throttle test: " + unreachable);
            org.junit.jupiter.api.Assumptions.abort(unreachable);
        }
        try (BlogDatabases database = BlogDatabases.h2(); TestRedis redis = TestRedis.create()) {
            Map<String, String> env = Map.of("PORTICO_REDIS_URL", TestRedis.URL,
                    "PORTICO_REDIS_KEY_PREFIX", redis.prefix());
            Portico one = start(database, env);
            Portico two = start(database, env);
            try {
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    statuses.add(get(one, "/api/hello/ada/", null).statusCode());
                    statuses.add(get(two, "/api/hello/ada/", null).statusCode());
                }
                assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
                assertThat(redis.keys()).isNotEmpty().allMatch(k -> k.startsWith(redis.prefix() + "throttle:{anon:ip:"));
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
        env.put("PORTICO_THROTTLE_ANONYMOUS", "5/min");
        env.put("PORTICO_THROTTLE_AUTHENTICATED", "3/min");
        PorticoConfig config = database.serverConfig(b -> b.fromEnvironment(env));
        assertThat(RedisSettings.from(config).configuredUrl().isPresent()).isEqualTo(more.containsKey("PORTICO_REDIS_URL"));
        return BlogApp.app(config).shutdownHook(false).build().start();
    }

    private static HttpResponse<String> get(Portico app, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
