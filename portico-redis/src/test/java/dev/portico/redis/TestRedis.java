package dev.portico.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real Redis for one test: settings with a key prefix of the test's own, a separate raw connection to look at
 * (and pause) the server, and on close the check that every key written has a TTL, then their removal.
 */
public final class TestRedis implements AutoCloseable {
    /** The server; {@code -Dportico.test.redis=URL} points elsewhere (to try the skip rule). */
    public static final String URL = System.getProperty("portico.test.redis", "redis://127.0.0.1:6379/0");

    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private final String url;

    private TestRedis(String url) {
        this.url = url;
        this.prefix = "portico-test-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ":";
        this.client = RedisClient.create(url);
        try {
            this.connection = client.connect();
        } catch (RedisException e) {
            client.shutdown();
            throw new IllegalStateException(
                    "Redis at " + url + " is unreachable: " + e.getMessage()
                            + " (start it with the command in .ci/run)",
                    e);
        }
    }

    /** A fresh prefix on the real server. */
    public static TestRedis create() {
        return new TestRedis(URL);
    }

    /** A fresh prefix on the server at {@code url}, such as a {@link TestRedisServer}'s. */
    public static TestRedis create(String url) {
        return new TestRedis(url);
    }

    /** Why Redis cannot be used, or null when it can. */
    public static String unreachable() {
        RedisURI uri = RedisURI.create(URL);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return "PONG".equals(c.sync().ping()) ? null : "Redis at " + URL + " does not answer PING";
        } catch (RedisException e) {
            return "Redis at " + URL + " is unreachable: " + e.getMessage();
        } finally {
            client.shutdown();
        }
    }

    /** The default settings on this server, with this test's prefix. */
    public RedisSettings settings() {
        return RedisSettings.of(url).withKeyPrefix(prefix);
    }

    /** This test's key prefix. */
    public String prefix() {
        return prefix;
    }

    /** A connection of the test's own, outside the app's holder (for CLIENT PAUSE, TTL checks). */
    public RedisCommands<String, String> raw() {
        return connection.sync();
    }

    /** Every key under this test's prefix. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        for (int round = 0; round < 10_000 && !cursor.isFinished(); round++) {
            KeyScanCursor<String> page =
                    raw().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
            keys.addAll(page.getKeys());
            cursor = page;
        }
        return keys;
    }

    /** The keys under this test's prefix that would never expire. */
    public List<String> keysWithoutTtl() {
        return keys().stream().filter(k -> raw().pttl(k) == -1).toList();
    }

    @Override
    public void close() {
        try {
            List<String> keys = keys();
            if (!keys.isEmpty()) {
                raw().del(keys.toArray(String[]::new));
            }
        } finally {
            connection.close();
            client.shutdown();
        }
    }
}
