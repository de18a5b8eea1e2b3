package dev.portico.server;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.time.Duration;

/**
 * A small app for {@link DescriptorExhaustionTest}, run in a JVM of its own under a low {@code ulimit -n}: prints its
 * port, then serves until its standard input closes. Arguments: {@code server.max-connections}, then optionally
 * {@code server.accept-queue} (its default if not given).
 */
public final class LowDescriptorsServer {
    record Hello(String message) {}

    private LowDescriptorsServer() {}

    public static void main(String[] args) throws Exception {
        Portico app = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .set(Settings.SERVER_MAX_CONNECTIONS, Integer.parseInt(args[0]))
                        .set(Settings.SERVER_HEADER_TIMEOUT, Duration.ofSeconds(2))
                        .set(
                                Settings.SERVER_ACCEPT_QUEUE,
                                args.length > 1
                                        ? Integer.parseInt(args[1])
                                        : Settings.SERVER_ACCEPT_QUEUE.defaultValue())
                        .build())
                .shutdownHook(false)
                .get("/api/hello/", Hello.class, request -> new Hello("Hello!"))
                .build()
                .start();
        System.out.println("PORT " + app.port());
        System.out.println("LIMIT " + JettyServer.maxConnections(0));
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our input
        }
        app.stop();
    }
}
