package dev.portico.server;

import dev.portico.pipeline.Application;
import java.time.Duration;

/**
 * The HTTP server under an {@link Application}. Portico ships one implementation, on Helidon 4's WebServer
 * (a virtual thread per connection, plain blocking code); every Helidon type stays inside this package, so
 * another server could be put in its place by implementing this interface.
 */
public interface HttpServer {

    /**
     * Where and how to listen.
     *
     * @param shutdownGrace how long {@link #stop} lets running requests finish after the port closes
     */
    record Options(String host, int port, int maxHeaderSize, Duration idleTimeout, Duration shutdownGrace) {
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
     * Stops gracefully: the listener closes at once (new connections are refused, so a proxy retries them
     * elsewhere), idle keep-alive connections close, and requests already running get up to the configured
     * {@link Options#shutdownGrace} to finish, answering {@code Connection: close}; then every connection closes.
     */
    void stop();

    /** Whether the server is accepting requests. */
    boolean isRunning();
}
