package dev.portico.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import dev.portico.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's database: a HikariCP pool, the Flyway migrations and a JDBI handle on the pool, built
 * from the {@code database.*} settings ({@link DatabaseSettings}, registered on the configuration by the database
 * itself). Create it once, install it, and give it to the endpoints that need it:
 * <pre>{@code
 * static Portico.Builder app(PorticoConfig config) {
 *     Database db = Database.lazy(config);        // connects nothing yet: schema needs no database
 *     return Portico.builder().config(config)
 *             .install(db)                         // opens (and migrates) on start, closes on stop, /ready checks it
 *             .controller(new Posts(db.jdbi()));
 * }
 * }</pre>
 * As a {@link Module} it brings the {@code database.*} settings, the {@code migrate} command, and {@code /ready}'s
 * check; other modules given it add their migrations ({@link #migrations}).
 * Startup fails loudly: an unreachable database or a failing migration throws with a message that names the
 * setting to check, and leaves no pool open behind it.
 */
public final class Database implements AutoCloseable, Module {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final PorticoConfig config;
    private final List<MigrationSet> modules; // guarded by this; only added to before open
    private final boolean migrateOnOpen;
    private final String url;
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private volatile Open open;
    private boolean closed;
    private com.zaxxer.hikari.metrics.MetricsTrackerFactory poolMetrics;

    /** The pool and the migrations on it, made by {@link #open()}. */
    private record Open(HikariDataSource pool, Migrations migrations) {}

    private Database(PorticoConfig config, List<MigrationSet> modules, boolean migrateOnOpen) {
        this.config = config;
        this.modules = new ArrayList<>(modules);
        this.migrateOnOpen = migrateOnOpen;
        this.url = redacted(config.get(DatabaseSettings.URL));
        this.dataSource = new LazyDataSource(
                this, config.get(DatabaseSettings.POOL_TIMEOUT), config.get(DatabaseSettings.POOL_SIZE));
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects and, when {@code database.migrate-on-start} says so (by default: for the embedded H2), applies
     * the pending migrations: what an application does at startup.
     *
     * @throws DatabaseUnavailable when the database cannot be reached, naming {@code database.url}
     * @throws Migrations.MigrationFailed when a migration fails, naming the file and {@code database.migrations}
     */
    public static Database create(PorticoConfig config, MigrationSet... modules) {
        return lazy(config, modules).open();
    }

    /**
     * The database, not connected yet: it connects (and migrates as {@link #create} does) on {@link #open()}
     * or on the first use of its connections, whichever comes first. An application declares its resources on
     * it while it is built, and opens it when it starts, so commands that only build the application, such as
     * {@code schema}, never connect:
     * <pre>{@code
     * Database db = Database.lazy(config);
     * app.onStart(db::open).onStop(db);
     * }</pre>
     * {@code modules} are the migration sets of the modules the application uses (their tables come first).
     */
    public static Database lazy(PorticoConfig config, MigrationSet... modules) {
        config.register(DatabaseSettings.ALL.toArray(Setting<?>[]::new)); // a database cannot forget its settings
        return new Database(
                config,
                List.of(modules),
                config.get(DatabaseSettings.MIGRATE_ON_START)
                        .migrates(config.get(DatabaseSettings.URL).startsWith("jdbc:h2:")));
    }

    /** Connects without migrating: for commands such as {@code migrate} that decide themselves. */
    public static Database connect(PorticoConfig config, MigrationSet... modules) {
        config.register(DatabaseSettings.ALL.toArray(Setting<?>[]::new));
        return new Database(config, List.of(modules), false).open();
    }

    /**
     * Connects, and migrates when this database was made to, unless done already; returns this database.
     *
     * @throws DatabaseUnavailable when the database cannot be reached, naming {@code database.url}
     * @throws Migrations.MigrationFailed when a migration fails; the pool is then closed again
     * @throws IllegalStateException once closed
     */
    public Database open() {
        opened();
        return this;
    }

    private Open opened() {
        Open o = open;
        if (o != null) {
            return o;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(this + " is closed");
            }
            if (open == null) {
                open = connectAndMigrate();
            }
            return open;
        }
    }

    /**
     * Where the pool reports its metrics (connections active, idle, pending, acquire and usage times), such as
     * Hikari's {@code new MicrometerMetricsTrackerFactory(registry)}: a Hikari type, so this module needs no metrics
     * library. Set it while the application is built; the pool takes it when it opens.
     *
     * @throws IllegalStateException once the database is open
     */
    public synchronized Database poolMetrics(com.zaxxer.hikari.metrics.MetricsTrackerFactory factory) {
        if (open != null) {
            throw new IllegalStateException(
                    this + " is open already: set poolMetrics(...) before open(), while the " + "application is built");
        }
        this.poolMetrics = java.util.Objects.requireNonNull(factory, "factory");
        return this;
    }

    private Open connectAndMigrate() {
        HikariDataSource pool = pool(config, poolMetrics);
        Open o = new Open(pool, new Migrations(pool, config.get(DatabaseSettings.MIGRATIONS), List.copyOf(modules)));
        if (migrateOnOpen) {
            try {
                List<Migration> applied = o.migrations().migrate();
                if (!applied.isEmpty()) {
                    LOG.info(
                            "applied {} migration(s) to {}: {}",
                            applied.size(),
                            url,
                            applied.stream().map(Migration::name).toList());
                }
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        return o;
    }

    private static HikariDataSource pool(
            PorticoConfig config, com.zaxxer.hikari.metrics.MetricsTrackerFactory metrics) {
        String url = config.get(DatabaseSettings.URL);
        HikariConfig pool = new HikariConfig();
        if (metrics != null) {
            pool.setMetricsTrackerFactory(metrics);
        }
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
        // a request waits this long for a connection, then is answered 503 (DependencyFailure): a database that is
        // down or overloaded costs a client about a second, never HikariCP's default 30 s
        long timeout =
                Math.max(250, config.get(DatabaseSettings.CONNECTION_TIMEOUT).toMillis());
        pool.setConnectionTimeout(timeout);
        pool.setValidationTimeout(Math.max(250, timeout / 2));
        // one attempt at startup: an unreachable database fails now, not at the first request
        pool.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.at(redacted(url), user, e);
        }
    }

    /** Whether {@link #open()} has connected (and the pool is not closed since). */
    public boolean isOpen() {
        Open o = open;
        return o != null && !o.pool().isClosed();
    }

    /** The JDBI handle for queries and mapping, on the pool; its first use opens the database. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The configuration the database was made with: modules given the database read their settings from it. */
    public PorticoConfig config() {
        return config;
    }

    /** The clock of the configuration ({@link PorticoConfig#clock()}): rows' {@code created_at} and {@code updated_at}. */
    public java.time.Clock clock() {
        return config.clock();
    }

    /**
     * The pool, for code that wants plain JDBC: a view that opens the database on its first
     * {@code getConnection()}, so it can be handed out while the application is built.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The pool itself, opening the database if needed. */
    HikariDataSource pool() {
        return opened().pool();
    }

    /** The migrations, to apply or list them; opens the database. */
    public Migrations migrations() {
        return opened().migrations();
    }

    /** The JDBC URL with any password in it masked, safe to print. */
    public String url() {
        return url;
    }

    /**
     * Adds the migration sets of a module using this database, such as {@code Accounts.MIGRATIONS}: what a module
     * installed with this database does, so its tables exist when the database opens. A set added twice counts once.
     *
     * @throws IllegalStateException once the database is open
     */
    public synchronized Database migrations(MigrationSet... sets) {
        if (open != null) {
            throw new IllegalStateException(this + " is open already: add migrations while the application is built");
        }
        for (MigrationSet set : sets) {
            if (!modules.contains(set)) {
                modules.add(set);
            }
        }
        return this;
    }

    /** The migration sets of the modules using this database, in the order they were added. */
    public synchronized List<MigrationSet> migrationSets() {
        return List.copyOf(modules);
    }

    @Override
    public String name() {
        return "Database.lazy(config)";
    }

    @Override
    public List<Setting<?>> settings() {
        return DatabaseSettings.ALL;
    }

    /** {@code migrate}, with the migration sets every installed module added. */
    @Override
    public List<Object> commands(Supplier<PorticoConfig> config) {
        return List.of(MigrateCommand.create(config, migrationSets().toArray(MigrationSet[]::new)));
    }

    /**
     * Opens (and migrates, as {@code database.migrate-on-start} says) on start, while the application is built when
     * it is built to start ({@link Portico.Builder#onStartConcurrent}: the migration sets and the pool's metrics are
     * declared by then); closes on stop; checked by /ready.
     */
    @Override
    public void install(Portico.Builder app) {
        app.onStartConcurrent(this::open).onStop(this).healthCheck(healthCheck());
    }

    /**
     * Whether the database lives inside this process, an H2 database in memory or in a file, as on a developer's
     * machine; an H2 server ({@code jdbc:h2:tcp:}, {@code ssl:}) or any other database is not.
     */
    public boolean inProcess() {
        return inProcess(config.get(DatabaseSettings.URL));
    }

    /** Whether the database is an H2 database in memory, whose data dies with the process. */
    public boolean inMemory() {
        return config.get(DatabaseSettings.URL).startsWith("jdbc:h2:mem:");
    }

    /** Whether {@code url} names an H2 database inside this process: in memory or a file, never a server. */
    static boolean inProcess(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        // mem: and file: by name; ./x, ~/x, /x and x are files too; tcp:, ssl: and any other prefix are not
        return path.startsWith("mem:") || path.startsWith("file:") || !path.contains(":");
    }

    /** Whether this is the embedded H2 database rather than a server. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }

    /**
     * Whether the database answers now, for a readiness check: borrows a connection (waiting at most
     * {@code database.connection-timeout}) and validates it with the driver's cheapest round trip.
     * Never throws; false once closed.
     */
    public boolean ping() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * This database as {@code /ready}'s check named {@code database}: {@code app.healthCheck(db.healthCheck())}.
     * A database not opened yet counts as down rather than being opened by a poll.
     */
    public HealthCheck healthCheck() {
        return HealthCheck.of("database", () -> isOpen() && ping());
    }

    /** Whether {@link #close()} has run. */
    public synchronized boolean closed() {
        return closed || open != null && open.pool().isClosed();
    }

    /**
     * Closes the pool and every connection in it; an embedded H2 database is then closed and unlocked. A
     * database never opened just becomes closed, without connecting.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (open != null) {
            open.pool().close();
        }
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
