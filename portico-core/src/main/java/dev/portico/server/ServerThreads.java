package dev.portico.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy;

/**
 * Jetty's virtual thread pool, with at most one not-yet-started producer per selector.
 *
 * <p>Jetty 12.1's selector runs a request on the thread that read it (execute-produce-consume) and, for each request,
 * starts a new virtual thread to take over reading the other connections; the thread that ran the request then goes
 * back to reading if nobody has. When every CPU is busy those take-over threads wait in the scheduler's queue, and by
 * the time one runs, reading has long been taken over again, so it finds nothing to do and ends. Under load that was
 * one extra virtual thread per request, about 6,000 of them waiting at once on one CPU (a heap dump at 256
 * connections), each living long enough (a quarter of a second) to be copied by young collections and promoted: the
 * old generation filled with dead threads, and the collector grew the heap instead of collecting it (bench/README,
 * "Memory").
 *
 * <p>A take-over is only needed once: a selector's strategy re-reads its state when it starts, so a second take-over
 * asked for while the first has not started yet is folded into it. Any other task runs as Jetty would run it.
 */
final class ServerThreads extends VirtualThreadPool {
    /** The strategies whose take-over thread is started but not yet running. */
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();

    @Override
    public boolean tryExecute(Runnable task) {
        if (!(task instanceof AdaptiveExecutionStrategy)) {
            return super.tryExecute(task);
        }
        if (!waiting.add(task)) {
            return true; // one is on its way: it will take over reading if nobody has by then
        }
        boolean started = super.tryExecute(() -> {
            waiting.remove(task);
            task.run();
        });
        if (!started) {
            waiting.remove(task);
        }
        return started;
    }
}
