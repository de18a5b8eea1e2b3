package dev.portico.data;

import dev.portico.config.PorticoConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate}: applies the pending migrations and prints each one applied; {@code migrate --info} lists
 * every migration, applied and pending, and changes nothing. Django's {@code migrate} and
 * {@code showmigrations}. Exit code 0 on success, 1 when the database is unreachable or a migration fails.
 * It works while the application runs on the embedded database, because H2's {@code AUTO_SERVER} lets a
 * second process open the same file. The application registers it with its management commands:
 * <pre>{@code
 * Manage manage = Manage.create(BlogApp::app).settings(DatabaseSettings::register);
 * manage.command(MigrateCommand.create(manage::config)).run(args);
 * }</pre>
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply pending database migrations (database.migrations) and list what was applied.")
public final class MigrateCommand implements Callable<Integer> {
    private final Supplier<PorticoConfig> config;
    private final MigrationSet[] modules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--info", description = "List every migration, applied and pending; change nothing.")
    boolean info;

    private MigrateCommand(Supplier<PorticoConfig> config, MigrationSet[] modules) {
        this.config = config;
        this.modules = modules.clone();
    }

    /**
     * The command, reading the configuration when it runs (so {@code --help} needs no database); {@code modules}
     * are the same migration sets the application gives {@link Database#lazy}.
     */
    public static MigrateCommand create(Supplier<PorticoConfig> config, MigrationSet... modules) {
        return new MigrateCommand(config, modules);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = Database.connect(config.get(), modules)) {
            if (info) {
                printInfo(db, out);
            } else {
                migrate(db, out);
            }
            return 0;
        } catch (DatabaseUnavailable | Migrations.MigrationFailed e) {
            err.println("migrate: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Applies the pending migrations with a line for each the moment it is done, with its time, so a long run shows
     * how far it is (the header says how many to expect); a summary line with the total time ends it.
     */
    private static void migrate(Database db, PrintWriter out) {
        int pending = db.migrations().pending().size();
        if (pending == 0) {
            out.println("No migrations to apply to " + db.url() + ".");
            return;
        }
        out.println("Applying " + pending + " migration(s) to " + db.url() + ":");
        out.flush();
        long start = System.nanoTime();
        List<Migration> applied = db.migrations().migrate((name, took) -> {
            out.println("  " + name + " (" + took.toMillis() + " ms)");
            out.flush();
        });
        out.println("Applied " + applied.size() + " migration(s) to " + db.url() + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms.");
    }

    private static void printInfo(Database db, PrintWriter out) {
        List<Migration> all = db.migrations().all();
        out.println("Migrations in " + String.join(", ", db.migrations().locations()) + " for " + db.url() + ":");
        if (all.isEmpty()) {
            out.println("  (none)");
        }
        for (Migration m : all) {
            out.println(String.format(
                            "  %-8s %-40s %s",
                            m.state(),
                            m.name(),
                            m.installedOn().map(t -> "applied " + t).orElse(""))
                    .stripTrailing());
        }
    }
}
