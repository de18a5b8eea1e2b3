package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Portico.Builder#onStop}: the resources an application owns are closed when it stops. */
class PorticoOnStopTest {
    private final List<String> closed = new ArrayList<>();

    private AutoCloseable resource(String name) {
        return () -> closed.add(name);
    }

    private static PorticoConfig config() {
        return PorticoConfig.builder()
                .set(Settings.SERVER_PORT, 0)
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .build();
    }

    @Test
    void stopClosesTheResourcesAfterTheServerLastGivenFirstAndOnlyOnce() {
        Portico app = Portico.builder()
                .config(config())
                .shutdownHook(false)
                .onStop(resource("pool"))
                .onStop(resource("cache"))
                .get("/ping", String.class, request -> "pong")
                .build()
                .start();
        assertThat(closed).isEmpty();
        app.stop();
        assertThat(closed).containsExactly("cache", "pool");
        app.stop();
        assertThat(closed).containsExactly("cache", "pool");
    }

    @Test
    void anApplicationBuiltButNeverStartedReleasesItsResourcesOnStop() {
        Portico app =
                Portico.builder().config(config()).onStop(resource("pool")).build();
        app.stop();
        assertThat(closed).containsExactly("pool");
    }

    @Test
    void aResourceThatFailsToCloseDoesNotKeepTheOthersOpen() {
        Portico app = Portico.builder()
                .config(config())
                .onStop(resource("pool"))
                .onStop(() -> {
                    throw new IllegalStateException("cannot close");
                })
                .build();
        app.stop();
        assertThat(closed).containsExactly("pool");
    }

    @Test
    void aFailedBuildClosesTheResourcesItWasGiven() {
        Portico.Builder builder = Portico.builder()
                .config(config())
                .onStop(resource("pool"))
                .get("/same/", String.class, request -> "a")
                .get("/same/", String.class, request -> "b");
        assertThatThrownBy(builder::build).isInstanceOf(RuntimeException.class).hasMessageContaining("/same/");
        assertThat(closed).containsExactly("pool");
    }
}
