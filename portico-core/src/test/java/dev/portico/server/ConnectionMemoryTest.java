package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.testing.Wire;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an open keep-alive connection holds between its requests. Jetty's default keeps, per connection, a cache of
 * the header lines it has read, built at the second request: about 100 KB of heap each. 2,000 connections that had
 * sent two requests held 218 MB of a server's heap; 6,000 ran a {@code -Xmx512m} server out of memory. Portico turns
 * that cache off ({@code JettyServer.configuration}).
 */
class ConnectionMemoryTest {
    record Hello(String message) {}

    private static final int CONNECTIONS = 300;
    private static final String GET = "GET /api/hello/ HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test/1.0\r\n"
            + "Accept: */*\r\nAccept-Encoding: gzip, deflate\r\nAccept-Language: en\r\nConnection: keep-alive\r\n\r\n";

    @Test
    void aKeptAliveConnectionHoldsAFewKilobytesOfHeap() throws Exception {
        Portico app = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .shutdownHook(false)
                .get("/api/hello/", Hello.class, request -> new Hello("Hello!"))
                .build()
                .start();
        List<Wire> open = new ArrayList<>();
        try (Wire warm = Wire.open(app.port())) {
            warm.send(GET).readResponse();
            warm.send(GET).readResponse();
            long before = settledHeap();
            for (int i = 0; i < CONNECTIONS; i++) {
                Wire wire = Wire.open(app.port());
                open.add(wire);
                assertThat(wire.send(GET).readResponse().status()).isEqualTo(200);
                assertThat(wire.send(GET).readResponse().status()).isEqualTo(200);
            }
            long perConnection = (settledHeap() - before) / CONNECTIONS;
            // both ends are in this JVM; with Jetty's default cache this read about 100 KB
            assertThat(perConnection).as("heap bytes per open connection").isLessThan(20_000);
        } finally {
            for (Wire wire : open) {
                wire.close();
            }
            app.stop();
        }
    }

    /** The heap in use after collections, once what the requests left behind is gone. */
    private static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
