package dev.portico;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The start tasks that need nothing the build makes ({@link Portico.Builder#onStartConcurrent}), run once: on a thread
 * of their own from {@link #begin()}, while the build composes the pipelines on the caller's, or else on the caller's
 * thread when the application is prepared. The example's database opens and applies its migrations in about 0.15 s
 * of a start that answers in about one second; the build takes longer than that and needs none of it, so with a
 * free core the two overlap. On two cores the JIT takes most of the second during a start: there the main thread's
 * CPU fell 910 to 770 ms and the wall little (bench/README.md, "eighth stop: the database beside the build").
 *
 * <p>Whichever thread runs them, {@link #finish()} returns only after they succeeded, so the port never opens before
 * the database is migrated, and a task's failure is thrown from there as it was thrown, before any other start task.
 */
final class ConcurrentStart {
    private final FutureTask<Void> tasks;
    private final boolean any;
    private boolean begun;

    ConcurrentStart(List<Runnable> tasks) {
        List<Runnable> copy = List.copyOf(tasks);
        this.any = !copy.isEmpty();
        this.tasks = new FutureTask<>(() -> {
            copy.forEach(Runnable::run);
            return null;
        });
    }

    /** Starts the tasks on a thread of their own, when there are any. */
    ConcurrentStart begin() {
        if (any) {
            begun = true;
            Thread.ofPlatform().name("portico-start").start(tasks);
        }
        return this;
    }

    /**
     * Runs the tasks here unless a thread is running or ran them, and waits for them.
     *
     * @throws RuntimeException what a task threw
     */
    void finish() {
        tasks.run(); // does nothing once the tasks have begun elsewhere
        try {
            tasks.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the start tasks ran", e);
        }
    }

    /**
     * Waits for tasks that have begun, so that what they open exists before a failed build closes it; their own
     * failure, if any, is added to the build's.
     */
    void settle(RuntimeException buildFailure) {
        if (!begun) {
            return; // nothing ran, and nothing will: the application is not made
        }
        try {
            tasks.get();
        } catch (ExecutionException e) {
            buildFailure.addSuppressed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a start task failed: " + cause, cause);
    }
}
