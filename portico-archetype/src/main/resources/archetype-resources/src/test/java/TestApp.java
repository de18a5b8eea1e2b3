package ${package};

import dev.portico.Portico;
import dev.portico.auth.accounts.AuthSettings;
import dev.portico.auth.jwt.JwtSettings;
import dev.portico.test.junit.TestSetup;

/**
 * The app as the tests build it, in a {@code @PorticoTest} class's {@code @App} method: {@link Application#app}, with
 * the app's own code-level settings ({@link Application#settings}), on the class's fresh H2 database and clock (from {@link TestSetup#config()}, which never reads {@code portico.properties}
 * or the environment), with a token secret of its own and cheap password hashing.
 */
final class TestApp {
    /** Signs the tests' tokens; the app's and portico-test's {@code TestAccounts} read it from the same config. */
    static final String JWT_SECRET = "the tests' own token secret, 32 bytes or more";

    private TestApp() {}

    static Portico build(TestSetup setup) {
        return Application.app(Application.settings(setup.config())
                        .set(JwtSettings.SECRET, JWT_SECRET)
                        // the tests sign in often, and their passwords guard nothing: Argon2 at its cheapest
                        .set(AuthSettings.ARGON2_MEMORY, 1024)
                        .set(AuthSettings.ARGON2_ITERATIONS, 1)
                        .build())
                .build();
    }
}
