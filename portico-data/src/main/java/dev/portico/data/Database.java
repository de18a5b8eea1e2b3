package dev.portico.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portico.config.PorticoConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's database: a HikariCP pool, the Flyway migrations and a JDBI handle on the pool, built
 * from the {@code database.*} settings ({@link DatabaseSettings}). Create it once, give it to the endpoints
 * that need it, and let the application close it when it stops:
 * <pre>{@code
 * static Portico.Builder app(PorticoConfig config) {
 *     Database db = Database.create(config);      // connects, and migrates if database.migrate-on-start says so
 *     return Portico.builder().config(config)
 *             .onStop(db)                          // the pool closes after the last request
 *             .controller(new Posts(db.jdbi()));
 * }
 * }</pre>
 * Startup fails loudly: an unreachable database or a failing migration throws with a message that names the
 * setting to check, and leaves no pool open behind it.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Migrations migrations;
    private final String url;

    private Database(HikariDataSource pool, String migrations, String url) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.migrations = new Migrations(pool, migrations);
        this.url = url;
    }

    /**
     * Connects and, when {@code database.migrate-on-start} says so (by default: for the embedded H2), applies
     * the pending migrations: what an application does at startup.
     *
     * @throws DatabaseUnavailable when the database cannot be reached, naming {@code database.url}
     * @throws Migrations.MigrationFailed when a migration fails, naming the file and {@code database.migrations}
     */
    public static Database create(PorticoConfig config) {
        Database db = connect(config);
        if (config.get(DatabaseSettings.MIGRATE_ON_START).migrates(db.embedded())) {
            try {
                List<Migration> applied = db.migrations.migrate();
                if (!applied.isEmpty()) {
                    LOG.info("applied {} migration(s) to {}: {}", applied.size(), db.url,
                            applied.stream().map(Migration::script).toList());
                }
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    /** Connects without migrating: for commands such as {@code migrate} that decide themselves. */
    public static Database connect(PorticoConfig config) {
        String url = config.get(DatabaseSettings.URL);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        String user = config.get(DatabaseSettings.USER);
        if (!user.isEmpty()) {
            pool.setUsername(user);
        }
        String password = config.get(DatabaseSettings.PASSWORD);
        if (!password.isEmpty()) {
            pool.setPassword(password);
        }
        pool.setMaximumPoolSize(config.get(DatabaseSettings.POOL_SIZE));
        pool.setPoolName("portico-db");
        // one attempt at startup: an unreachable database fails now, not at the first request
        pool.setInitializationFailTimeout(1);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.at(redacted(url), user, e);
        }
        return new Database(dataSource, config.get(DatabaseSettings.MIGRATIONS), redacted(url));
    }

    /** The JDBI handle for queries and mapping, on the pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool, for code that wants plain JDBC. */
    public DataSource dataSource() {
        return pool;
    }

    /** The migrations, to apply or list them. */
    public Migrations migrations() {
        return migrations;
    }

    /** The JDBC URL with any password in it masked, safe to print. */
    public String url() {
        return url;
    }

    /** Whether this is the embedded H2 database rather than a server. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /**
     * Whether the database answers now, for a readiness check: borrows a connection and validates it.
     * Never throws; false once closed.
     */
    public boolean ping() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@link #close()} has run. */
    public boolean closed() {
        return pool.isClosed();
    }

    /** Closes the pool and every connection in it; an embedded H2 database is then closed and unlocked. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + url + "]";
    }

    /** Masks {@code password=...} in a URL, because PostgreSQL URLs may carry one. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1********");
    }
}
