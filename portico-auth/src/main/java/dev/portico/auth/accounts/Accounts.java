package dev.portico.auth.accounts;

import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.MigrationSet;
import dev.portico.throttle.Throttle;
import java.time.Clock;
import java.util.Optional;

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
    private final Optional<Throttle> throttle;

    private Accounts(Database db, PorticoConfig config, Clock clock) {
        this.db = db;
        this.throttle = throttle(config.get(AuthSettings.THROTTLE));
        this.clock = clock;
        this.passwords = new Passwords(config);
        this.roles = new Roles(db.jdbi());
        this.users = new Users(db.jdbi(), db.dataSource(), passwords, roles, config, clock);
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
        config.register(AuthSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        return new Accounts(db, config, clock);
    }

    /** {@code auth.throttle}: per client IP, shared by every endpoint it is given to (the scope {@code auth}). */
    private static Optional<Throttle> throttle(String rate) {
        if (rate.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Throttle.of(rate.trim()).byAddress().scope("auth"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(AuthSettings.THROTTLE.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The throttle of every endpoint that takes a password or makes an account ({@code auth.throttle}): by client IP
     * whatever credentials ride along, so a token of one's own does not buy a guesser that user's generous rate.
     * Empty when the setting is empty. The endpoints of this module use it; so should an application's own.
     */
    public Optional<Throttle> throttle() {
        return throttle;
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
