package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Startup, migrations on start, failures and stop: each run on H2 and on PostgreSQL. */
class DatabaseLifecycleTest {

    private static int notes(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from note")
                        .mapTo(Integer.class)
                        .one());
    }

    private static boolean hasNoteTable(Database db) {
        return db.migrations().all().stream().anyMatch(m -> m.script().equals("V1__create_note.sql") && m.applied());
    }

    @DatabaseTest
    void migratesOnStartByDefaultOnlyTheEmbeddedDatabase(TestDatabase test) {
        try (Database db = Database.create(test.config())) {
            assertThat(hasNoteTable(db)).isEqualTo(test.embedded());
            if (test.embedded()) {
                assertThat(notes(db)).isEqualTo(1);
            } else {
                assertThat(db.migrations().pending())
                        .extracting(Migration::script)
                        .containsExactly("V1__create_note.sql", "V2__seed_note.sql");
            }
        }
    }

    @DatabaseTest
    void migratesOnStartWhenAskedAndNeverAppliesAMigrationTwice(TestDatabase test) {
        PorticoConfig config =
                test.config(b -> b.set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        List<Migration> first;
        try (Database db = Database.create(config)) {
            first = db.migrations().all();
            assertThat(first).allMatch(Migration::applied).hasSize(2);
        }
        try (Database db = Database.create(config)) {
            assertThat(notes(db)).as("the seed migration ran once").isEqualTo(1);
            assertThat(db.migrations().all()).isEqualTo(first);
            assertThat(db.migrations().migrate()).isEmpty();
        }
    }

    @DatabaseTest
    void neverMigratesOnStartWhenOff(TestDatabase test) {
        PorticoConfig config =
                test.config(b -> b.set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.FALSE));
        try (Database db = Database.create(config)) {
            assertThat(db.migrations().pending()).hasSize(2);
        }
    }

    @DatabaseTest
    void aFailingMigrationFailsStartupNamingTheFileAndTheSettingAndClosesThePool(TestDatabase test) {
        PorticoConfig config = test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/failing")
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        assertThatThrownBy(() -> Database.create(config))
                .isInstanceOf(Migrations.MigrationFailed.class)
                .hasMessageContaining("database.migrations = classpath:db/failing")
                .hasMessageContaining("V2__broken.sql");
        assertThat(poolThreads()).as("no pool left open").isEmpty();
    }

    @DatabaseTest
    void aStartWithNothingPendingStillRefusesAnAppliedMigrationEditedSince(
            TestDatabase test, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("V1__create_note.sql");
        java.nio.file.Files.writeString(file, "create table note (id int primary key);");
        PorticoConfig config = test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "filesystem:" + dir)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        try (Database db = Database.create(config)) {
            assertThat(db.migrations().all()).extracting(Migration::state).containsExactly("applied");
        }
        try (Database db = Database.create(config)) { // the quick path: one validation, nothing to apply
            assertThat(db.migrations().migrate()).isEmpty();
        }
        java.nio.file.Files.writeString(file, "create table note (id int primary key, body text);");
        assertThatThrownBy(() -> Database.create(config))
                .isInstanceOf(Migrations.MigrationFailed.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("1");
        assertThat(poolThreads()).as("no pool left open").isEmpty();
    }

    @Test
    void anUnreachableDatabaseFailsStartupNamingTheUrlWithoutItsPassword() {
        PorticoConfig config = DatabaseSettings.register(PorticoConfig.builder())
                .set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/test?password=hunter2")
                .set(DatabaseSettings.USER, "postgres")
                .build();
        assertThatThrownBy(() -> Database.create(config))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageContaining("database.url = jdbc:postgresql://127.0.0.1:1/test?password=********")
                .hasMessageContaining("database.user = postgres")
                .hasMessageNotContaining("hunter2");
        assertThat(poolThreads()).isEmpty();
    }

    @DatabaseTest
    void theApplicationClosesThePoolWhenItStops(TestDatabase test) {
        PorticoConfig config = test.config(b -> b.set(Settings.SERVER_PORT, 0));
        Database db = Database.create(config);
        Portico app = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .onStop(db)
                .get("/ready", Boolean.class, request -> db.ping())
                .build()
                .start();
        assertThat(db.ping()).isTrue();
        app.stop();
        assertThat(db.closed()).isTrue();
        assertThat(db.ping()).isFalse();
    }

    @Test
    void aLazyDatabaseConnectsNothingUntilOpenedAndAClosedOneNeverConnects() {
        PorticoConfig dead = DatabaseSettings.register(PorticoConfig.builder())
                .set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/test")
                .build();
        Database db = Database.lazy(dead);
        assertThat(db.dataSource()).isNotNull();
        assertThat(db.jdbi()).isNotNull();
        assertThat(db.isOpen()).isFalse();
        Portico app = Portico.builder()
                .config(dead)
                .onStart(db::open)
                .onStop(db)
                .get("/ready", Boolean.class, request -> db.ping())
                .build();
        assertThat(app.openapi()).isNotNull();
        app.stop(); // a command that only built the app: closes without connecting
        assertThat(db.closed()).isTrue();
        assertThatThrownBy(db::open).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> Database.lazy(dead).open()).isInstanceOf(DatabaseUnavailable.class);
        assertThat(poolThreads()).isEmpty();
    }

    @DatabaseTest
    void aLazyDatabaseOpensAndMigratesWhenTheApplicationStarts(TestDatabase test) {
        PorticoConfig config = test.config(b -> b.set(Settings.SERVER_PORT, 0)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        Database db = Database.lazy(config);
        Portico app = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .onStart(db::open)
                .onStop(db)
                .get("/ready", Boolean.class, request -> db.ping())
                .build();
        assertThat(db.isOpen()).isFalse();
        app.start();
        try {
            assertThat(db.isOpen()).isTrue();
            assertThat(notes(db)).isEqualTo(1);
        } finally {
            app.stop();
        }
        assertThat(db.closed()).isTrue();
    }

    @DatabaseTest
    void anInstalledDatabaseOpensAndMigratesWhileTheApplicationIsBuiltToStart(TestDatabase test) {
        PorticoConfig config = test.config(b -> b.set(Settings.SERVER_PORT, 0)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        Database db = Database.lazy(config);
        AtomicBoolean openDuringTheBuild = new AtomicBoolean();
        Portico.Builder builder = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .install(db)
                .onBuild(() -> openDuringTheBuild.set(waitFor(db::isOpen)))
                .get("/ready", Boolean.class, request -> db.ping());
        Portico app = builder.start();
        try {
            assertThat(openDuringTheBuild).isTrue();
            assertThat(notes(db)).isEqualTo(1);
        } finally {
            app.stop();
        }
        assertThat(db.closed()).isTrue();
    }

    /** Whether {@code condition} holds within 20 s, looked at every 5 ms. */
    private static boolean waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return true;
    }

    @DatabaseTest
    void aLazyDatabaseOpensOnTheFirstUseOfItsConnections(TestDatabase test) {
        PorticoConfig config =
                test.config(b -> b.set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        try (Database db = Database.lazy(config)) {
            assertThat(notes(db)).isEqualTo(1);
            assertThat(db.isOpen()).isTrue();
        }
    }

    @DatabaseTest
    void servesManyVirtualThreadsFromASmallPool(TestDatabase test) throws Exception {
        PorticoConfig config = test.config(b -> b.set(DatabaseSettings.POOL_SIZE, 3)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        try (Database db = Database.create(config);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> inserts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String title = "note " + i;
                inserts.add(threads.submit(() -> db.jdbi()
                        .withHandle(h -> h.createUpdate("insert into note (title) values (:title)")
                                .bind("title", title)
                                .execute())));
            }
            for (Future<Integer> insert : inserts) {
                assertThat(insert.get()).isEqualTo(1);
            }
            assertThat(notes(db)).isEqualTo(61);
        }
    }

    /**
     * Issue 17: every JDBC call of every request goes through the pool's connection, so it is a plain class, not a
     * reflective proxy; closing it twice is harmless, and a pool of one then serves the next borrowers.
     */
    @DatabaseTest
    void aPooledConnectionIsNoReflectiveProxy(TestDatabase test) throws Exception {
        PorticoConfig config = test.config(b -> b.set(DatabaseSettings.POOL_SIZE, 1)
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.FALSE));
        try (Database db = Database.create(config)) {
            Connection first = db.dataSource().getConnection();
            assertThat(Proxy.isProxyClass(first.getClass())).isFalse();
            assertThat(first.isWrapperFor(Connection.class)).isTrue();
            first.close();
            first.close();
            try (Connection second = db.dataSource().getConnection();
                    var st = second.prepareStatement("select 1");
                    var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (Connection third = db.dataSource().getConnection()) {
                assertThat(third.isClosed()).isFalse();
            }
        }
    }

    /** Threads of a pool still open: Hikari names them after the pool. */
    /**
     * The pool's threads still alive; HikariCP ends its housekeeping and connection-closer threads just after
     * close() returns, so this waits (up to 5 s) for them to go before answering.
     */
    static List<String> poolThreads() {
        List<String> alive = List.of();
        for (int i = 0; i < 100; i++) {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("portico-db"))
                    .toList();
            if (alive.isEmpty()) {
                return alive;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
        return alive;
    }
}
