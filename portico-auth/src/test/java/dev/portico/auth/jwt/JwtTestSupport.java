package dev.portico.auth.jwt;

import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.accounts.Accounts;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.TestDatabase;
import java.time.Clock;
import java.util.function.Consumer;

/** Accounts and tokens on a test database, with a test secret and the given JWT settings. */
final class JwtTestSupport {
    static final String SECRET = "test-secret-0123456789abcdef-0123456789abcdef";

    private JwtTestSupport() {}

    /** Open, migrated accounts with their tokens; close {@code accounts().database()} afterwards. */
    record Setup(Accounts accounts, Tokens tokens, PorticoConfig config) {}

    static Setup setup(TestDatabase test, Clock clock, Consumer<PorticoConfig.Builder> more) {
        PorticoConfig config = AuthTestSupport.config(test, b -> {
            JwtSettings.register(b).set(JwtSettings.SECRET, SECRET);
            more.accept(b);
        });
        Accounts accounts = Accounts.create(Database.create(config, Accounts.MIGRATIONS), config, clock);
        return new Setup(accounts, Tokens.create(accounts, config), config);
    }
}
