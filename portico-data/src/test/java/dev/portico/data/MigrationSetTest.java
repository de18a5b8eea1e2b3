package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A module's migrations beside the application's: own history table, applied first, listed by name. */
class MigrationSetTest {
    private static final MigrationSet TAGS = new MigrationSet("tags", "db/modules/tags");

    private static PorticoConfig config(TestDatabase test) {
        return test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/modules/app")
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
    }

    private static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @DatabaseTest
    void appliesTheModulesSetFirstEachVersionOneOnceInItsOwnHistory(TestDatabase test) {
        try (Database db = Database.create(config(test), TAGS)) {
            assertThat(db.migrations().all())
                    .extracting(Migration::name, Migration::state)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("tags/V1__create_tag.sql", "applied"),
                            org.assertj.core.groups.Tuple.tuple("tags/V2__seed_tag.sql", "applied"),
                            org.assertj.core.groups.Tuple.tuple("V1__create_note.sql", "applied"));
            assertThat(count(db, "select count(*) from note")).isEqualTo(1);
            assertThat(count(db, "select count(*) from portico_tags_schema_history where success and script like 'V%'"))
                    .as("the module's two files, in its own history")
                    .isEqualTo(2);
            assertThat(count(db, "select count(*) from flyway_schema_history where script like 'V%'"))
                    .isEqualTo(1);
        }
        try (Database db = Database.create(config(test), TAGS)) {
            assertThat(db.migrations().migrate()).isEmpty();
            assertThat(db.migrations().pending()).isEmpty();
        }
    }

    @DatabaseTest
    void anExistingApplicationGainsAModuleLater(TestDatabase test) {
        PorticoConfig plain =
                test.config(b -> b.set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE));
        try (Database db = Database.create(plain)) {
            assertThat(db.migrations().all()).allMatch(Migration::applied).hasSize(2);
        }
        try (Database db = Database.connect(plain, TAGS)) {
            List<Migration> applied = db.migrations().migrate();
            assertThat(applied)
                    .extracting(Migration::name)
                    .containsExactly("tags/V1__create_tag.sql", "tags/V2__seed_tag.sql");
            assertThat(db.migrations().all()).allMatch(Migration::applied).hasSize(4);
        }
    }

    @DatabaseTest
    void aModulesPendingMigrationsAreReadFromItsSetAlone(TestDatabase test) {
        PorticoConfig config = test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/modules/app"));
        try (Database db = Database.connect(config, TAGS)) {
            assertThat(db.migrations().pending(TAGS))
                    .extracting(Migration::name)
                    .containsExactly("tags/V1__create_tag.sql", "tags/V2__seed_tag.sql");
            assertThat(db.migrations().pending()).hasSize(3);
            db.migrations().migrate();
            assertThat(db.migrations().pending(TAGS)).isEmpty();
            assertThatThrownBy(() -> db.migrations().pending(new MigrationSet("other", "db/modules/other")))
                    .hasMessageContaining("not given the migrations of module other");
        }
    }

    @DatabaseTest
    void theMigrateCommandAppliesAndListsTheModulesMigrations(TestDatabase test) {
        PorticoConfig config = test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/modules/app"));
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine line = new picocli.CommandLine(MigrateCommand.create(() -> config, TAGS));
        line.setOut(new java.io.PrintWriter(out));
        assertThat(line.execute()).isZero();
        assertThat(out.toString())
                .contains("Applied 3 migration(s)")
                .contains("  tags/V1__create_tag.sql")
                .contains("  V1__create_note.sql");
        out.getBuffer().setLength(0);
        assertThat(line.execute("--info")).isZero();
        assertThat(out.toString())
                .contains("classpath:db/modules/tags, classpath:db/modules/app")
                .containsPattern("applied +tags/V2__seed_tag.sql");
    }

    @Test
    void aModuleNameMustBeFitForATableName() {
        assertThatThrownBy(() -> new MigrationSet("Auth; drop", "db/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters");
    }
}
