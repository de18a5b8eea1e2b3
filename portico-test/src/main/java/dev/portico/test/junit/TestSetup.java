package dev.portico.test.junit;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.test.MutableClock;
import dev.portico.test.PorticoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link PorticoTest} class's {@link App} method builds its application from: the class's clock and database,
 * a configuration builder set to them, and hooks for the clients and resources of the class.
 */
public final class TestSetup {
    private final MutableClock clock;
    private final Consumer<PorticoConfig.Builder> database;
    private final String databaseUrl;
    private final List<Consumer<PorticoClient>> clientDefaults = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    TestSetup(MutableClock clock, Consumer<PorticoConfig.Builder> database, String databaseUrl) {
        this.clock = clock;
        this.database = database;
        this.databaseUrl = databaseUrl;
    }

    /** The clock of the class's configuration, at the time the class started until a test moves it. */
    public MutableClock clock() {
        return clock;
    }

    /** The JDBC URL of the class's database, if it has one. */
    public Optional<String> databaseUrl() {
        return Optional.ofNullable(databaseUrl);
    }

    /**
     * A new configuration builder: Portico's defaults with the class's clock, {@code server.host} 127.0.0.1 and
     * {@code server.port} 0 (a free port, for {@code overTheWire}), and, with a database, {@code database.url},
     * {@code database.user} and {@code database.migrate-on-start=true}. Never reads files or the environment, so a
     * developer's {@code portico.properties} cannot change a test.
     */
    public PorticoConfig.Builder config() {
        PorticoConfig.Builder builder = PorticoConfig.builder()
                .clock(clock)
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0);
        database.accept(builder);
        return builder;
    }

    /** Applied to every client the class's tests receive: {@code c -> c.impersonation(accounts.jwt())}. */
    public TestSetup clients(Consumer<PorticoClient> defaults) {
        clientDefaults.add(defaults);
        return this;
    }

    /** Closed after the class, after the application stops, last given first. */
    public <T extends AutoCloseable> T closeAfterAll(T resource) {
        resources.add(resource);
        return resource;
    }

    PorticoClient configure(PorticoClient client) {
        clientDefaults.forEach(c -> c.accept(client));
        return client;
    }

    List<AutoCloseable> resources() {
        return resources;
    }
}
