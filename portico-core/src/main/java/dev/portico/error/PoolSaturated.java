package dev.portico.error;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * No pool connection came free in time while the database itself answers: every connection is busy with other
 * requests. Not an outage, so {@link DependencyFailure} answers it 503 {@code server_busy} (the outage is
 * {@code service_unavailable}) and logs the pool's numbers, which say whether the pool is too small or the queries
 * too slow. A JDBC exception so it travels through JDBI and HikariCP's wrapping like any connection failure.
 */
public final class PoolSaturated extends SQLTransientConnectionException {
    private final int active;
    private final int idle;
    private final int waiting;
    private final int max;
    private final Duration waited;

    /** The pool's numbers when the request gave up, after waiting {@code waited}. */
    public PoolSaturated(int active, int idle, int waiting, int max, Duration waited, Throwable cause) {
        super(
                "the connection pool is saturated: no connection came free within " + waited.toMillis() + " ms "
                        + "(active=" + active + ", idle=" + idle + ", waiting=" + waiting + ", max=" + max + ")",
                cause);
        this.active = active;
        this.idle = idle;
        this.waiting = waiting;
        this.max = max;
        this.waited = waited;
    }

    /** Connections in use. */
    public int active() {
        return active;
    }

    /** Connections open and free (at the moment the request gave up). */
    public int idle() {
        return idle;
    }

    /** Requests waiting for a connection. */
    public int waiting() {
        return waiting;
    }

    /** The pool's size ({@code database.pool-size}). */
    public int max() {
        return max;
    }

    /** How long the request waited. */
    public Duration waited() {
        return waited;
    }
}
