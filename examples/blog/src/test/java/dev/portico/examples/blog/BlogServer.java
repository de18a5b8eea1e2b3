package dev.portico.examples.blog;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;

/**
 * The example running on a test database over a real socket ({@link BlogDatabases#serverConfig}); closing it stops
 * the app and drops the database.
 */
final class BlogServer implements AutoCloseable {
    final BlogDatabases database;
    final PorticoConfig config;
    final Portico app;

    private BlogServer(BlogDatabases database) {
        this.database = database;
        this.config = database.serverConfig();
        this.app = BlogApp.app(config).shutdownHook(false).build().start();
    }

    /** Starts the app on {@code database}, which it closes when it is closed. */
    static BlogServer start(BlogDatabases database) {
        try {
            return new BlogServer(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            database.close();
        }
    }
}
