package dev.portico.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure of a dependency, rather than of the code, becomes 503 instead of 500: the database
 * is down or restarting, or no pool connection came free within {@code database.connection-timeout}. A client can
 * retry those (with {@code Retry-After: 1}); a 500 would say the server is broken, and page someone for a restart
 * that the database's return fixes by itself.
 *
 * <p>Recognised, anywhere in the cause chain (JDBI and HikariCP wrap the driver's exception): JDBC's
 * {@link SQLTransientConnectionException} (HikariCP's "connection is not available, request timed out") and
 * {@link SQLNonTransientConnectionException}, and any {@link SQLException} whose SQLState is of class {@code 08}
 * (connection exception, the SQL standard's) or {@code 57P0x} (PostgreSQL: the server is shutting down, crashed or
 * not accepting connections yet). Standard JDBC only, so core knows no driver. Each outage is logged once, then at
 * most every ten seconds, never once per request.
 *
 * <p>A saturated pool ({@link PoolSaturated}: every connection busy, the database fine) is not an outage: 503
 * {@code server_busy}, also with {@code Retry-After: 1}, and its own log line with the pool's numbers.
 */
public final class DependencyFailure {
    private static final Logger LOG = LoggerFactory.getLogger(DependencyFailure.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong LAST_LOG = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private static final AtomicLong LAST_SATURATED_LOG = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private static final int MAX_DEPTH = 20;

    private DependencyFailure() {}

    /** The 503 to answer when {@code failure} is a dependency's, else empty (a bug, answered 500). */
    public static Optional<ApiException> of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoolSaturated saturated) {
                logSaturated(saturated);
                return Optional.of(new ApiException(503, "server_busy", "The server is busy; try again shortly.")
                        .withHeader("Retry-After", "1"));
            }
            if (isConnectionFailure(t)) {
                logOutage(t);
                return Optional.of(new ServiceUnavailable().withHeader("Retry-After", "1"));
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P0");
        }
        return false;
    }

    private static void logSaturated(PoolSaturated pool) {
        long now = System.nanoTime();
        long last = LAST_SATURATED_LOG.get();
        if (now - last >= LOG_EVERY_NANOS && LAST_SATURATED_LOG.compareAndSet(last, now)) {
            LOG.warn(
                    "the database connection pool is saturated, answering 503 server_busy: active={}, idle={},"
                        + " waiting={}, max={}; a request waited {} ms (database.pool-timeout); the database answers,"
                        + " so raise database.pool-size if it has room, or make the queries shorter",
                    pool.active(),
                    pool.idle(),
                    pool.waiting(),
                    pool.max(),
                    pool.waited().toMillis());
        }
    }

    private static void logOutage(Throwable cause) {
        long now = System.nanoTime();
        long last = LAST_LOG.get();
        if (now - last >= LOG_EVERY_NANOS && LAST_LOG.compareAndSet(last, now)) {
            LOG.warn("the database is unavailable, answering 503: {}", cause.toString());
        }
    }
}
