package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration's clock reaches the default throttle store and response cache: moving the class's
 * {@link MutableClock} opens a new throttle window and expires a cached answer, with no sleep.
 */
@PorticoTest(database = TestDatabase.NONE)
class ClockTest {

    @App
    static Portico app(TestSetup setup) {
        return SampleApp.builder(setup.config().build()).build();
    }

    @BeforeEach
    void atAMinuteBoundary(MutableClock clock) {
        Instant now = clock.instant();
        clock.set(Instant.ofEpochSecond((now.getEpochSecond() / 60 + 10) * 60)); // later than any earlier test's window
    }

    @Test
    void aThrottleWindowOpensWhenTheClockMoves(PorticoClient client, MutableClock clock) {
        assertThat(client.get("/api/limited/").send()).hasStatus(200).hasHeader("RateLimit-Reset", "60");
        clock.advance(Duration.ofSeconds(15));
        assertThat(client.get("/api/limited/").send()).hasStatus(200).hasHeader("RateLimit-Remaining", "0");
        assertThat(client.get("/api/limited/").send())
                .isProblem(429)
                .hasCode("throttled")
                .hasHeader("Retry-After", "45");
        clock.advance(Duration.ofSeconds(45));
        assertThat(client.get("/api/limited/").send()).hasStatus(200);
    }

    @Test
    void aCachedAnswerExpiresWhenTheClockPassesItsTtl(PorticoClient client, MutableClock clock) {
        int first =
                client.get("/api/cached/").send().json(SampleApp.Count.class).count();
        clock.advance(Duration.ofSeconds(29));
        assertThat(client.get("/api/cached/").send()).hasJsonPath("$.count", first);
        clock.advance(Duration.ofSeconds(2));
        assertThat(client.get("/api/cached/").send()).hasJsonPath("$.count", first + 1);
    }
}
