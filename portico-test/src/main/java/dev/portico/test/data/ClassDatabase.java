package dev.portico.test.data;

import dev.portico.config.PorticoConfig;
import dev.portico.data.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One empty database for one test class: an H2 database in memory, with the embedded default's options (PostgreSQL
 * mode, lower-case names, nulls last), or a new schema on a real PostgreSQL, dropped with everything in it on close.
 * PostgreSQL is {@code -Dportico.test.postgresql} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code postgres} and no password unless {@code -Dportico.test.postgresql.user} and {@code .password} say otherwise),
 * the server portico-data's own suites use.
 */
public final class ClassDatabase implements AutoCloseable {
    /** The PostgreSQL server the schemas are made on. */
    public static final String POSTGRESQL =
            System.getProperty("portico.test.postgresql", "jdbc:postgresql://127.0.0.1:5432/test");

    private static final String PG_USER = System.getProperty("portico.test.postgresql.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("portico.test.postgresql.password", "");

    private final String kind;
    private final String url;
    private final String user;
    private final String password;
    private final String drop;

    private ClassDatabase(String kind, String url, String user, String password, String drop) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    /** A new H2 database in memory, kept until {@link #close()}. */
    public static ClassDatabase h2() {
        String name = "portico_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
        return new ClassDatabase("h2", url, "", "", "SHUTDOWN");
    }

    /**
     * A new schema on the PostgreSQL server.
     *
     * @throws IllegalStateException when the server cannot be reached, naming it and how to point elsewhere
     */
    public static ClassDatabase postgresql() {
        String schema = "portico_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try {
            execute(POSTGRESQL, PG_USER, PG_PASSWORD, "create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot make a schema on " + POSTGRESQL + " as " + PG_USER + ": " + e.getMessage()
                            + " (start PostgreSQL there, or set -Dportico.test.postgresql=URL)",
                    e);
        }
        String url = POSTGRESQL + (POSTGRESQL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new ClassDatabase("postgresql", url, PG_USER, PG_PASSWORD, "drop schema " + schema + " cascade");
    }

    /** Why PostgreSQL cannot be used, or null when it can. */
    public static String postgresqlUnreachable() {
        try (Connection c = DriverManager.getConnection(POSTGRESQL, PG_USER, PG_PASSWORD)) {
            return c.isValid(5) ? null : "PostgreSQL at " + POSTGRESQL + " does not answer";
        } catch (SQLException e) {
            return "PostgreSQL at " + POSTGRESQL + " as " + PG_USER + " is unreachable: " + e.getMessage();
        }
    }

    /** {@code h2} or {@code postgresql}. */
    public String kind() {
        return kind;
    }

    /** The JDBC URL. */
    public String url() {
        return url;
    }

    /** Sets {@code database.url}, {@code .user} and {@code .password} (registering the {@code database.*} settings). */
    public PorticoConfig.Builder configure(PorticoConfig.Builder builder) {
        return DatabaseSettings.register(builder)
                .set(DatabaseSettings.URL, url)
                .set(DatabaseSettings.USER, user)
                .set(DatabaseSettings.PASSWORD, password);
    }

    /** Drops the database: H2's is shut down, PostgreSQL's schema dropped. */
    @Override
    public void close() {
        try {
            execute(kind.equals("h2") ? url : POSTGRESQL, user, password, drop);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + url + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
