package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Portico.Builder#onStart}: tasks run by start(), never by build(), before the port opens. */
class PorticoOnStartTest {
    private final List<String> ran = new ArrayList<>();

    private static PorticoConfig config() {
        return PorticoConfig.builder()
                .set(Settings.SERVER_PORT, 0)
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .build();
    }

    @Test
    void buildRunsNoTaskAndStartRunsThemInOrder() {
        Portico app = Portico.builder()
                .config(config())
                .shutdownHook(false)
                .onStart(() -> ran.add("database"))
                .onStart(() -> ran.add("cache"))
                .get("/ping", String.class, request -> "pong")
                .build();
        assertThat(ran).isEmpty();
        app.start();
        try {
            assertThat(ran).containsExactly("database", "cache");
        } finally {
            app.stop();
        }
    }

    @Test
    void aFailingTaskStopsTheStartBeforeThePortOpens() {
        Portico app = Portico.builder()
                .config(config())
                .shutdownHook(false)
                .onStart(() -> {
                    throw new IllegalStateException("database unreachable");
                })
                .build();
        assertThatThrownBy(app::start).hasMessage("database unreachable");
        assertThatThrownBy(app::port).hasMessageContaining("not started");
        app.stop();
    }
}
