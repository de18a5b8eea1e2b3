package dev.portico;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.util.List;
import java.util.function.Supplier;

/**
 * A part of an application installed in one call, as a Django app listed in {@code INSTALLED_APPS} or a Javalin
 * plugin: it brings its settings, its management commands, and, when installed, its endpoints, authenticators,
 * health checks, migrations and start/stop tasks.
 * <pre>{@code
 * Database db = Database.lazy(config);
 * AuthModule auth = AuthModule.create(db);
 * Portico.builder().config(config)
 *         .install(db)                           // database.*, migrate, /ready's check, open on start
 *         .install(auth)                         // auth.*, mail.*, createuser, apikey, the /auth/ endpoints
 *         .authenticators(auth.callers());
 * }</pre>
 * {@link Portico.Builder#install} registers {@link #settings()} on the application's configuration before it calls
 * {@link #install(Portico.Builder)}, and {@code Manage} adds {@link #commands} to {@code ./manage}: an installed
 * module's setting or command cannot be forgotten. A module's own settings class marks its settings with
 * {@link Setting#broughtBy}, so reading one where the module is not installed names the call that installs it.
 */
public interface Module {

    /** How messages name the module: the call that makes it, such as {@code AuthModule.create(db)}. */
    String name();

    /** The settings the module reads; registered on the application's configuration when it is installed. */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /**
     * The module's management commands (picocli {@code @Command} objects), such as {@code createuser}; each reads
     * the configuration from {@code config} when it runs. {@code Manage} adds them to {@code ./manage}.
     */
    default List<Object> commands(Supplier<PorticoConfig> config) {
        return List.of();
    }

    /**
     * Adds what the module serves to the application: endpoints, authenticators, health checks, start and stop
     * tasks, migrations (on the database the module was given), and, with an admin, its registrations.
     * Called once, by {@link Portico.Builder#install}, after the module's settings are registered.
     */
    void install(Portico.Builder app);
}
