package dev.portico.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.error.ErrorFormat;
import dev.portico.router.TrailingSlash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PorticoConfigTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        PorticoConfig config = PorticoConfig.defaults();
        assertThat(config.get(Settings.SERVER_PORT)).isEqualTo(8000);
        assertThat(config.get(Settings.ERRORS_FORMAT)).isEqualTo(ErrorFormat.SIMPLE);
        assertThat(config.source(Settings.SERVER_PORT)).isEqualTo("default");
        assertThat(config.limits()).isEqualTo(Limits.defaults());
    }

    @Test
    void laterLayersWinCodeThenFileThenEnvironment() throws IOException {
        Path properties = file("portico.properties", "server.port=9001\nlimits.body-size=1MiB\n");
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_PORT, 9000)
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.LIMITS_JSON_DEPTH, 10)
                .file(properties)
                .fromEnvironment(Map.of("PORTICO_SERVER_PORT", "9002", "PORTICO_LIMITS_JSON_DEPTH", "12"))
                .build();
        assertThat(config.get(Settings.SERVER_HOST)).isEqualTo("127.0.0.1");
        assertThat(config.source(Settings.SERVER_HOST)).isEqualTo("code");
        assertThat(config.get(Settings.LIMITS_BODY_SIZE)).isEqualTo(1L << 20);
        assertThat(config.source(Settings.LIMITS_BODY_SIZE)).startsWith("file ");
        assertThat(config.get(Settings.SERVER_PORT)).isEqualTo(9002);
        assertThat(config.source(Settings.SERVER_PORT)).isEqualTo("env PORTICO_SERVER_PORT");
        assertThat(config.get(Settings.LIMITS_JSON_DEPTH)).isEqualTo(12);
    }

    @Test
    void portAliasIsWeakerThanThePorticoVariable() {
        assertThat(PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORT", "7000"))
                        .build()
                        .get(Settings.SERVER_PORT))
                .isEqualTo(7000);
        assertThat(PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORT", "7000", "PORTICO_SERVER_PORT", "7001"))
                        .build()
                        .get(Settings.SERVER_PORT))
                .isEqualTo(7001);
    }

    @Test
    void yamlNestsIntoDottedKeys() throws IOException {
        Path yaml = file("portico.yaml", """
            server:
              port: 8123
              shutdown-grace: 3s
            errors:
              format: problem
            routing:
              trailing-slash: strict
            """);
        PorticoConfig config = PorticoConfig.builder().file(yaml).build();
        assertThat(config.get(Settings.SERVER_PORT)).isEqualTo(8123);
        assertThat(config.get(Settings.SERVER_SHUTDOWN_GRACE)).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.get(Settings.ERRORS_FORMAT)).isEqualTo(ErrorFormat.PROBLEM);
        assertThat(config.get(Settings.ROUTING_TRAILING_SLASH)).isEqualTo(TrailingSlash.STRICT);
    }

    @Test
    void unknownKeysFailWithASuggestion() throws IOException {
        Path properties = file("portico.properties", "server.prot=9001\n");
        assertThatThrownBy(() -> PorticoConfig.builder().file(properties).build())
                .hasMessageContaining("unknown setting 'server.prot'")
                .hasMessageContaining("did you mean server.port?");
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_SERVER_PROT", "1"))
                        .build())
                .hasMessageContaining("unknown environment variable PORTICO_SERVER_PROT");
    }

    @Test
    void malformedValuesFailNamingKeySourceAndExpectation() {
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_SERVER_PORT", "abc"))
                        .build())
                .hasMessageContaining("server.port = 'abc' from env PORTICO_SERVER_PORT: expected an integer");
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_ERRORS_FORMAT", "xml"))
                        .build())
                .hasMessageContaining("expected one of [simple, problem]");
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_LIMITS_BODY_SIZE", "lots"))
                        .build())
                .hasMessageContaining("expected a size");
    }

    @Test
    void printMasksSecretsAndShowsSources() {
        Setting<String> secret = Setting.secret("app.secret-key", "", "Signs tokens.");
        PorticoConfig config = PorticoConfig.builder()
                .register(secret)
                .fromEnvironment(Map.of("PORTICO_APP_SECRET_KEY", "hunter2-very-secret"))
                .build();
        String printed = config.print();
        assertThat(printed).contains("app.secret-key = ********    # env PORTICO_APP_SECRET_KEY");
        assertThat(printed).doesNotContain("hunter2");
        assertThat(printed).contains("server.port = 8000    # default");
        assertThat(printed).contains("routing.trailing-slash = redirect");
        assertThat(printed).startsWith("server.host = "); // documentation order, as registered
    }

    @Test
    void malformedSecretIsNotEchoed() {
        Setting<Integer> secretNumber = Setting.integer("app.pin", 0, "A pin.");
        Setting<String> secret = Setting.secret("app.token", "", "A token.");
        assertThat(secret.secret()).isTrue();
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .register(secretNumber)
                        .fromEnvironment(Map.of("PORTICO_APP_PIN", "x1"))
                        .build())
                .hasMessageContaining("'x1'");
    }

    @Test
    void sizesAndDurationsAcceptUnits() {
        assertThat(Setting.parseSize("16KiB")).isEqualTo(16384);
        assertThat(Setting.parseSize("10MB")).isEqualTo(10_000_000);
        assertThat(Setting.parseSize("123")).isEqualTo(123);
        assertThat(Setting.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Setting.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Setting.parseDuration("PT2S")).isEqualTo(Duration.ofSeconds(2));
    }
}
