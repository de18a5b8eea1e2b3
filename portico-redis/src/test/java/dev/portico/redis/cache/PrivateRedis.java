package dev.portico.redis.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * A redis-server of the test's own on a free loopback port, so that pausing and restarting Redis does not stall the
 * other tests (throttling's among them) that share the machine's server at 6379. Same binary, real protocol.
 */
final class PrivateRedis implements AutoCloseable {
    private final int port;
    private Process process;

    private PrivateRedis(int port) {
        this.port = port;
    }

    /** Why no private server can be started, or null when one can. */
    static String unavailable() {
        return new File("/usr/bin/redis-server").canExecute() || onPath() ? null : "redis-server is not installed";
    }

    private static boolean onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "redis-server").canExecute()) {
                return true;
            }
        }
        return false;
    }

    static PrivateRedis start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivateRedis redis = new PrivateRedis(port);
        redis.startAgain();
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Starts the server (again, on the same port) and waits until it answers PING. */
    void startAgain() throws Exception {
        process = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--daemonize",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (answers()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException("redis-server on port " + port + " did not start");
    }

    /** Stops the server and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    /** {@code CLIENT PAUSE millis ALL}: every client's commands wait until it ends. */
    void pause(Duration duration) {
        run(c -> c.sync().clientPause(duration.toMillis()));
    }

    /** The keys on the server that would never expire. */
    java.util.List<String> keysWithoutTtl() {
        java.util.List<String> found = new java.util.ArrayList<>();
        run(c -> {
            for (String key : c.sync().keys("*")) {
                if (c.sync().pttl(key) == -1) {
                    found.add(key);
                }
            }
            return null;
        });
        return found;
    }

    private boolean answers() {
        try {
            return "PONG".equals(run(c -> c.sync().ping()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private <T> T run(java.util.function.Function<StatefulRedisConnection<String, String>, T> action) {
        RedisURI uri = RedisURI.create(url());
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return action.apply(connection);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
