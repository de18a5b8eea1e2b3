package dev.portico.data;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.portico.error.PoolSaturated;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link DataSource} a {@link Database} hands out before it is open: every call opens the database (once)
 * and goes to its pool, so resources built with it connect at the application's start, not at its build.
 *
 * <p>It also tells a saturated pool from an outage. HikariCP gives up on a connection after
 * {@code database.connection-timeout} either way; when it failed to connect meanwhile (its exception's cause), the
 * database is down and that is answered at once, as before. Otherwise every connection was busy with the database
 * answering, so the request waits again, up to {@code database.pool-timeout} in all, and then throws
 * {@link PoolSaturated} with the pool's numbers.
 *
 * <p>Requests take their turns at the pool in arrival order (a fair semaphore with a permit per connection, given back
 * when the connection is closed): HikariCP lets a newcomer take a connection returned while others wait, so under 256
 * concurrent requests a few starved past the pool timeout while the mean wait was 0.1 s. A request given its turn
 * within a second of a failed connection attempt is answered at once, so an outage is still answered at the connection
 * timeout.
 */
final class LazyDataSource implements DataSource {
    /** A failed connection attempt this recent means the database is down: waiters answer at once. */
    private static final long OUTAGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Database db;
    private final long poolTimeoutNanos;
    private final Semaphore turns;
    private volatile SQLTransientConnectionException outage;
    private volatile long outageAt;

    LazyDataSource(Database db, Duration poolTimeout, int poolSize) {
        this.db = db;
        this.poolTimeoutNanos = poolTimeout.toNanos();
        this.turns = new Semaphore(poolSize, true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariDataSource pool = db.pool();
        long start = System.nanoTime();
        awaitTurn(pool, start);
        try {
            return turnGivenBackOnClose(connect(pool, start));
        } catch (SQLException | RuntimeException e) {
            turns.release();
            throw e;
        }
    }

    /**
     * Waits for a turn, in arrival order, up to the pool timeout; then, if a connection attempt failed within the last
     * second, answers the outage at once. One wait per request: a waiter that gave up a slice of it to look for an
     * outage would rejoin the fair queue at its end (a timer and a wake-up each time, and its place lost), so an outage
     * reaches the waiters in turn instead: each turn handed on during one is refused and handed on again at once.
     */
    private void awaitTurn(HikariDataSource pool, long start) throws SQLException {
        try {
            if (!turns.tryAcquire(poolTimeoutNanos, TimeUnit.NANOSECONDS)) {
                throw saturated(pool, Duration.ofNanos(System.nanoTime() - start), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
        }
        SQLTransientConnectionException down = outage;
        if (down != null && System.nanoTime() - outageAt < OUTAGE_NANOS) {
            turns.release();
            throw new SQLTransientConnectionException("the database is unavailable", down);
        }
    }

    private Connection connect(HikariDataSource pool, long start) throws SQLException {
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException e) {
                if (e.getCause() != null || pool.isClosed()) {
                    outage = e;
                    outageAt = System.nanoTime();
                    throw e; // a connection attempt failed: the database is down, answered now
                }
                long waited = System.nanoTime() - start;
                if (waited >= poolTimeoutNanos) {
                    throw saturated(pool, Duration.ofNanos(waited), e);
                }
            }
        }
    }

    /** The connection, whose {@code close} also gives the turn back (once, however often it is called). */
    private Connection turnGivenBackOnClose(Connection connection) {
        return new TurnConnection(connection, turns::release);
    }

    /** The pool's numbers; the waiting ones are those in line for a turn and those HikariCP holds. */
    private PoolSaturated saturated(HikariDataSource pool, Duration waited, SQLException last) {
        HikariPoolMXBean numbers = pool.getHikariPoolMXBean();
        int inLine = turns.getQueueLength();
        return numbers == null
                ? new PoolSaturated(-1, -1, inLine, pool.getMaximumPoolSize(), waited, last)
                : new PoolSaturated(
                        numbers.getActiveConnections(),
                        numbers.getIdleConnections(),
                        inLine + numbers.getThreadsAwaitingConnection(),
                        pool.getMaximumPoolSize(),
                        waited,
                        last);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return db.pool().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return db.pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        db.pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        db.pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return db.pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return db.pool().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : db.pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || db.pool().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "LazyDataSource[" + db.url() + "]";
    }
}
