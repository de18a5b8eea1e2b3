package dev.portico.server;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's HTTP/1.1 connections, with the deadlines Jetty's idle timeout cannot give: a request's line and headers
 * must arrive within {@code server.header-timeout} however steadily they trickle in (slowloris sends a byte every few
 * seconds, never idle for long), its body within {@code server.body-timeout}, and a response must be read within
 * {@code server.write-timeout} however slowly the client reads. One sweep a second looks at every open connection, so nothing is scheduled per request; a connection
 * past either deadline is closed.
 */
final class ConnectionWatch extends HttpConnectionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);
    private static final long SWEEP_MILLIS = 1_000;

    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    private static final int WRITE = 3;
    private static final long BODY_GRACE_NANOS = 2_000_000_000L;

    private final Forget forget = new Forget(open);
    private final Timeouts timeouts;
    private final long headerNanos;
    private final long bodyNanos;
    private final long writeNanos;
    private volatile Scheduler scheduler;

    /** The three deadlines, each for the whole of its phase. */
    record Timeouts(Duration header, Duration body, Duration write) {}

    /**
     * The classes every new connection needs, loaded with this one rather than by the first connection. Loading a class
     * from a folder of classes (tests, an IDE) opens its file: a server out of descriptors failed to load
     * {@link Progress} for its first connections, the JVM then failed every later use of it the same way, and every
     * connection was closed unanswered for as long as the process lived (issue 17, {@code DescriptorExhaustionTest}).
     */
    private static final List<Class<?>> PER_CONNECTION = List.of(Watched.class, Progress.class, Forget.class);

    ConnectionWatch(HttpConfiguration configuration, Timeouts timeouts) {
        super(configuration);
        this.timeouts = timeouts;
        this.headerNanos = timeouts.header().toNanos();
        // the body's own reader answers 408 at its deadline when bytes still trickle; the sweep closes only a body
        // stalled past it, whose reader sees nothing to wake it before the idle timeout
        this.bodyNanos = timeouts.body().toNanos() + BODY_GRACE_NANOS;
        this.writeNanos = timeouts.write().toNanos();
    }

    /**
     * What {@link HttpConnectionFactory#newConnection} does (Jetty 12.1), on a connection that carries its own
     * progress, so a request finds it in a field rather than in a map shared by every connection.
     */
    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        Watched connection = new Watched(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        configure(connection, connector, endPoint);
        open.add(connection);
        connection.addEventListener(forget);
        return connection;
    }

    /** Jetty's HTTP/1.1 connection, with what Portico keeps per connection. */
    static final class Watched extends HttpConnection {
        private final Progress progress;
        private String peer; // made by the first request that asks; a race makes the same text twice

        Watched(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
            this.progress = new Progress(this, System.nanoTime());
        }

        /** The peer's IP address in canonical text, made once per connection, not per request. */
        String peerAddress() {
            String text = peer;
            if (text == null) {
                text = JettyTransport.hostAddress(getRemoteSocketAddress());
                peer = text;
            }
            return text;
        }
    }

    /** Forgets a connection once it closes. */
    private static final class Forget implements Connection.Listener {
        private final Set<Watched> open;

        Forget(Set<Watched> open) {
            this.open = open;
        }

        @Override
        public void onClosed(Connection closed) {
            open.remove(closed);
        }
    }

    /** Starts the sweeps on the server's scheduler; they stop with it. */
    void start(Scheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The progress of the connection a request came on, for the handler to mark its response's write. */
    static Progress progress(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof Watched watched ? watched.progress : null;
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            int[] closed = new int[3];
            for (Watched connection : open) {
                Progress progress = connection.progress;
                int phase = progress.overdue(now, headerNanos, bodyNanos);
                if (phase == Progress.NONE && progress.writeOverdue(now, writeNanos)) {
                    phase = WRITE;
                }
                if (phase != Progress.NONE) {
                    closed[phase - 1]++;
                    progress.close();
                }
            }
            if (closed[0] + closed[1] + closed[2] > 0) {
                LOG.info(
                        "closed slow connections: {} past server.header-timeout ({}), {} past server.body-timeout"
                                + " ({}), {} past server.write-timeout ({})",
                        closed[0],
                        timeouts.header(),
                        closed[1],
                        timeouts.body(),
                        closed[2],
                        timeouts.write());
            }
        } finally {
            Scheduler current = scheduler;
            if (current != null && current.isRunning()) {
                current.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * What one connection is doing, as far as the deadlines care. Read by the sweep without locks: a stale read
     * delays a close by one sweep, never closes a connection in time.
     */
    static final class Progress {
        static final int NONE = 0;
        static final int HEAD = 1;
        static final int BODY = 2;

        private final HttpConnection connection;
        /** The phase last seen unfinished, the request count then, and since when. */
        private int phase = HEAD;

        private long phaseOf;
        private long phaseSince;
        private volatile long writingSince;

        Progress(HttpConnection connection, long opened) {
            this.connection = connection;
            this.phaseSince = opened; // a new connection's first request counts from the accept
        }

        void writing() {
            writingSince = System.nanoTime() | 1; // never 0, which means not writing
        }

        void written() {
            writingSince = 0;
        }

        /** The phase (head or body) that has gone on longer than its limit, or {@link #NONE}. */
        int overdue(long now, long headLimit, long bodyLimit) {
            int current = phase();
            long requests = connection.getMessagesIn();
            if (current == NONE || current != phase || requests != phaseOf) {
                phase = current;
                phaseOf = requests;
                phaseSince = now;
                return NONE;
            }
            return now - phaseSince > (current == HEAD ? headLimit : bodyLimit) ? current : NONE;
        }

        private int phase() {
            HttpParser parser = connection.getParser();
            if (parser.inContentState()) {
                return BODY;
            }
            boolean fresh = connection.getMessagesIn() == 0 && connection.getBytesIn() == 0;
            return parser.inHeaderState() && (!parser.isStart() || fresh) ? HEAD : NONE;
        }

        boolean writeOverdue(long now, long limit) {
            long since = writingSince;
            return since != 0 && now - since > limit;
        }

        void close() {
            connection.getEndPoint().close();
        }
    }
}
