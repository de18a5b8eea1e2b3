package dev.portico.server;

import dev.portico.pipeline.Application;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The HTTP server under an {@link Application}. Portico ships one implementation, on Jetty 12's core server (its
 * parser and connection handling, with endpoint code run on virtual threads); every Jetty type stays inside this
 * package, so another server could be put in its place by implementing this interface.
 */
public interface HttpServer {

    /**
     * Where and how to listen, and the limits that bound every connection whatever the client does.
     *
     * @param idleTimeout how long a connection may make no progress at all: between keep-alive requests, between
     *                    chunks of a body, while a response waits for the client to read
     * @param headerTimeout how long one request's line and headers may take to arrive in full (slowloris)
     * @param bodyTimeout how long one request's body may take to arrive in full, however steadily it trickles
     * @param writeTimeout how long one response may take to be read by the client in full (slow readers)
     * @param maxBody the largest body read ({@code limits.body-size}), also what is read of a body left unread
     * @param maxConnections most connections open at once; past it the listener waits and idle ones are closed sooner
     * @param shutdownGrace how long {@link #stop} lets running requests finish after the port closes
     * @param draining true once the application is stopping: every response then says {@code Connection: close}
     */
    record Options(
            String host,
            int port,
            int maxHeaderSize,
            long maxBody,
            Duration idleTimeout,
            Duration headerTimeout,
            Duration bodyTimeout,
            Duration writeTimeout,
            int maxConnections,
            int acceptQueue,
            Duration shutdownGrace,
            BooleanSupplier draining) {}

    /** A Jetty server for {@code application}; not started yet. */
    static HttpServer jetty(Application application, Options options) {
        return new JettyServer(application, options);
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
