package dev.portico.redis.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.redis.FailurePolicy;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisTest;
import dev.portico.redis.TestRedis;
import dev.portico.testing.MutableClock;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exactly the limit passes under a burst of concurrent requests from one caller, on one instance and on two instances
 * (two apps, each with its own Redis connection) sharing one Redis. The clock is fixed mid-window so the burst cannot
 * straddle two windows.
 */
@RedisTest
class RedisThrottleBurstTest {
    record Ok(String ok) {}

    private static final int LIMIT = 300;
    private static final int THREADS_PER_INSTANCE = 16;
    private static final int REQUESTS_PER_THREAD = 100;
    private final MutableClock clock = MutableClock.at(1_700_000_070_000L);

    private Portico instance(Redis redis) {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .throttleStore(RedisThrottleStore.create(redis, FailurePolicy.CLOSED, clock))
                .throttle(Throttle.of(LIMIT, Duration.ofMinutes(1)))
                .get("/api/x/", Ok.class, r -> new Ok("yes"))
                .build();
    }

    @Test
    void oneInstance() throws Exception {
        try (TestRedis server = TestRedis.create();
                Redis redis = Redis.create(server.settings())) {
            int[] statuses = burst(List.of(instance(redis)));
            assertThat(statuses[200]).isEqualTo(LIMIT);
            assertThat(statuses[429]).isEqualTo(THREADS_PER_INSTANCE * REQUESTS_PER_THREAD - LIMIT);
            assertThat(server.keysWithoutTtl()).isEmpty();
            System.out.printf(
                    "[burst] one instance: %d of %d passed (limit %d)%n",
                    statuses[200], THREADS_PER_INSTANCE * REQUESTS_PER_THREAD, LIMIT);
        }
    }

    @Test
    void twoInstancesSharingRedis() throws Exception {
        try (TestRedis server = TestRedis.create();
                Redis first = Redis.create(server.settings());
                Redis second = Redis.create(server.settings())) {
            int[] statuses = burst(List.of(instance(first), instance(second)));
            assertThat(statuses[200]).isEqualTo(LIMIT);
            assertThat(statuses[429]).isEqualTo(2 * THREADS_PER_INSTANCE * REQUESTS_PER_THREAD - LIMIT);
            assertThat(server.keys()).hasSize(1);
            assertThat(server.keysWithoutTtl()).isEmpty();
            System.out.printf(
                    "[burst] two instances: %d of %d passed (limit %d)%n",
                    statuses[200], 2 * THREADS_PER_INSTANCE * REQUESTS_PER_THREAD, LIMIT);
        }
    }

    /** Every instance gets its threads, all released at once; the count of each status. */
    private static int[] burst(List<Portico> instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Portico app : instances) {
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        int[] statuses = new int[600];
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            statuses[
                                    app.handle(TestRequest.get("/api/x/").from("203.0.113.7"))
                                            .status()]++;
                        }
                        return statuses;
                    }));
                }
            }
            start.countDown();
            int[] total = new int[600];
            for (Future<int[]> result : results) {
                int[] statuses = result.get(60, TimeUnit.SECONDS);
                for (int s = 0; s < total.length; s++) {
                    total[s] += statuses[s];
                }
            }
            return total;
        }
    }
}
