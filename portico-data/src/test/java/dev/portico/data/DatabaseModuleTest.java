package dev.portico.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database as a module: its settings, its command, its start and stop, and what names it when missing. */
class DatabaseModuleTest {

    @Test
    void readingADatabaseSettingWithNoDatabaseNamesTheCallThatInstallsOne() {
        assertThatThrownBy(() -> PorticoConfig.defaults().get(DatabaseSettings.URL))
                .hasMessage("setting database.url is not registered: install(Database.lazy(config)) brings it");
    }

    @Test
    void theDatabaseRegistersItsSettingsFromTheSameLayers() {
        PorticoConfig config = PorticoConfig.builder()
                .fromEnvironment(Map.of("PORTICO_DATABASE_POOL_SIZE", "3"))
                .buildForModules();
        Database.lazy(config);
        assertThat(config.get(DatabaseSettings.POOL_SIZE)).isEqualTo(3);
        assertThat(config.source(DatabaseSettings.POOL_SIZE)).isEqualTo("env PORTICO_DATABASE_POOL_SIZE");
    }

    @Test
    void installedItOpensOnStartClosesOnStopAndBringsMigrateWithEveryModulesMigrations() throws Exception {
        try (TestDatabase test = TestDatabase.h2()) {
            PorticoConfig config = test.config(b -> {});
            Database db = Database.lazy(config);
            Portico app = Portico.builder().config(config).install(db).build();
            assertThat(db.commands(() -> config)).singleElement().isInstanceOf(MigrateCommand.class);
            Database other = Database.lazy(config).migrations(new MigrationSet("shop", "db/shop"));
            assertThat(other.migrations(new MigrationSet("shop", "db/shop")).migrationSets())
                    .extracting(MigrationSet::module)
                    .as("a set added twice counts once")
                    .containsExactly("shop");
            assertThat(db.isOpen()).isFalse();
            app.prepare();
            assertThat(db.isOpen()).isTrue();
            app.stop();
            assertThat(db.closed()).isTrue();
        }
    }

    @Test
    void migrationsCannotBeAddedOnceOpen() throws Exception {
        try (TestDatabase test = TestDatabase.h2();
                Database db = Database.create(test.config(b -> {}))) {
            assertThatThrownBy(() -> db.migrations(new MigrationSet("late", "db/late")))
                    .hasMessageContaining("open already");
        }
    }
}
