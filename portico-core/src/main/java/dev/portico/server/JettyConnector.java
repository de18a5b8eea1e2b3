package dev.portico.server;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's connector with its one selector doing all the work of a new connection: it accepts it (no acceptor thread)
 * and sets it up on its own thread, so a new connection waits for no other thread.
 *
 * <p>Jetty's default has an acceptor thread, woken by the JDK's I/O poller, hand each connection to the selector,
 * which then starts one more thread to set it up. Those are virtual threads here, and the JDK's scheduler runs a thread
 * woken or started from outside its carriers only once a running one gives its carrier up, which the selector's thread
 * does not under load: on one CPU at 256 connections a new connection waited 30 to 580 ms for its answer with two
 * carriers, and for as long as the load lasted with one (bench/README.md, "New connections under load"). Here the
 * wait is a round of the selector's: 48 to 82 ms with two carriers, and 37 to 288 ms with one under pipelined load.
 *
 * <p>Not accepting (the connection limit reached, or no descriptor left) takes the listener out of the selector's
 * interest; Jetty's own way for a selector that accepts closes the listening socket. A failed accept pauses accepting
 * for {@link #ACCEPT_PAUSE_MILLIS}: the selector would otherwise find the listener ready again at once and fail on every
 * select, spinning a core.
 *
 * <p>A connection set up while the limit holds gets the limit's short idle timeout. Jetty's limit sets it on the
 * connections open when the limit is reached, and the selector accepts a round of connections before it sets any of
 * them up: those accepted in the round that reached the limit were left the full idle timeout, and a few keep-alive
 * clients held every place for minutes while the rest of the queue waited.
 */
final class JettyConnector extends ServerConnector {
    static final long ACCEPT_PAUSE_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(JettyConnector.class);
    /**
     * Jetty's task that sets up an accepted connection, a private class of {@code ManagedSelector}, found by name once:
     * an upgrade that renames it fails the server's start rather than putting the set-up back on a thread of its own.
     */
    private static final Class<?> SET_UP = setUpTask("org.eclipse.jetty.io.ManagedSelector$Accept");

    private volatile ManagedSelector selector;
    /** Accepting paused by the connection limit ({@link #setAccepting}). */
    private volatile boolean limited;
    /** Accepting paused after a failed accept, until {@link #ACCEPT_PAUSE_MILLIS} have passed. */
    private volatile boolean failing;
    /** The idle timeout of a connection while the limit holds, the limit's own. */
    private final long limitedIdleMillis;

    JettyConnector(Server server, ConnectionFactory factory, long limitedIdleMillis) {
        super(server, 0, 1, factory);
        this.limitedIdleMillis = limitedIdleMillis;
    }

    /**
     * Jetty's endpoint, with the limit's idle timeout if the limit holds. The limit is reached, and the endpoint made,
     * on the selector's thread, so no endpoint is missed between the two. The limit is lifted on the thread of a
     * connection that closed: one made meanwhile may keep the short timeout, which closes it early only if it idles.
     */
    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector on, SelectionKey key)
            throws IOException {
        SocketChannelEndPoint endPoint = super.newEndPoint(channel, on, key);
        if (limited) {
            endPoint.setIdleTimeout(limitedIdleMillis);
        }
        return endPoint;
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new ServerConnectorManager(executor, scheduler, selectors) {
            @Override
            protected ManagedSelector newSelector(int id) {
                selector = super.newSelector(id);
                return selector;
            }

            @Override
            protected void execute(Runnable task) {
                if (task.getClass() == SET_UP) {
                    task.run(); // making the endpoint and the connection does not block
                } else {
                    super.execute(task);
                }
            }

            @Override
            protected SelectableChannel doAccept(SelectableChannel listener) throws IOException {
                if (!isAccepting()) {
                    return null; // Jetty's loop accepts until none is left: past the limit, the rest wait in the queue
                }
                try {
                    return super.doAccept(listener);
                } catch (IOException e) {
                    if (!listener.isOpen()) {
                        throw e;
                    }
                    pause(e);
                    return null;
                }
            }
        };
    }

    /** Called by the connection limit: pauses or resumes accepting without closing the listener. */
    @Override
    public void setAccepting(boolean accepting) {
        limited = !accepting;
        updateInterest();
    }

    @Override
    public boolean isAccepting() {
        return !limited && !failing;
    }

    private void pause(IOException cause) {
        if (!failing) {
            LOG.warn("cannot accept connections ({}); trying again every {} ms", cause.toString(), ACCEPT_PAUSE_MILLIS);
        }
        failing = true;
        updateInterest();
        getScheduler().schedule(this::resume, ACCEPT_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void resume() {
        failing = false;
        updateInterest();
    }

    /**
     * Closes the listening socket now, so new connections are refused and a proxy retries them elsewhere. Jetty's
     * {@code close()} leaves it open when the selector accepts (until the server has stopped), and the JDK releases a
     * channel registered with a selector only when that selector next selects, hence the wake-up.
     */
    @Override
    public void close() {
        Selector nio = nioSelector();
        IO.close((ServerSocketChannel) getTransport());
        super.close();
        if (nio != null) {
            nio.wakeup();
        }
    }

    /**
     * Sets the listener's interest in the selector to what {@link #isAccepting()} says, once it is registered. One
     * caller at a time: the limit and the pause's timer run on different threads, and an interest computed before the
     * other's change but set after it would leave the listener accepting past the limit. Called only when accepting
     * changes, never per connection.
     */
    private synchronized void updateInterest() {
        Selector nio = nioSelector();
        Object listener = getTransport();
        SelectionKey key = nio == null || listener == null ? null : ((ServerSocketChannel) listener).keyFor(nio);
        if (key == null) {
            return; // not registered yet (it will be, accepting), or closed
        }
        try {
            key.interestOps(isAccepting() ? SelectionKey.OP_ACCEPT : 0);
            nio.wakeup(); // a selector blocked in select takes the change at its next one
        } catch (CancelledKeyException stopped) {
            // the listener is closed
        }
    }

    private static Class<?> setUpTask(String name) {
        try {
            return Class.forName(name, false, ManagedSelector.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Jetty's " + name + " is gone: JettyConnector runs it on the selector's thread; find the task"
                            + " that now sets up an accepted connection and name it there (JettyConnectorTest checks)",
                    e);
        }
    }

    /** The JDK selector of the connector's one selector, null before it has started. */
    private Selector nioSelector() {
        ManagedSelector managed = selector;
        return managed == null ? null : managed.getSelector();
    }
}
