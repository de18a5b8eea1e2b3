package dev.portico.examples.blog;

import dev.portico.Portico;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.config.PorticoConfig;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.TestSetup;
import java.util.function.UnaryOperator;

/**
 * The example under portico-test's {@code @PorticoTest}: the app on the class's database and clock with the suite's
 * settings ({@link BlogDatabases#config}'s), and its accounts, whose {@code jwt()} signs the class's clients in.
 */
final class BlogTesting {

    private BlogTesting() {}

    /** The app and its accounts, both closed after the class. */
    record Built(Portico app, TestAccounts accounts) {}

    static Built app(TestSetup setup) {
        return app(setup, builder -> builder);
    }

    /** The same with {@code more} on top of the suite's settings (an operator's environment, say). */
    static Built app(TestSetup setup, UnaryOperator<PorticoConfig.Builder> more) {
        Portico app = BlogApp.app(more.apply(BlogDatabases.unthrottled(BlogApp.settings(setup.config())))
                        .set(JwtSettings.SECRET, BlogDatabases.TEST_JWT_SECRET)
                        .set(AuthSettings.ARGON2_MEMORY, 1024)
                        .set(AuthSettings.ARGON2_ITERATIONS, 1)
                        .build())
                .build();
        TestAccounts accounts = setup.closeAfterAll(TestAccounts.on(app.config()));
        setup.clients(client -> client.impersonation(accounts.jwt()));
        return new Built(app, accounts);
    }
}
