package dev.portico.server;

import dev.portico.pipeline.Application;
import java.time.Duration;

/**
 * The HTTP server under an {@link Application}. Portico ships one implementation, on Helidon 4's WebServer
 * (a virtual thread per connection, plain blocking code); every Helidon type stays inside this package, so
 * another server could be put in its place by implementing this interface.
 */
public interface HttpServer {

    /** Where and how to listen. */
    record Options(String host, int port, int maxHeaderSize, Duration idleTimeout) {
    }

    /** A Helidon server for {@code application}; not started yet. */
    static HttpServer helidon(Application application, Options options) {
        return new HelidonServer(application, options);
    }

    /** Binds and starts accepting connections; returns when the port is open. */
    HttpServer start();

    /** The bound port (useful when configured as 0). */
    int port();

    /**
     * Stops gracefully: from now on new requests get 503 with {@code Connection: close}; requests already
     * running get up to {@code grace} to finish; then the listener and connections close.
     */
    void stop(Duration grace);

    /** Whether the server is accepting requests. */
    boolean isRunning();
}
