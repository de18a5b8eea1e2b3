package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerThreads} folds a selector's second take-over into the first while that one has not started, and runs
 * everything else as Jetty's pool does. The threads are held in a list here so the test decides when one starts.
 */
class ServerThreadsTest {
    private final List<Runnable> started = new ArrayList<>();
    private final ServerThreads threads = new ServerThreads();
    private final AtomicInteger produced = new AtomicInteger();
    private final AdaptiveExecutionStrategy selector = new AdaptiveExecutionStrategy(
            () -> {
                produced.incrementAndGet();
                return null; // nothing to read: the take-over ends
            },
            threads);

    @BeforeEach
    void start() throws Exception {
        threads.setVirtualThreadsExecutor(started::add);
        threads.start();
        selector.start();
    }

    @AfterEach
    void stop() throws Exception {
        selector.stop();
        threads.stop();
    }

    @Test
    void aTakeOverAskedForWhileOneWaitsIsFoldedIntoIt() {
        assertThat(threads.tryExecute(selector)).isTrue();
        assertThat(threads.tryExecute(selector)).isTrue();
        assertThat(threads.tryExecute(selector)).isTrue();

        assertThat(started).hasSize(1);
    }

    @Test
    void theWaitingTakeOverStillRunsTheSelector() {
        threads.tryExecute(selector);
        threads.tryExecute(selector);

        started.getFirst().run();

        assertThat(produced).hasValue(1);
    }

    @Test
    void onceTheWaitingOneRunsTheNextTakeOverGetsAThreadOfItsOwn() {
        threads.tryExecute(selector);
        started.getFirst().run();

        assertThat(threads.tryExecute(selector)).isTrue();

        assertThat(started).hasSize(2);
    }

    @Test
    void otherTasksAreNeverFolded() {
        AtomicInteger runs = new AtomicInteger();
        Runnable task = runs::incrementAndGet;

        threads.tryExecute(task);
        threads.tryExecute(task);
        started.forEach(Runnable::run);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aStoppedPoolRefusesAndForgetsTheTakeOver() throws Exception {
        threads.stop();

        assertThat(threads.tryExecute(selector)).isFalse();
        threads.start();
        assertThat(threads.tryExecute(selector)).isTrue();

        assertThat(started).hasSize(1);
    }

    @Test
    void theServerRunsOnThem() {
        var pool = JettyServer.threads();

        assertThat(pool).isInstanceOf(ServerThreads.class);
        assertThat(pool.getMaxConcurrentTasks()).isZero(); // no cap: see JettyServer.threads
    }
}
