package dev.portico.data;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The application's migrations: versioned SQL files ({@code V1__create_posts.sql}) in
 * {@code database.migrations}, applied in order and recorded in the database's
 * {@code flyway_schema_history} table, so each is applied once. Flyway does the work; this class keeps its
 * API out of applications and commands.
 */
public final class Migrations {
    private final Flyway flyway;
    private final String location;

    Migrations(DataSource dataSource, String location) {
        this.location = qualified(location);
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(this.location)
                // a file that looks like a migration but is misnamed fails instead of being skipped in silence
                .validateMigrationNaming(true)
                // dropping every table is never one typo away
                .cleanDisabled(true)
                .load();
    }

    /** {@code db/migration} means the classpath; {@code filesystem:/x} and {@code classpath:x} are kept. */
    static String qualified(String location) {
        return location.contains(":") ? location : "classpath:" + location;
    }

    /** Where the migrations are read from, as Flyway names it ({@code classpath:db/migration}). */
    public String location() {
        return location;
    }

    /**
     * Applies the pending migrations, in version order, and returns those it applied (empty when the
     * database was up to date).
     *
     * @throws MigrationFailed naming the file and the database's error; what the failed file did is rolled
     *     back where the database can (PostgreSQL rolls back DDL, H2 does not)
     */
    public List<Migration> migrate() {
        try {
            java.util.Set<String> pending = pending().stream().map(Migration::script)
                    .collect(java.util.stream.Collectors.toSet());
            flyway.migrate();
            return all().stream().filter(m -> m.applied() && pending.contains(m.script())).toList();
        } catch (FlywayException e) {
            throw new MigrationFailed("migration failed (database.migrations = " + location + "): "
                    + e.getMessage().strip(), e);
        }
    }

    /** Every migration, applied and pending, in version order: what {@code migrate --info} prints. */
    public List<Migration> all() {
        try {
            return Arrays.stream(flyway.info().all()).map(Migration::of).toList();
        } catch (FlywayException e) {
            throw new MigrationFailed("cannot read migrations (database.migrations = " + location + "): "
                    + e.getMessage().strip(), e);
        }
    }

    /** The migrations not applied yet. */
    public List<Migration> pending() {
        return all().stream().filter(m -> m.state().equals("pending")).toList();
    }

    /** A migration could not be read or applied; the message names the file and {@code database.migrations}. */
    public static final class MigrationFailed extends RuntimeException {
        MigrationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
