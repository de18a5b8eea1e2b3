package dev.portico.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The database's migrations: the modules' sets ({@link MigrationSet}), then the application's versioned SQL files
 * ({@code V1__create_posts.sql}) in {@code database.migrations}. Each set is applied in version order and recorded
 * in its own history table (the application's is Flyway's {@code flyway_schema_history}), so each file is applied
 * once. Flyway does the work; this class keeps its API out of applications and commands.
 */
public final class Migrations {
    private final List<Set> sets;

    /**
     * One location and its history table. Its Flyway is configured on first use: configuring one cost a command about
     * a twentieth of its start, and a command that needs one module's tables reads only that set.
     */
    private static final class Set {
        private final String module;
        private final String location;
        private final java.util.function.Supplier<Flyway> configure;
        private Flyway flyway; // guarded by this

        Set(String module, String location, java.util.function.Supplier<Flyway> configure) {
            this.module = module;
            this.location = location;
            this.configure = configure;
        }

        String module() {
            return module;
        }

        String location() {
            return location;
        }

        synchronized Flyway flyway() {
            if (flyway == null) {
                flyway = configure.get();
            }
            return flyway;
        }
    }

    /** Told of each migration as soon as it is applied, for a command's progress lines. */
    @FunctionalInterface
    public interface Progress {
        /** Tells nothing. */
        Progress NONE = (name, took) -> {};

        /** {@code name} ({@link Migration#name()}) was applied, in {@code took}. */
        void applied(String name, java.time.Duration took);
    }

    private volatile Progress progress = Progress.NONE;

    Migrations(DataSource dataSource, String location, List<MigrationSet> modules) {
        List<Set> sets = new ArrayList<>();
        for (MigrationSet m : modules) {
            sets.add(set(dataSource, m.module(), qualified(m.location()), m.historyTable()));
        }
        sets.add(set(dataSource, "", qualified(location), "flyway_schema_history"));
        this.sets = List.copyOf(sets);
    }

    private Set set(DataSource dataSource, String module, String location, String table) {
        return new Set(module, location, () -> flyway(dataSource, module, location, table));
    }

    private Flyway flyway(DataSource dataSource, String module, String location, String table) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .callbacks(new ProgressCallback(module, () -> progress))
                .dataSource(dataSource)
                .locations(location)
                .table(table)
                // the schema holds the other sets' tables: version 0 marks "nothing of this set applied yet"
                .baselineOnMigrate(true)
                .baselineVersion("0")
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

    /** Where the application's migrations are read from, as Flyway names it ({@code classpath:db/migration}). */
    public String location() {
        return sets.get(sets.size() - 1).location();
    }

    /** Every location, the modules' first, as Flyway names them. */
    public List<String> locations() {
        return sets.stream().map(Set::location).toList();
    }

    /**
     * Applies the pending migrations, the modules' sets first, each in version order, and returns those it applied
     * (empty when the database was up to date).
     *
     * @throws MigrationFailed naming the file and the database's error; what the failed file did is rolled
     *     back where the database can (PostgreSQL rolls back DDL, H2 does not)
     */
    public List<Migration> migrate() {
        return migrate(Progress.NONE);
    }

    /**
     * As {@link #migrate()}, telling {@code progress} of each migration the moment it is applied, so a long run shows
     * where it is. One run at a time per {@code Migrations}: the commands' case.
     */
    public synchronized List<Migration> migrate(Progress progress) {
        this.progress = progress;
        try {
            return migrateSets();
        } finally {
            this.progress = Progress.NONE;
        }
    }

    private List<Migration> migrateSets() {
        List<Migration> applied = new ArrayList<>();
        for (Set set : sets) {
            if (upToDate(set)) {
                continue;
            }
            java.util.Set<String> pending =
                    pending(set).stream().map(Migration::script).collect(java.util.stream.Collectors.toSet());
            try {
                set.flyway().migrate();
            } catch (FlywayException e) {
                throw new MigrationFailed(
                        "migration failed (" + where(set) + "): "
                                + e.getMessage().strip(),
                        e);
            }
            all(set).stream()
                    .filter(m -> m.applied() && pending.contains(m.script()))
                    .forEach(applied::add);
        }
        return applied;
    }

    /**
     * True when every migration of the set is applied and unchanged, from one Flyway validation: a start with nothing
     * to do reads the files and the history once, where reading what is pending, migrating and reading what was
     * applied did so three times (a tenth of the example's start-up). A set with nothing applied yet takes the full
     * path, which creates its history table; anything Flyway reports (a pending file, a changed checksum, an error)
     * too, and the migration reports it as before.
     */
    private static boolean upToDate(Set set) {
        try {
            ValidateResult result = set.flyway().validateWithResult();
            return result.validationSuccessful && result.validateCount > 0;
        } catch (FlywayException e) {
            return false;
        }
    }

    /** Every migration, applied and pending, the modules' first, in version order: what {@code migrate --info} prints. */
    public List<Migration> all() {
        List<Migration> all = new ArrayList<>();
        sets.forEach(set -> all.addAll(all(set)));
        return all;
    }

    private static List<Migration> all(Set set) {
        try {
            return Arrays.stream(set.flyway().info().all())
                    .filter(info -> !info.getType().isBaseline())
                    .map(info -> Migration.of(set.module(), info))
                    .toList();
        } catch (FlywayException e) {
            throw new MigrationFailed(
                    "cannot read migrations (" + where(set) + "): "
                            + e.getMessage().strip(),
                    e);
        }
    }

    private static String where(Set set) {
        return set.module().isEmpty()
                ? "database.migrations = " + set.location()
                : "module " + set.module() + ", " + set.location();
    }

    /** The migrations not applied yet. */
    public List<Migration> pending() {
        return all().stream().filter(m -> m.state().equals("pending")).toList();
    }

    /**
     * The migrations of {@code module} not applied yet, from that set's files and history alone: a command that
     * needs one module's tables reads one location, where {@link #pending()} reads every set (Flyway scans each
     * location's files on the classpath and reads its history table).
     *
     * @throws IllegalArgumentException when this database was not given {@code module}
     */
    public List<Migration> pending(MigrationSet module) {
        Set set = sets.stream()
                .filter(s -> s.module().equals(module.module()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the database was not given the migrations of module "
                        + module.module() + "; pass " + module.module() + "'s MigrationSet to Database.lazy(...)"));
        return pending(set);
    }

    private static List<Migration> pending(Set set) {
        return all(set).stream().filter(m -> m.state().equals("pending")).toList();
    }

    /** A migration could not be read or applied; the message names the file and {@code database.migrations}. */
    public static final class MigrationFailed extends RuntimeException {
        MigrationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
