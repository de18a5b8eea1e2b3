package dev.portico.docs.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import dev.portico.config.Settings;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples of docs/configuration.md: the layers, registering the modules' settings, an app's own setting. */
class ConfigurationSamplesTest {

    @Test
    void layers(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("portico.properties"), "server.port=9000\nopenapi.title=Shop\n");
        Map<String, String> environment = Map.of("PORTICO_SERVER_PORT", "9100");
        // region layers
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.OPENAPI_TITLE, "Shop API") // code: above the defaults
                .file(file) // portico.properties: above code
                .fromEnvironment(environment) // PORTICO_*: above everything
                .build();
        config.get(Settings.SERVER_PORT); // 9100, from PORTICO_SERVER_PORT
        config.get(Settings.OPENAPI_TITLE); // "Shop", from the file
        config.source(Settings.SERVER_PORT); // "env PORTICO_SERVER_PORT"
        // endregion layers
        assertThat(config.get(Settings.SERVER_PORT)).isEqualTo(9100);
        assertThat(config.get(Settings.OPENAPI_TITLE)).isEqualTo("Shop");
        assertThat(config.source(Settings.SERVER_PORT)).isEqualTo("env PORTICO_SERVER_PORT");
    }

    @Test
    void modules() {
        // region modules
        PorticoConfig config = PorticoConfig.builder()
                .fromEnvironment(Map.of("PORTICO_DATABASE_URL", "jdbc:postgresql://db:5432/shop"))
                .buildForModules(); // database.* is not known yet: the database brings it
        Database db = Database.lazy(config); // registers database.*, read from the same layers
        Portico app = Portico.builder().config(config).install(db).build(); // refuses a key no module knows
        String url = app.config().get(DatabaseSettings.URL);
        // endregion modules
        assertThat(url).isEqualTo("jdbc:postgresql://db:5432/shop");
    }

    // region own
    static final Setting<Duration> REPORT_EVERY =
            Setting.duration("shop.report-every", Duration.ofHours(1), "How often the shop mails its sales report.");
    // endregion own

    @Test
    void ownSetting() {
        // region own-use
        PorticoConfig config = PorticoConfig.builder()
                .register(REPORT_EVERY)
                .fromEnvironment(Map.of("PORTICO_SHOP_REPORT_EVERY", "15m"))
                .build();
        Duration every = config.get(REPORT_EVERY); // 15 minutes
        // endregion own-use
        assertThat(every).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void typosFailAtStartup() {
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_SERVER_PROT", "1"))
                        .build())
                .hasMessageContaining("unknown environment variable PORTICO_SERVER_PROT");
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_SERVER_PORT", "x"))
                        .build())
                .hasMessageContaining("server.port");
    }
}
