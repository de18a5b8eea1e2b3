package dev.portico.data;

import dev.portico.config.PorticoConfig;
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
import java.util.function.Consumer;
import java.util.stream.Stream;

/** One empty database for one test: an H2 file in a temporary folder, or a fresh PostgreSQL schema. */
public final class TestDatabase implements AutoCloseable {
    /** The real server; {@code -Dportico.test.postgresql=URL} points elsewhere (to try the skip rules). */
    static final String PG_SERVER =
            System.getProperty("portico.test.postgresql", "jdbc:postgresql://127.0.0.1:5432/test");

    static final String PG_USER = "postgres";

    private final String name;
    private final String url;
    private final String user;
    private final Runnable cleanup;

    private TestDatabase(String name, String url, String user, Runnable cleanup) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.cleanup = cleanup;
    }

    /** An H2 file database, with the embedded default's options, in a new temporary folder. */
    public static TestDatabase h2() throws IOException {
        Path dir = Files.createTempDirectory("portico-h2-");
        return new TestDatabase("h2", h2Url(dir), "", () -> delete(dir));
    }

    /** The embedded default URL, with its file moved into {@code dir}. */
    static String h2Url(Path dir) {
        return DatabaseSettings.EMBEDDED_URL.replace(
                "./data/portico", dir.resolve("db").toString());
    }

    /** A new schema in database {@code test}, dropped with everything in it on close. */
    public static TestDatabase postgresql() throws SQLException {
        String schema = "portico_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        execute("create schema " + schema);
        return new TestDatabase("postgresql", PG_SERVER + "?currentSchema=" + schema, PG_USER, () -> {
            try {
                execute("drop schema " + schema + " cascade");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Why PostgreSQL cannot be used, or null when it can. */
    public static String postgresqlUnreachable() {
        try (Connection c = DriverManager.getConnection(PG_SERVER, PG_USER, "")) {
            return c.isValid(5) ? null : "PostgreSQL at " + PG_SERVER + " does not answer";
        } catch (SQLException e) {
            return "PostgreSQL at " + PG_SERVER + " as " + PG_USER + " is unreachable: " + e.getMessage();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_SERVER, PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public String name() {
        return name;
    }

    String url() {
        return url;
    }

    boolean embedded() {
        return name.equals("h2");
    }

    /** A configuration on this database, with the test's own settings on top. */
    public PorticoConfig config(Consumer<PorticoConfig.Builder> more) {
        PorticoConfig.Builder builder = DatabaseSettings.register(PorticoConfig.builder())
                .set(DatabaseSettings.URL, url)
                .set(DatabaseSettings.USER, user);
        more.accept(builder);
        return builder.buildForModules(); // the app's modules register theirs; Portico's build() refuses unknown keys
    }

    PorticoConfig config() {
        return config(b -> {});
    }

    @Override
    public void close() {
        cleanup.run();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
