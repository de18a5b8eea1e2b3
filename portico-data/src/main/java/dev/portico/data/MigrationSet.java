package dev.portico.data;

import java.util.regex.Pattern;

/**
 * The migrations of one module (such as {@code portico-auth}'s users and keys tables), applied before the
 * application's own and recorded in a history table of their own, so a module's {@code V1} never collides with
 * the application's {@code V1}: Django's per-app migrations. An application names the modules it uses when it
 * makes its database, and gives the same list to the {@code migrate} command:
 * <pre>{@code
 * Database db = Database.lazy(config, Accounts.MIGRATIONS);
 * manage.command(MigrateCommand.create(manage::config, Accounts.MIGRATIONS));
 * }</pre>
 *
 * @param module a short lower-case name ({@code auth}); the history table is {@code portico_<module>_schema_history}
 * @param location where the SQL files are, as {@code database.migrations} names it ({@code db/portico/auth})
 */
public record MigrationSet(String module, String location) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    /** Checks the module name, which becomes part of a table name. */
    public MigrationSet {
        if (!NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("migration module name '" + module
                    + "' must be lower-case letters, digits and '_', starting with a letter (at most 31)");
        }
        if (location.isBlank()) {
            throw new IllegalArgumentException("migration module '" + module + "' needs a location");
        }
    }

    /** The history table that records this module's migrations. */
    String historyTable() {
        return "portico_" + module + "_schema_history";
    }
}
