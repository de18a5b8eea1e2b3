package dev.portico.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryThrottleStoreTest {
    private static final long T0 = 1_700_000_040_000L; // the first millisecond of a minute window
    private final MutableClock clock = MutableClock.at(T0);
    private final ThrottleStore store = ThrottleStore.memory(1000, clock);
    private final Rate threePerMinute = new Rate(3, Duration.ofMinutes(1));

    @Test
    void exactlyTheLimitPassesUntilTheLastMillisecondAndTheNextWindowStartsAfresh() {
        assertThat(hit().remaining()).isEqualTo(2);
        assertThat(hit().remaining()).isEqualTo(1);
        assertThat(hit()).isEqualTo(new Throttle.Decision(true, 3, 0, 60));
        clock.set(T0 + 59_999);
        assertThat(hit()).isEqualTo(new Throttle.Decision(false, 3, 0, 1));
        clock.set(T0 + 60_000);
        assertThat(hit()).isEqualTo(new Throttle.Decision(true, 3, 2, 60));
    }

    @Test
    void withABanTheCallerIsRefusedForTheWholeDurationFromTheOverrunNotTheWindow() {
        for (int i = 0; i < 3; i++) {
            store.hit("ip:1", threePerMinute, true);
        }
        clock.set(T0 + 50_000);
        assertThat(store.hit("ip:1", threePerMinute, true)).isEqualTo(new Throttle.Decision(false, 3, 0, 60));
        clock.set(T0 + 60_000); // a new window, but the ban holds until T0 + 110 000
        assertThat(store.hit("ip:1", threePerMinute, true)).isEqualTo(new Throttle.Decision(false, 3, 0, 50));
        clock.set(T0 + 109_999);
        assertThat(store.hit("ip:1", threePerMinute, true).allowed()).isFalse();
        clock.set(T0 + 110_000);
        assertThat(store.hit("ip:1", threePerMinute, true)).isEqualTo(new Throttle.Decision(true, 3, 2, 10));
    }

    @Test
    void withoutABanTheRefusalEndsWithTheWindow() {
        for (int i = 0; i < 4; i++) {
            hit();
        }
        clock.set(T0 + 60_000);
        assertThat(hit().allowed()).isTrue();
    }

    @Test
    void bucketsAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            hit();
        }
        assertThat(store.hit("ip:2", threePerMinute, false).allowed()).isTrue();
        assertThat(store.hit("ip:1", new Rate(3, Duration.ofSeconds(1)), false).allowed())
                .isTrue();
        assertThat(store.hit("ip:1", new Rate(5, Duration.ofMinutes(1)), false).remaining())
                .isEqualTo(4); // another rate
    }

    @Test
    void exactlyTheLimitPassesUnderAConcurrentBurst() throws Exception {
        Rate rate = new Rate(500, Duration.ofMinutes(1));
        int threads = 32;
        int each = 250;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> passed = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                passed.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int ok = 0;
                    for (int i = 0; i < each; i++) {
                        ok += store.hit("ip:burst", rate, false).allowed() ? 1 : 0;
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : passed) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(500); // of 8000
        }
    }

    private Throttle.Decision hit() {
        return store.hit("ip:1", threePerMinute, false);
    }

    @Test
    void aPeekCountsNothingAndSaysWhetherTheNextHitWouldPass() {
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Throttle.Decision(true, 3, 3, 60));
        hit();
        hit();
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Throttle.Decision(true, 3, 1, 60));
        assertThat(store.peek("ip:1", threePerMinute))
                .as("peeking counted nothing")
                .isEqualTo(new Throttle.Decision(true, 3, 1, 60));
        hit();
        clock.set(T0 + 30_000);
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Throttle.Decision(false, 3, 0, 30));
        assertThat(store.peek("ip:2", threePerMinute).allowed()).isTrue();
        clock.set(T0 + 60_000);
        assertThat(store.peek("ip:1", threePerMinute).allowed()).isTrue();
    }

    @Test
    void aPeekSeesABan() {
        for (int i = 0; i < 3; i++) {
            store.hit("ip:1", threePerMinute, true);
        }
        clock.set(T0 + 50_000);
        store.hit("ip:1", threePerMinute, true); // banned until T0 + 110 000
        clock.set(T0 + 60_000); // a new window, still banned
        assertThat(store.peek("ip:1", threePerMinute)).isEqualTo(new Throttle.Decision(false, 3, 0, 50));
    }
}
