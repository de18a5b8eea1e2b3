package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.testing.RawHttp;
import dev.portico.testing.Wire;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a connection is told while the app drains, and what happens past the connection limit. */
class DrainAndLimitTest {
    record Hello(String message) {}

    record Note(String text) {}

    private static final String GET = "GET /api/hello/ HTTP/1.1\r\nHost: x\r\n\r\n";

    private static Portico app(PorticoConfig.Builder config) {
        return Portico.builder()
                .config(config.set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .shutdownHook(false)
                .get("/api/hello/", Hello.class, request -> new Hello("Hello!"))
                .post("/api/notes/", Note.class, Note.class, (request, note) -> note)
                .build()
                .start();
    }

    @Test
    void whileReadyIs503EveryAnswerSaysConnectionClose() throws Exception {
        Portico app = app(PorticoConfig.builder().set(Settings.SERVER_SHUTDOWN_DELAY, Duration.ofMillis(1500)));
        try (Wire wire = Wire.open(app.port())) {
            RawHttp.Reply before = wire.send(GET).readResponse();
            assertThat(before.headers()).doesNotContainKey("connection");
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
            Thread.sleep(300); // inside the shutdown delay: the port is still open, /ready answers 503
            RawHttp.Reply during = wire.send(GET).readResponse();
            assertThat(during.status()).isEqualTo(200);
            assertThat(during.headers()).containsEntry("connection", "close");
            assertThat(wire.readUntilClosed(Duration.ofSeconds(2)).closed()).isTrue();
            stopping.get();
        }
    }

    /**
     * More requests waiting at once than Jetty's default task cap (200), here for bodies that trickle: the server still
     * reads and answers a new connection at once, rather than when the first of them ends (the body timeout, 60 s).
     */
    @Test
    void requestsThatWaitNeverStopTheServerReadingOthers() throws Exception {
        Portico app = app(PorticoConfig.builder());
        List<Wire> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                waiting.add(Wire.open(app.port())
                        .send("POST /api/notes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{\"text\":"));
            }
            Thread.sleep(1_000); // every one of them read and waiting for the rest of its body
            long start = System.nanoTime();
            try (Wire wire = Wire.open(app.port())) {
                assertThat(wire.send(GET).readResponse().status()).isEqualTo(200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Wire wire : waiting) {
                wire.close();
            }
            app.stop();
        }
    }

    @Test
    void pastTheLimitIdleConnectionsAreClosedToMakeRoom() throws Exception {
        Portico app = app(PorticoConfig.builder().set(Settings.SERVER_MAX_CONNECTIONS, 3));
        List<Wire> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Wire wire = Wire.open(app.port());
                assertThat(wire.send(GET).readResponse().status()).isEqualTo(200);
                idle.add(wire); // kept alive, idle
            }
            long start = System.nanoTime();
            try (Wire fourth = Wire.open(app.port())) {
                assertThat(fourth.send(GET).readResponse().status()).isEqualTo(200);
            }
            // idle connections are closed after 2 s while the limit is reached, not after the 5-minute idle timeout
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            assertThat(idle.get(0).readUntilClosed(Duration.ofSeconds(1)).closed())
                    .isTrue();
        } finally {
            for (Wire wire : idle) {
                wire.close();
            }
            app.stop();
        }
    }

    @Test
    void aBurstOfConnectionsWaitsInTheListenQueueRatherThanLosingItsHandshakes() throws Exception {
        // one connection open, so the server accepts no more: every other one must wait in the kernel's queue, whose
        // length is server.accept-queue (1024 by default); with the JDK's backlog of 50 the 52nd handshake was dropped
        Portico app = app(PorticoConfig.builder().set(Settings.SERVER_MAX_CONNECTIONS, 1));
        List<Socket> burst = new ArrayList<>();
        try (Wire first = Wire.open(app.port())) {
            assertThat(first.send(GET).readResponse().status()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int i = 0; i < 300 && System.nanoTime() < deadline; i++) {
                Socket socket = new Socket();
                burst.add(socket);
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 300);
                } catch (IOException dropped) {
                    // counted below as not connected
                }
            }
            assertThat(burst.stream().filter(Socket::isConnected).count())
                    .as("handshakes completed")
                    .isEqualTo(300);
        } finally {
            for (Socket socket : burst) {
                socket.close();
            }
            app.stop();
        }
    }
}
