package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link Portico.Builder#onStart} and {@link Portico.Builder#onStartConcurrent}: tasks run by start(), never by build(),
 * before the port opens; the concurrent ones while {@link Portico.Builder#start()} builds.
 */
class PorticoOnStartTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();

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

    @Test
    void builderStartRunsTheConcurrentTasksWhileItBuildsAndTheOthersAfter() {
        CountDownLatch taskBegun = new CountDownLatch(1);
        AtomicBoolean seenByTheBuild = new AtomicBoolean();
        Portico app = Portico.builder()
                .config(config())
                .shutdownHook(false)
                .onStart(() -> ran.add("cache"))
                .onStartConcurrent(() -> {
                    taskBegun.countDown();
                    ran.add("database on " + Thread.currentThread().getName());
                })
                // a check runs during the build: it sees the task begin, which a task run after the build could not
                .onBuild(() -> seenByTheBuild.set(await(taskBegun)))
                .get("/ping", String.class, request -> "pong")
                .start();
        try {
            assertThat(seenByTheBuild).isTrue();
            assertThat(ran).containsExactly("database on portico-start", "cache");
            assertThat(app.port()).isPositive();
        } finally {
            app.stop();
        }
    }

    @Test
    void buildAloneRunsNoConcurrentTaskAndAStartAfterItRunsThemFirstOnItsThread() {
        Portico app = Portico.builder()
                .config(config())
                .shutdownHook(false)
                .onStart(() -> ran.add("cache"))
                .onStartConcurrent(
                        () -> ran.add("database on " + Thread.currentThread().getName()))
                .get("/ping", String.class, request -> "pong")
                .build();
        assertThat(ran).isEmpty();
        app.start();
        try {
            assertThat(ran)
                    .containsExactly("database on " + Thread.currentThread().getName(), "cache");
        } finally {
            app.stop();
        }
    }

    @Test
    void aFailingConcurrentTaskStopsTheStartBeforeThePortOpensAndClosesWhatWasOpened() {
        assertThatThrownBy(() -> Portico.builder()
                        .config(config())
                        .shutdownHook(false)
                        .onStop(() -> ran.add("closed"))
                        .onStart(() -> ran.add("cache"))
                        .onStartConcurrent(() -> {
                            throw new IllegalStateException("database unreachable");
                        })
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database unreachable");
        assertThat(ran).containsExactly("closed");
    }

    @Test
    void aFailedBuildWaitsForTheConcurrentTasksBeforeItClosesWhatTheyOpened() {
        assertThatThrownBy(() -> Portico.builder()
                        .config(config())
                        .shutdownHook(false)
                        .onStop(() -> ran.add("closed"))
                        .onStartConcurrent(() -> {
                            sleep(200);
                            ran.add("opened");
                        })
                        .onBuild(() -> {
                            throw new IllegalStateException("auth.jwt.secret is not set");
                        })
                        .start())
                .hasMessage("auth.jwt.secret is not set");
        assertThat(ran).containsExactly("opened", "closed");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
