package dev.portico.redis.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Response;
import dev.portico.redis.FailurePolicy;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.redis.TestRedisServer;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Redis paused ({@code CLIENT PAUSE}) and killed then restarted while requests keep coming, on a server of the test's
 * own: the configured policy is observed during the outage, and the time from Redis answering again to the app
 * counting in it again is measured and bounded.
 */
@RedisTest
class RedisOutageTest {
    record Ok(String ok) {}

    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);

    /** What one request saw: when it ended (nanoTime), its status and RateLimit-Remaining. */
    record Seen(long at, int status, long remaining) {}

    /** Every request's view, and the nanoseconds from Redis answering again to the first request counted in it. */
    record Load(List<Seen> seen, long recoveryNanos) {}

    private static Portico app(Redis redis, FailurePolicy policy) {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .throttleStore(RedisThrottleStore.create(redis, policy, java.time.Clock.systemUTC()))
                .throttle(Throttle.of(
                        1_000_000, Duration.ofHours(1))) // never reached: every 200 is counted or failed open
                .get("/api/x/", Ok.class, r -> new Ok("yes"))
                .build();
    }

    @Test
    void pausedFailOpenLetsRequestsThroughAndCountingResumes() throws Exception {
        try (TestRedisServer server = TestRedisServer.start();
                TestRedis keys = TestRedis.create(server.url());
                Redis redis = Redis.create(keys.settings())) {
            Load load = underLoad(app(redis, FailurePolicy.OPEN), () -> pause(keys, 1500), 1500);
            assertThat(load.seen()).allMatch(s -> s.status() == 200);
            assertThat(load.seen()).anyMatch(s -> s.remaining() == 1_000_000); // failed open: the count unknown
            report("pause, fail-open", load);
            assertThat(keys.keysWithoutTtl()).isEmpty();
        }
    }

    @Test
    void pausedFailClosedAnswers503ThenRecovers() throws Exception {
        try (TestRedisServer server = TestRedisServer.start();
                TestRedis keys = TestRedis.create(server.url());
                Redis redis = Redis.create(keys.settings())) {
            Load load = underLoad(app(redis, FailurePolicy.CLOSED), () -> pause(keys, 1500), 1500);
            assertThat(load.seen()).anyMatch(s -> s.status() == 503);
            assertThat(load.seen()).allMatch(s -> s.status() == 200 || s.status() == 503);
            report("pause, fail-closed", load);
            assertThat(keys.keysWithoutTtl()).isEmpty();
        }
    }

    @Test
    void killedAndRestartedFailClosedRecoversWithinSeconds() throws Exception {
        try (TestRedisServer server = TestRedisServer.start();
                TestRedis keys = TestRedis.create(server.url());
                Redis redis = Redis.create(keys.settings())) {
            Load load = underLoad(app(redis, FailurePolicy.CLOSED), () -> killFor(server, 1500), 1500);
            assertThat(load.seen()).anyMatch(s -> s.status() == 503);
            report("restart, fail-closed", load);
            assertThat(keys.keysWithoutTtl()).isEmpty();
        }
    }

    @Test
    void killedAndRestartedFailOpenNeverRefusesAndRecoversWithinSeconds() throws Exception {
        try (TestRedisServer server = TestRedisServer.start();
                TestRedis keys = TestRedis.create(server.url());
                Redis redis = Redis.create(keys.settings())) {
            Load load = underLoad(app(redis, FailurePolicy.OPEN), () -> killFor(server, 1500), 1500);
            assertThat(load.seen()).allMatch(s -> s.status() == 200);
            assertThat(load.seen()).anyMatch(s -> s.remaining() == 1_000_000);
            report("restart, fail-open", load);
            assertThat(keys.keysWithoutTtl()).isEmpty();
        }
    }

    /**
     * Four callers request without pause; the outage starts 300 ms in and lasts {@code outageMillis}; the load goes
     * on until counting has resumed (bounded by the outage plus {@link #RECOVERY_BOUND}). Asserts recovery.
     */
    private static Load underLoad(Portico app, Outage outage, long outageMillis) throws Exception {
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long[] back = new long[1];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int caller = 0; caller < 4; caller++) {
                pool.submit(() -> {
                    while (running.get()) {
                        Response r = app.handle(TestRequest.get("/api/x/").from("203.0.113.7"));
                        seen.add(new Seen(
                                System.nanoTime(),
                                r.status(),
                                r.headerValue("RateLimit-Remaining")
                                        .map(Long::parseLong)
                                        .orElse(-1L)));
                        Thread.sleep(2); // a steady load, not a spin that starves the other builds
                    }
                    return null;
                });
            }
            Thread.sleep(300);
            back[0] = outage.run(); // when Redis answers again
            long deadline = back[0] + RECOVERY_BOUND.toNanos();
            while (System.nanoTime() < deadline && recovered(seen, back[0]) < 0) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        long recovered = recovered(seen, back[0]);
        assertThat(recovered)
                .as("counting in Redis again within %s of its return", RECOVERY_BOUND)
                .isNotNegative();
        return new Load(new ArrayList<>(seen), recovered);
    }

    /** Nanoseconds after {@code back} of the first request counted in Redis again, or -1. */
    private static long recovered(Iterable<Seen> seen, long back) {
        for (Seen s : seen) {
            if (s.at() > back && s.status() == 200 && s.remaining() < 1_000_000) {
                return s.at() - back;
            }
        }
        return -1;
    }

    private static void report(String what, Load load) {
        List<Seen> requests = load.seen();
        System.out.printf(
                "[outage] %s: %d requests, %d x 200, %d x 503; counted again %d ms after Redis answered%n",
                what,
                requests.size(),
                requests.stream().filter(s -> s.status() == 200).count(),
                requests.stream().filter(s -> s.status() == 503).count(),
                TimeUnit.NANOSECONDS.toMillis(load.recoveryNanos()));
    }

    @FunctionalInterface
    private interface Outage {
        /** Causes the outage and returns when Redis answers again (nanoTime). */
        long run() throws Exception;
    }

    private static long pause(TestRedis keys, long millis) throws InterruptedException {
        keys.raw().clientPause(millis);
        Thread.sleep(millis);
        return System.nanoTime();
    }

    private static long killFor(TestRedisServer server, long millis) throws Exception {
        server.kill();
        Thread.sleep(millis);
        server.restart();
        return System.nanoTime();
    }
}
