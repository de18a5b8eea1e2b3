package dev.portico.test.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.test.PorticoClient;
import dev.portico.test.junit.App;
import dev.portico.test.junit.Isolation;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import dev.portico.throttle.Throttle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The samples of docs/testing.md on cookies, addresses, instances and isolation, run. */
@PorticoTest(database = TestDatabase.NONE)
class TestingGuideToolsTest {
    record Flavour(String name) {}

    record Count(int value) {}

    @App
    static Portico app(TestSetup setup) {
        AtomicInteger counter = new AtomicInteger();
        return Portico.builder()
                .config(setup.config().build())
                .get("/api/flavour/", Flavour.class, r -> {
                    r.responseHeader("Set-Cookie", "flavour=oat; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax");
                    return new Flavour("oat");
                })
                .delete("/api/flavour/", r -> {
                    r.responseHeader("Set-Cookie", "flavour=; Path=/; Max-Age=0");
                    return null;
                })
                .get(
                        "/api/count/",
                        Count.class,
                        r -> new Count(counter.incrementAndGet()),
                        e -> e.throttle(Throttle.of("1/min")))
                .build();
    }

    @Test
    void cookies(PorticoClient client) {
        // region cookies
        assertThat(client.get("/api/flavour/").send())
                .setsCookie("flavour", "oat")
                .setsCookieWith("flavour", "HttpOnly", "SameSite=Lax");
        assertThat(client.cookies().get("flavour")).contains("oat"); // sent back from now on
        assertThat(client.delete("/api/flavour/").send()).clearsCookie("flavour");
        // endregion cookies
        assertThat(client.cookies().all()).isEmpty();
    }

    @Test
    void addresses(PorticoClient client) {
        // region address
        PorticoClient here = client.fork().remoteAddress("192.0.2.1"); // Django's REMOTE_ADDR, in-process
        PorticoClient there = client.fork().remoteAddress("203.0.113.7");
        assertThat(here.get("/api/count/").send()).hasStatus(200);
        assertThat(here.get("/api/count/").send()).isProblem(429); // 1/min for this address
        assertThat(there.get("/api/count/").send()).hasStatus(200); // another address, another count
        // endregion address
    }

    @Test
    void instances(PorticoClient client, TestSetup setup) {
        Portico second = app(setup);
        try {
            // region instances
            PorticoClient onSecond = client.on(second); // one browser, balanced across two instances
            onSecond.get("/api/flavour/").send(); // a cookie set by the second...
            assertThat(client.cookies().get("flavour")).contains("oat"); // ...is sent to the first
            // endregion instances
        } finally {
            second.stop();
        }
    }

    // region isolation
    @Nested
    @PorticoTest(database = TestDatabase.NONE, isolation = Isolation.PER_TEST) // all anew for every test
    class EveryTestAfresh {
        @App
        static Portico app(TestSetup setup) {
            return TestingGuideToolsTest.app(setup);
        }

        @Test
        void countsFromOne(PorticoClient client) {
            assertThat(client.get("/api/count/").send()).hasJsonPath("$.value", 1);
        }

        @Test
        void countsFromOneAgain(PorticoClient client) {
            assertThat(client.get("/api/count/").send()).hasJsonPath("$.value", 1);
        }
    }
    // endregion isolation
}
