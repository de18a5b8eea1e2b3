package dev.portico.auth.accounts;

import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.MigrationSet;
import java.time.Clock;

/**
 * The accounts of an application: its users and roles, on the application's database. Name
 * {@link #MIGRATIONS} when the database is made, so the tables exist, then make the accounts once:
 * <pre>{@code
 * Database db = Database.lazy(config, Accounts.MIGRATIONS);
 * Accounts accounts = Accounts.create(db, config);
 * accounts.users().create(NewUser.of("ada", "ada@example.com", "correct horse battery"));
 * }</pre>
 * Nothing connects until the database is opened, so an application can be built (for {@code schema}) without one.
 */
public final class Accounts {
    /** This module's tables: roles, users, their roles, API keys (applied before the application's migrations). */
    public static final MigrationSet MIGRATIONS = new MigrationSet("auth", "db/portico/auth");

    private final Database db;
    private final Clock clock;
    private final Passwords passwords;
    private final Roles roles;
    private final Users users;

    private Accounts(Database db, PorticoConfig config, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.passwords = new Passwords(config);
        this.roles = new Roles(db.jdbi());
        this.users = new Users(db.jdbi(), passwords, roles, config, clock);
    }

    /**
     * The accounts on {@code db}, with the {@code auth.*} settings of {@code config} and its clock
     * ({@link PorticoConfig#clock()}, the system clock unless a test set another).
     */
    public static Accounts create(Database db, PorticoConfig config) {
        return create(db, config, config.clock());
    }

    /** The same, on {@code clock}: tests move time to try expiry. */
    public static Accounts create(Database db, PorticoConfig config, Clock clock) {
        return new Accounts(db, config, clock);
    }

    /** The users. */
    public Users users() {
        return users;
    }

    /** The roles. */
    public Roles roles() {
        return roles;
    }

    /** The password hasher, with the configured costs. */
    public Passwords passwords() {
        return passwords;
    }

    /** The database the accounts live in. */
    public Database database() {
        return db;
    }

    /** The clock every expiry and timestamp of this module reads. */
    public Clock clock() {
        return clock;
    }
}
