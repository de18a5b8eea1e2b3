package dev.portico.auth;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.TestDatabase;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The accounts of a test: on a fresh {@link TestDatabase}, migrated, with cheap Argon2 costs (1 MiB, one pass) so a
 * suite that makes many users stays fast; the production costs are covered by {@code PasswordsTest}.
 */
public final class AuthTestSupport {
    private AuthTestSupport() {}

    /** A configuration on {@code test} with cheap hashing and migrations on start, plus {@code more}. */
    public static PorticoConfig config(TestDatabase test, Consumer<PorticoConfig.Builder> more) {
        return test.config(b -> {
            AuthSettings.register(b)
                    .set(AuthSettings.ARGON2_MEMORY, 1024)
                    .set(AuthSettings.ARGON2_ITERATIONS, 1)
                    .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE);
            more.accept(b);
        });
    }

    /** Open, migrated accounts on {@code test}; close the database afterwards. */
    public static Accounts accounts(TestDatabase test, Clock clock) {
        PorticoConfig config = config(test, b -> {});
        return Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, clock);
    }
}
