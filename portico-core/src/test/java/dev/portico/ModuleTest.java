package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import dev.portico.config.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A module installed in one call brings its settings, resolved from the same layers, and its endpoints. */
class ModuleTest {
    static final Setting<String> GREETING = Setting.string("shop.greeting", "Hello", "What the shop says.");
    static final List<Setting<?>> SHOP_SETTINGS = Setting.broughtBy("install(Shop.module())", GREETING);

    record Said(String text) {}

    /** A module with one setting and one endpoint that reads it. */
    static final class Shop implements Module {
        @Override
        public String name() {
            return "Shop.module()";
        }

        @Override
        public List<Setting<?>> settings() {
            return SHOP_SETTINGS;
        }

        @Override
        public void install(Portico.Builder app) {
            String greeting = app.config().get(GREETING);
            app.get("/shop/", Said.class, request -> new Said(greeting), e -> e.operationId("greet"));
        }
    }

    private static PorticoConfig config(Map<String, String> environment) {
        return PorticoConfig.builder().fromEnvironment(environment).buildForModules();
    }

    @Test
    void anInstalledModulesSettingIsReadFromTheEnvironmentLikePorticosOwn() {
        PorticoConfig config = config(Map.of("PORTICO_SHOP_GREETING", "Welcome"));
        Portico app = Portico.builder().config(config).install(new Shop()).build();
        assertThat(app.config().get(GREETING)).isEqualTo("Welcome");
        assertThat(app.config().source(GREETING)).isEqualTo("env PORTICO_SHOP_GREETING");
        assertThat(app.config().print()).contains("shop.greeting = Welcome");
        assertThat(app.endpoints())
                .extracting(e -> e.docs().operationId().orElse(""))
                .contains("greet");
    }

    @Test
    void aKeyNoInstalledModuleReadsFailsTheBuildNamingIt() {
        PorticoConfig config = config(Map.of("PORTICO_SHOP_GRETING", "typo"));
        Portico.Builder app = Portico.builder().config(config).install(new Shop());
        assertThatThrownBy(app::build)
                .hasMessageContaining("PORTICO_SHOP_GRETING")
                .hasMessageContaining("did you mean shop.greeting?");
    }

    @Test
    void aStrictConfigurationStillRefusesAnUnknownKeyAtOnce() {
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_SHOP_GREETING", "x"))
                        .build())
                .hasMessageContaining("unknown environment variable PORTICO_SHOP_GREETING");
    }

    @Test
    void readingTheSettingOfAModuleNotInstalledNamesTheCallThatInstallsIt() {
        PorticoConfig config = config(Map.of());
        assertThatThrownBy(() -> config.get(GREETING))
                .hasMessage("setting shop.greeting is not registered: install(Shop.module()) brings it");
    }

    @Test
    void aModuleIsInstalledOnce() {
        Portico.Builder app = Portico.builder().config(config(Map.of())).install(new Shop());
        assertThatThrownBy(() -> app.install(new Shop())).hasMessageContaining("Shop.module() is installed twice");
        assertThat(app.modules()).hasSize(1);
    }

    @Test
    void aValueSetInCodeBeforeTheModuleRegistersStays() {
        PorticoConfig config = PorticoConfig.builder()
                .set(GREETING, "Hi")
                .set(Settings.SERVER_PORT, 0)
                .buildForModules();
        assertThat(Portico.builder()
                        .config(config)
                        .install(new Shop())
                        .build()
                        .config()
                        .get(GREETING))
                .isEqualTo("Hi");
    }
}
