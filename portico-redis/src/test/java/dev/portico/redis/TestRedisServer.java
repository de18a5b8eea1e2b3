package dev.portico.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of the test's own, a child process on a free port, for what must not touch the shared one: pausing
 * it with {@code CLIENT PAUSE} and killing it. Needs {@code redis-server} on the PATH (Debian's package; .ci/run's
 * machine has it).
 */
public final class TestRedisServer implements AutoCloseable {
    private final int port;
    private final Path dir;
    private Process process;

    private TestRedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts one and waits until it answers. */
    public static TestRedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestRedisServer server = new TestRedisServer(port, Files.createTempDirectory("portico-redis-"));
        server.restart();
        return server;
    }

    /** The URL to connect to. */
    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Kills the server at once, as a crash would (no goodbye to the clients). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the server again on the same port; returns when it answers PING. */
    public void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer within 10 s; see " + dir);
    }

    /** Whether the server answers now (a raw PING, outside Lettuce). */
    public boolean ping() {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read >= 5 && new String(reply, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
