package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.cli.Manage;
import dev.portico.config.PorticoConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code migrate} and {@code migrate --info} through {@link Manage}, as an application registers them. */
class MigrateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Consumer<PorticoConfig.Builder> settings, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Manage manage = Manage.create(config -> Portico.builder().config(config))
                .name("./manage")
                .settings(b -> settings.accept(DatabaseSettings.register(b)));
        manage.command(MigrateCommand.create(manage::config));
        return manage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Consumer<PorticoConfig.Builder> on(TestDatabase test) {
        return b -> b.set(DatabaseSettings.URL, test.url())
                .set(DatabaseSettings.USER, test.embedded() ? "" : TestDatabase.PG_USER);
    }

    @DatabaseTest
    void appliesThePendingMigrationsOnceAndListsThem(TestDatabase test) {
        assertThat(run(on(test), "migrate", "--info")).isZero();
        assertThat(out.toString())
                .contains("classpath:db/migration")
                .containsPattern("pending +V1__create_note.sql")
                .containsPattern("pending +V2__seed_note.sql");

        assertThat(run(on(test), "migrate")).isZero();
        assertThat(out.toString())
                .startsWith("Applying 2 migration(s) to jdbc:")
                .containsPattern("\n  V1__create_note.sql \\(\\d+ ms\\)\n  V2__seed_note.sql \\(\\d+ ms\\)\n")
                .containsPattern("Applied 2 migration\\(s\\) to jdbc:.* in \\d+ ms\\.\n$");

        assertThat(run(on(test), "migrate")).isZero();
        assertThat(out.toString()).startsWith("No migrations to apply to jdbc:");

        assertThat(run(on(test), "migrate", "--info")).isZero();
        assertThat(out.toString())
                .containsPattern("applied +V1__create_note.sql +applied 2")
                .containsPattern("applied +V2__seed_note.sql")
                .doesNotContain("pending");
    }

    @DatabaseTest
    void aFailingMigrationExitsWith1NamingTheFile(TestDatabase test) {
        int code = run(on(test).andThen(b -> b.set(DatabaseSettings.MIGRATIONS, "db/failing")), "migrate");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("migrate: migration failed (database.migrations = classpath:db/failing)")
                .contains("V2__broken.sql");
    }

    @Test
    void anUnreachableDatabaseExitsWith1NamingTheUrl() {
        int code = run(b -> b.set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/test"), "migrate");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .contains("cannot connect to the database at database.url = " + "jdbc:postgresql://127.0.0.1:1/test");
    }

    @Test
    void helpNeedsNoDatabase() {
        assertThat(run(b -> b.set(DatabaseSettings.URL, "jdbc:postgresql://127.0.0.1:1/test"), "migrate", "--help"))
                .isZero();
        assertThat(out.toString()).contains("--info");
    }

    @Test
    void printConfigListsTheDatabaseSettingsWithThePasswordMasked() {
        assertThat(run(b -> b.set(DatabaseSettings.PASSWORD, "s3cret-pw"), "--print-config"))
                .isZero();
        assertThat(out.toString())
                .contains("database.url = " + DatabaseSettings.EMBEDDED_URL + "    # default")
                .contains("database.password = ********    # code")
                .contains("database.migrate-on-start = auto")
                .contains("database.migrations = db/migration")
                .doesNotContain("s3cret-pw");
    }
}
