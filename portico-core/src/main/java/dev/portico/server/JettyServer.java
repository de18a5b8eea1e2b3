package dev.portico.server;

import dev.portico.pipeline.Application;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Portico on Jetty 12's core server. Jetty parses the wire (strict RFC 9110 framing: no obs-fold, no bare LF, one
 * Content-Length, never both it and Transfer-Encoding), closes a connection after {@code Connection: close}, answers
 * HTTP/1.0, and keeps accepting when file descriptors run out; one {@link Handler} hands every request to the
 * {@link Application} on a virtual thread. {@link ConnectionWatch} bounds what Jetty leaves open: the time a
 * request's head and a response's write may take, and how many connections may be open at once.
 */
final class JettyServer implements dev.portico.server.HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(JettyServer.class);
    /** While the connection limit is reached, an idle connection is closed after this long (a slowloris sender's). */
    private static final long LIMITED_IDLE_MILLIS = 2_000;

    private final Options options;
    private final Server server;
    private final ServerConnector connector;
    private final ConnectionWatch watch;
    private final LongAdder inFlight = new LongAdder();
    private volatile boolean draining;

    JettyServer(Application application, Options options) {
        this.options = options;
        this.server = new Server(threads());
        this.watch = new ConnectionWatch(
                configuration(options),
                new ConnectionWatch.Timeouts(options.headerTimeout(), options.bodyTimeout(), options.writeTimeout()));
        long limitedIdleMillis =
                Math.min(LIMITED_IDLE_MILLIS, options.idleTimeout().toMillis());
        this.connector = new JettyConnector(server, watch, limitedIdleMillis);
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        // 1024 by default; 0 leaves the JDK's backlog of 50, where 256 clients connecting at once had hundreds of SYNs
        // dropped (TcpExtListenDrops), each retried a second later
        if (options.acceptQueue() > 0) {
            connector.setAcceptQueueSize(options.acceptQueue());
        }
        server.addConnector(connector);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(maxConnections(options.maxConnections()), connector);
        limit.setEndPointIdleTimeout(limitedIdleMillis);
        server.addBean(limit);
        server.setHandler(new JettyHandler(application, options, inFlight, () -> draining));
        server.setErrorHandler(new JettyErrors(application.errors()));
        server.setStopAtShutdown(false);
        server.setStopTimeout(0); // the grace is ours (stop()): Jetty's own would refuse late requests with 503
    }

    /**
     * The server's threads: every one virtual, the selector's included, as Helidon's thread per connection, so a
     * request is parsed, handled and answered on one virtual thread with no hand-off (about twice the speed of handing
     * each request from a platform pool to a new virtual thread, bench/, 2026-12-06); a selector's take-overs folded
     * while one waits, one fewer virtual thread per request ({@link ServerThreads}).
     */
    static VirtualThreadPool threads() {
        VirtualThreadPool threads = new ServerThreads();
        threads.setName("portico-http");
        // one name for them all: Jetty's named executor numbers each new thread, a string built per request (2.6 % of
        // the server's CPU on /plaintext, JFR); a dump still says which threads are the server's
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("portico-http").factory()));
        // no cap on tasks: Jetty's default of 200 let 200 requests that wait (slow bodies, a saturated pool) hold every
        // permit, and the selector's next task queued behind them, so no connection was read until one finished (a
        // normal client 0 % answered under slowhttptest -B). The connection limit bounds the requests instead:
        // HTTP/1.1 runs one request at a time per connection.
        threads.setMaxConcurrentTasks(0);
        return threads;
    }

    /**
     * The connection limit; 0 picks three quarters of the file-descriptor limit (the rest for the database pool,
     * uploads' files and the JVM's own), so the listener waits rather than failing to accept, at most 10,000.
     */
    static int maxConnections(int configured) {
        if (configured > 0) {
            return configured;
        }
        long descriptors = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : 0;
        return descriptors <= 0 ? 10_000 : (int) Math.max(64, Math.min(10_000, descriptors * 3 / 4));
    }

    /** The HTTP settings: strict framing, no version banner, the head's size limit, no per-connection header cache. */
    private static HttpConfiguration configuration(Options options) {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(options.maxHeaderSize());
        // Jetty's default keeps, per connection, a cache of the header lines it read (a trie of 1,024 characters, built
        // at the second request): about 100 KB of heap for each keep-alive connection, so 6,000 of them ran a server
        // with -Xmx512m out of memory. Without it a request's header values are made anew (bench/README.md, "Memory")
        http.setHeaderCacheSize(0);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // RFC 9112 lets a server take a bare LF as a line end; a proxy in front may not, so it is refused (smuggling)
        http.setHttpCompliance(HttpCompliance.RFC9110.without(
                "PORTICO",
                HttpCompliance.Violation.LF_HEADER_TERMINATION,
                HttpCompliance.Violation.LF_CHUNK_TERMINATION));
        return http;
    }

    @Override
    public HttpServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        watch.start(server.getScheduler());
        return this;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning() && !draining;
    }

    /**
     * Closes the listener before anything else, so no new connection is accepted and then refused: a proxy that
     * finds the port closed retries on another instance, whatever the method, since it sent nothing. Requests already
     * read, and any that arrive on open connections meanwhile, are answered normally with {@code Connection: close}
     * within the grace period; then every connection closes.
     */
    @Override
    public void stop() {
        draining = true;
        connector.shutdown(); // closes the listening socket now
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        while (inFlight.sum() > 0 && System.nanoTime() - deadline < 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long left = inFlight.sum();
        if (left > 0) {
            LOG.warn("stopped with {} requests still running after the {} grace period", left, options.shutdownGrace());
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
