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
 */
final class LazyDataSource implements DataSource {
    private final Database db;
    private final long poolTimeoutNanos;

    LazyDataSource(Database db, Duration poolTimeout) {
        this.db = db;
        this.poolTimeoutNanos = poolTimeout.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariDataSource pool = db.pool();
        long start = System.nanoTime();
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException e) {
                if (e.getCause() != null || pool.isClosed()) {
                    throw e; // a connection attempt failed: the database is down, answered now
                }
                long waited = System.nanoTime() - start;
                if (waited >= poolTimeoutNanos) {
                    throw saturated(pool, Duration.ofNanos(waited), e);
                }
            }
        }
    }

    private static PoolSaturated saturated(HikariDataSource pool, Duration waited, SQLException last) {
        HikariPoolMXBean numbers = pool.getHikariPoolMXBean();
        return numbers == null ? new PoolSaturated(-1, -1, -1, pool.getMaximumPoolSize(), waited, last)
                : new PoolSaturated(numbers.getActiveConnections(), numbers.getIdleConnections(),
                numbers.getThreadsAwaitingConnection(), pool.getMaximumPoolSize(), waited, last);
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
