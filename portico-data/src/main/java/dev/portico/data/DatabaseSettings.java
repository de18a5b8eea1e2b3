package dev.portico.data;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.util.List;

/**
 * The {@code database.*} settings. They live here, not in core's {@code Settings}, because core never knows
 * about optional modules; the {@link Database} registers them on its configuration when it is made, so they load,
 * validate and print like Portico's own.
 */
public final class DatabaseSettings {

    /**
     * The embedded default: an H2 file under {@code data/} of the working directory, so the example keeps
     * its data across restarts. {@code AUTO_SERVER=TRUE} is H2's mixed mode: the first process opens the file
     * and serves it over a loopback TCP port written into the lock file, so {@code ./manage migrate} works
     * while the app runs, as Django's commands do with SQLite. {@code MODE=PostgreSQL} with lower-case
     * identifiers and nulls sorted last makes H2 read and order SQL the way PostgreSQL does, so one migration
     * file and one generated query serve both databases.
     */
    public static final String EMBEDDED_URL = "jdbc:h2:file:./data/portico;AUTO_SERVER=TRUE;MODE=PostgreSQL;"
            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public static final Setting<String> URL = Setting.string(
            "database.url",
            EMBEDDED_URL,
            "JDBC URL: H2 file under ./data by default; jdbc:postgresql://host:5432/name for PostgreSQL.");
    public static final Setting<String> USER = Setting.string(
            "database.user",
            "",
            "Database user; empty for H2's default or the driver's (PostgreSQL: the operating-system user).");
    public static final Setting<String> PASSWORD =
            Setting.secret("database.password", "", "Database password; masked by --print-config and never logged.");
    public static final Setting<Integer> POOL_SIZE = Setting.integer(
            "database.pool-size", 10, "Most open connections in the pool; a request waits for a free one past it.");
    public static final Setting<java.time.Duration> CONNECTION_TIMEOUT = Setting.duration(
            "database.connection-timeout",
            java.time.Duration.ofSeconds(1),
            "How long a request waits for the database to give the pool a connection (HikariCP's connectionTimeout, "
                    + "at least 250ms): a database that is down is answered 503 service_unavailable after this long.");
    public static final Setting<java.time.Duration> POOL_TIMEOUT = Setting.duration(
            "database.pool-timeout",
            java.time.Duration.ofSeconds(5),
            "How long a request waits for a connection while all are busy (the database answering); past it, "
                    + "503 server_busy with Retry-After. Under proxies' 30-60 s, above a burst's queue.");
    public static final Setting<MigrateOnStart> MIGRATE_ON_START = Setting.choice(
            "database.migrate-on-start",
            MigrateOnStart.class,
            MigrateOnStart.AUTO,
            "Apply pending migrations when the app starts: auto (yes for the embedded H2, no otherwise), true or"
                    + " false.");
    public static final Setting<String> MIGRATIONS = Setting.string(
            "database.migrations",
            "db/migration",
            "Where the migration SQL files are: a classpath folder, or filesystem:/a/folder.");

    /** Every database setting, in documentation order. */
    public static final List<Setting<?>> ALL = Setting.broughtBy(
            "install(Database.lazy(config))",
            URL,
            USER,
            PASSWORD,
            POOL_SIZE,
            CONNECTION_TIMEOUT,
            POOL_TIMEOUT,
            MIGRATE_ON_START,
            MIGRATIONS);

    private DatabaseSettings() {}

    /** Registers every database setting ahead of a {@link Database}, for a tool that reads them without one. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }

    /**
     * Whether to migrate on start. {@code AUTO} is the default because the two cases want opposite answers:
     * a developer's embedded database should just work, while a shared server is migrated on purpose, by
     * the {@code migrate} command in a deployment step, never by whichever replica starts first.
     */
    public enum MigrateOnStart {
        /** Yes for an embedded H2 database, no for any other. */
        AUTO,
        /** Always. */
        TRUE,
        /** Never: run {@code migrate}. */
        FALSE;

        /** The answer for a database that is, or is not, embedded. */
        public boolean migrates(boolean embedded) {
            return this == TRUE || this == AUTO && embedded;
        }
    }
}
