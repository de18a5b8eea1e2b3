package dev.portico.auth.cli;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.User;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseUnavailable;
import dev.portico.data.Migration;
import dev.portico.error.ValidationFailed;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * What the accounts commands share: open the accounts as {@code migrate} opens the database (connect,
 * never migrate), refuse to run on unmigrated tables, and turn failures into exit code 1 with one line on standard
 * error, named after the command.
 */
final class AccountsCommands {
    private AccountsCommands() {}

    /** A failure to report as {@code command: message} with exit code 1. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** Something a command does with the accounts, returning its exit code. */
    @FunctionalInterface
    interface Work {
        int run(Accounts accounts, PrintWriter out);
    }

    /** Runs {@code work} on the accounts; {@code name} prefixes the error lines ({@code apikey create: ...}). */
    static int run(CommandLine.Model.CommandSpec spec, String name, Supplier<PorticoConfig> config, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PorticoConfig settings = config.get();
            try (Database db = Database.connect(settings, Accounts.MIGRATIONS)) {
                List<Migration> pending = db.migrations().pending(Accounts.MIGRATIONS);
                if (!pending.isEmpty()) {
                    throw new Failure("the accounts tables of " + db.url() + " are not migrated (" + pending.size()
                            + " pending); run migrate first");
                }
                return work.run(Accounts.create(db, settings), out);
            }
        } catch (Failure | DatabaseUnavailable e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        } catch (ValidationFailed e) {
            e.errors()
                    .forEach((field, sentences) -> sentences.forEach(
                            s -> err.println(name + ": " + (field.isEmpty() ? "" : field + ": ") + s)));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    static User user(Accounts accounts, String username) {
        return accounts.users().find(username).orElseThrow(() -> new Failure("no user \"" + username + "\""));
    }
}
