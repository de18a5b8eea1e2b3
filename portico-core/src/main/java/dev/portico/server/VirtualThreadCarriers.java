package dev.portico.server;

/**
 * At least two carriers for the JDK's virtual thread scheduler, which has one per CPU the JVM sees: a process limited
 * to one CPU (a container's quota, {@code taskset}) gets one. The server's selector runs each request on the thread
 * that read it and then reads on ({@link ServerThreads}), and a virtual thread is never preempted: under steady load
 * it held the only carrier for as long as some connection had a request ready, and the threads the JDK's I/O poller
 * woke waited behind it (they are queued apart from the ones started on the carrier, which it runs first): the
 * acceptor, so new connections, and any request woken from a socket read. On one CPU at 256 connections, one 15 s
 * round in four left 6 new connections unread for over 2 s (wrk's timeouts; {@code ss} showed their first request
 * unread), none in 17 rounds with two carriers (bench/README.md, "A carrier never given back"). Two carriers on one
 * CPU are time-sliced by the OS: the items page at 64 connections read 8 % fewer requests a second (medians of five
 * pairs), one round in five much fewer. New connections no longer need it ({@link JettyConnector} accepts and sets them
 * up on the selector's thread), but every thread the poller wakes still does: with one carrier, a request waiting on
 * Redis during a pipelined load went 5 s unanswered; with two, at most 0.5 s. A yield in the selector between rounds
 * did not help (the second round of two stuck): by the JDK's code a yielding thread goes back on the queue the carrier
 * was taking from, and the carrier runs that before the one woken threads are put on.
 *
 * <p>The scheduler reads {@code jdk.virtualThreadScheduler.parallelism} when the process starts its first virtual
 * thread, so this is applied when Portico's classes load, before any of its threads; a value the user set is kept.
 */
public final class VirtualThreadCarriers {
    /** The JDK's setting for the number of carriers. */
    public static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private static final int AT_LEAST = 2;

    private VirtualThreadCarriers() {}

    /**
     * Sets {@link #PARALLELISM} to 2 when the JVM sees fewer CPUs and nobody set it; returns the value in force. Has
     * no effect once a virtual thread has started in this process.
     */
    public static String atLeastTwo() {
        synchronized (System.getProperties()) {
            String set = System.getProperty(PARALLELISM);
            if (set == null && Runtime.getRuntime().availableProcessors() < AT_LEAST) {
                set = Integer.toString(AT_LEAST);
                System.setProperty(PARALLELISM, set);
            }
            return set;
        }
    }
}
