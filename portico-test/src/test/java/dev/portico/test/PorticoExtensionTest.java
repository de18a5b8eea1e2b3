package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.junit.App;
import dev.portico.test.junit.Isolation;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @PorticoTest}'s per-class database and the over-the-wire mode: each class gets its own empty database (H2 in
 * memory, or a PostgreSQL schema), and {@code overTheWire} clients reach the app through Jetty.
 */
class PorticoExtensionTest {

    static Portico app(TestSetup setup) {
        return SampleApp.builder(setup.config().build()).build();
    }

    /** Writes a row into the class's database, and checks it was empty before: every class starts fresh. */
    static void freshDatabase(TestSetup setup) throws Exception {
        String url = setup.databaseUrl().orElseThrow();
        try (Connection c = DriverManager.getConnection(url, url.contains("postgresql") ? "postgres" : "", "")) {
            c.createStatement().execute("create table marker (id int)");
            c.createStatement().execute("insert into marker values (1)");
            try (ResultSet rows = c.createStatement().executeQuery("select count(*) from marker")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Nested
    @PorticoTest
    class OnH2 {
        @App
        static Portico app(TestSetup setup) {
            return PorticoExtensionTest.app(setup);
        }

        @Test
        void hasAnEmptyDatabaseOfItsOwn(TestSetup setup, PorticoClient client) throws Exception {
            assertThat(setup.databaseUrl())
                    .hasValueSatisfying(u -> assertThat(u).startsWith("jdbc:h2:mem:"));
            freshDatabase(setup);
            assertThat(client.get("/api/hello/ada/").send()).hasStatus(200);
        }
    }

    @Nested
    @PorticoTest
    class AnotherOnH2 extends OnH2 {}

    @Nested
    @PorticoTest(database = TestDatabase.POSTGRESQL)
    class OnPostgresql extends OnH2 {
        @Test
        @Override
        void hasAnEmptyDatabaseOfItsOwn(TestSetup setup, PorticoClient client) throws Exception {
            assertThat(setup.databaseUrl())
                    .hasValueSatisfying(u -> assertThat(u).contains("currentSchema=portico_test_"));
            freshDatabase(setup);
        }
    }

    @Nested
    @PorticoTest(database = TestDatabase.NONE, overTheWire = true)
    class OverTheWire {
        @App
        static Portico app(TestSetup setup) {
            return PorticoExtensionTest.app(setup);
        }

        @Test
        void clientsGoThroughTheServer(PorticoClient client, Portico app) {
            assertThat(client.toString()).contains("http://127.0.0.1:" + app.port());
            assertThat(client.get("/api/hello/ada/").send()).hasStatus(200).hasHeader("Date");
        }
    }

    @Nested
    @PorticoTest(isolation = Isolation.PER_TEST)
    class PerTest {
        /** Not static: under PER_TEST the test instance exists when the app is built. */
        @App
        Portico app(TestSetup setup) {
            return PorticoExtensionTest.app(setup);
        }

        private void spendTheThrottleOnAFreshDatabase(TestSetup setup, PorticoClient client) throws Exception {
            freshDatabase(setup); // fails on the second test if the database were shared: the table exists
            assertThat(client.get("/api/limited/").send()).hasStatus(200);
            assertThat(client.get("/api/limited/").send()).hasStatus(200);
            assertThat(client.get("/api/limited/").send()).isProblem(429);
        }

        @Test
        void one(TestSetup setup, PorticoClient client) throws Exception {
            spendTheThrottleOnAFreshDatabase(setup, client);
        }

        @Test
        void two(TestSetup setup, PorticoClient client) throws Exception {
            spendTheThrottleOnAFreshDatabase(setup, client);
        }

        @Nested
        class AGroup {
            @Test
            void getsItsOwnToo(TestSetup setup, PorticoClient client) throws Exception {
                spendTheThrottleOnAFreshDatabase(setup, client);
            }
        }
    }
}
