package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.testing.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stop (what SIGTERM triggers): the port closes first, running requests finish, idle connections close. */
class GracefulShutdownTest {
    record Done(String status) {}

    @Test
    void portClosesFirstAndRunningRequestsFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Portico app = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .set(Settings.SERVER_SHUTDOWN_GRACE, Duration.ofSeconds(10))
                        .build())
                .shutdownHook(false)
                .get("/slow/", Done.class, request -> {
                    started.countDown();
                    release.await();
                    return new Done("finished");
                })
                .get("/fast/", Done.class, request -> new Done("fast"))
                .build()
                .start();
        int port = app.port();
        Socket keepAlive = new Socket("127.0.0.1", port); // opened before the stop, reused after it
        // Own threads: the common pool may have a single thread on a small machine.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<RawHttp.Reply> slow = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return RawHttp.send(port, "GET /slow/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                },
                threads);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop, threads);
        Thread.sleep(200);
        assertThat(stopping).isNotDone(); // waiting for the slow request

        // the listener is closed first: a new connection is refused, so a proxy retries it elsewhere, whatever the
        // method
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        // a request that arrives on a connection opened before the stop is still answered, and the connection closed
        keepAlive.setSoTimeout(5000);
        keepAlive
                .getOutputStream()
                .write("GET /fast/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Reply late = RawHttp.read(keepAlive.getInputStream());
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.headers()).containsEntry("connection", "close");
        keepAlive.close();

        release.countDown();
        RawHttp.Reply finished = slow.get(5, TimeUnit.SECONDS);
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.body()).contains("finished");
        assertThat(finished.headers()).containsEntry("connection", "close");
        stopping.get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
