package dev.portico.examples.blog;

import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.TestDatabase;
import java.io.IOException;

/**
 * The database of the example's tests that start a real server (the wire tests; the rest use portico-test's
 * {@code @PorticoTest}), portico-data's {@link TestDatabase}: an H2 file in a temporary folder, never the
 * repository's {@code ./data}.
 */
final class BlogDatabases implements AutoCloseable {
    private final TestDatabase database;

    private BlogDatabases(TestDatabase database) {
        this.database = database;
    }

    /** The tests' token secret (the app refuses to sign without one outside the embedded database). */
    static final String TEST_JWT_SECRET = "test secret of the example's suite, 32+ bytes long";

    /**
     * Rates no suite reaches, so that a suite's requests from one address are never refused for their number;
     * BlogThrottleTest pins the example's own rates.
     */
    static PorticoConfig.Builder unthrottled(PorticoConfig.Builder builder) {
        return builder.set(Settings.THROTTLE_ANONYMOUS, "100000/min")
                .set(Settings.THROTTLE_AUTHENTICATED, "100000/min");
    }

    /** The configuration builder every test of the example starts from: Portico's settings and the database's. */
    static PorticoConfig.Builder config() {
        return unthrottled(BlogApp.settings(PorticoConfig.builder()).set(JwtSettings.SECRET, TEST_JWT_SECRET));
    }

    static BlogDatabases h2() throws IOException {
        return new BlogDatabases(TestDatabase.h2());
    }

    /** A configuration on this database, served on a free loopback port, migrated on start. */
    PorticoConfig serverConfig() {
        return serverConfig(b -> {});
    }

    /** {@link #serverConfig()} with {@code more} on top (environment variables, say). */
    PorticoConfig serverConfig(java.util.function.Consumer<PorticoConfig.Builder> more) {
        return database.config(b -> more.accept(unthrottled(BlogApp.settings(b))
                .set(JwtSettings.SECRET, TEST_JWT_SECRET)
                .set(AuthSettings.ARGON2_MEMORY, 1024)
                .set(AuthSettings.ARGON2_ITERATIONS, 1)
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)));
    }

    String name() {
        return database.name();
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return database.name();
    }
}
