package dev.portico.examples.blog;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The databases the example's tests run on, as portico-data's tests do: an H2 file in a temporary folder
 * (never the repository's {@code ./data}), or a fresh schema on the PostgreSQL at
 * {@code -Dportico.test.postgresql} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres).
 */
record BlogDatabases(String name, String url, String user, Runnable cleanup) implements AutoCloseable {
    static final String PG_SERVER = System.getProperty("portico.test.postgresql", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = "postgres";

    /** The configuration builder every test of the example starts from: Portico's settings and the database's. */
    static PorticoConfig.Builder config() {
        return DatabaseSettings.register(PorticoConfig.builder());
    }

    /** The embedded default's URL with its file moved into {@code dir}. */
    static String h2Url(Path dir) {
        return DatabaseSettings.EMBEDDED_URL.replace("./data/portico", dir.resolve("portico").toString());
    }

    static BlogDatabases h2() throws IOException {
        Path dir = Files.createTempDirectory("portico-blog-");
        return new BlogDatabases("h2", h2Url(dir), "", () -> delete(dir));
    }

    static BlogDatabases postgresql() throws SQLException {
        String schema = "blog_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute("create schema " + schema);
        return new BlogDatabases("postgresql", PG_SERVER + "?currentSchema=" + schema, PG_USER, () -> {
            try {
                execute("drop schema " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Why PostgreSQL cannot be used, or null when it can. */
    static String postgresqlUnreachable() {
        try (Connection c = DriverManager.getConnection(PG_SERVER, PG_USER, "")) {
            return c.isValid(5) ? null : "PostgreSQL at " + PG_SERVER + " does not answer";
        } catch (SQLException e) {
            return "PostgreSQL at " + PG_SERVER + " as " + PG_USER + " is unreachable: " + e.getMessage();
        }
    }

    /** A configuration on this database, served on a free loopback port, migrated on start. */
    PorticoConfig serverConfig() {
        return config().set(Settings.SERVER_HOST, "127.0.0.1").set(Settings.SERVER_PORT, 0)
                .set(DatabaseSettings.URL, url).set(DatabaseSettings.USER, user)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE).build();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_SERVER, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
