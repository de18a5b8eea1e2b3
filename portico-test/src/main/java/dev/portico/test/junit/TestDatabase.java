package dev.portico.test.junit;

/** The database a {@link PorticoTest} class runs on. */
public enum TestDatabase {
    /** No database: {@code database.*} is left alone. */
    NONE,
    /** A fresh H2 database in memory. */
    H2,
    /**
     * A fresh schema on the PostgreSQL at {@code -Dportico.test.postgresql} (default 127.0.0.1:5432, database
     * {@code test}); when it cannot be reached the class is skipped with the reason, unless {@code CI=true}, where it
     * fails.
     */
    POSTGRESQL
}
