package dev.portico.test.junit;

import dev.portico.data.DatabaseSettings;
import dev.portico.test.data.ClassDatabase;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The class's database, in a class of its own so that the extension loads portico-data only when a test asks for a
 * database and portico-data is there.
 */
final class Databases {

    private Databases() {}

    /** Whether portico-data is on the class path. */
    static boolean available() {
        try {
            Class.forName("dev.portico.data.DatabaseSettings", false, Databases.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A class's database, in types the extension can hold without loading portico-data. */
    record Prepared(
            String url,
            java.util.function.Consumer<dev.portico.config.PorticoConfig.Builder> configure,
            AutoCloseable drop) {}

    /** A fresh database of {@code kind}, or none; PostgreSQL unreachable aborts the class (skipped) unless CI=true. */
    static Optional<Prepared> prepare(TestDatabase kind, Class<?> testClass) {
        if (kind == TestDatabase.H2 && !available()) {
            return Optional.empty();
        }
        if (kind == TestDatabase.NONE) {
            return available() ? Optional.of(Made.none()) : Optional.empty();
        }
        return Optional.of(Made.of(kind, testClass));
    }

    /** Where portico-data's types are touched. */
    private static final class Made {
        /**
         * No database made, but {@code database.url} pointed at an empty H2 database in memory, so an app that opens
         * its database anyway never opens the developer's {@code ./data/} (nor reads its JWT secret file).
         */
        static Prepared none() {
            String url = ClassDatabase.h2().url().replace(";DB_CLOSE_DELAY=-1", "");
            return new Prepared(null, b -> b.set(DatabaseSettings.URL, url), () -> {});
        }

        static Prepared of(TestDatabase kind, Class<?> testClass) {
            ClassDatabase database = create(kind, testClass).orElseThrow();
            return new Prepared(database.url(), b -> configure(database, b), database);
        }
    }

    private static Optional<ClassDatabase> create(TestDatabase kind, Class<?> testClass) {
        return switch (kind) {
            case NONE -> Optional.empty();
            case H2 -> Optional.of(ClassDatabase.h2());
            case POSTGRESQL -> {
                requireData(testClass);
                String unreachable = ClassDatabase.postgresqlUnreachable();
                if (unreachable != null && !"true".equals(System.getenv("CI"))) {
                    System.err.println("[portico-test] skipping " + testClass.getSimpleName() + ": " + unreachable);
                    throw new TestAbortedException(unreachable + " (skipped; with CI=true it fails)");
                }
                yield Optional.of(ClassDatabase.postgresql());
            }
        };
    }

    private static void requireData(Class<?> testClass) {
        if (!available()) {
            throw new IllegalStateException(testClass.getName() + " asks for a PostgreSQL database, but portico-data"
                    + " is not on the test class path: add the dev.portico:portico-data dependency");
        }
    }

    /** Points {@code builder} at {@code database}, migrated when the app starts. */
    static void configure(ClassDatabase database, dev.portico.config.PorticoConfig.Builder builder) {
        database.configure(builder).set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE);
    }
}
