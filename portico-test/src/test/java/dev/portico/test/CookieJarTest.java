package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jar keeps, replaces, removes and ages cookies as a browser does, on the client's clock. */
class CookieJarTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2001-02-03T04:05:06Z"));
    private final CookieJar jar = new CookieJar(clock);

    @Test
    void setReplacedAndRemoved() {
        jar.receive(List.of("sessionid=abc; Path=/; HttpOnly; SameSite=Lax", "csrftoken=t1; Max-Age=31449600"));
        assertThat(jar.all()).containsEntry("sessionid", "abc").containsEntry("csrftoken", "t1");
        assertThat(jar.header()).contains("sessionid=abc; csrftoken=t1");
        jar.receive(List.of("csrftoken=t2"));
        assertThat(jar.get("csrftoken")).contains("t2");
        jar.receive(List.of("sessionid=\"\"; Max-Age=0; Path=/"));
        assertThat(jar.get("sessionid")).isEmpty();
        jar.receive(List.of("csrftoken=t3; expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        assertThat(jar.get("csrftoken")).as("a past Expires removes it").isEmpty();
        jar.receive(List.of("a=; Path=/", "=nameless", "b=1; Expires=Fri, 31 Dec 9999 23:59:59 GMT"));
        assertThat(jar.all()).containsOnlyKeys("b");
    }

    @Test
    void maxAgeWinsOverExpiresAndBothAreReadOnTheClientsClock() {
        // the server's clock is the test's: an Expires in the real past is still the future here
        jar.receive(List.of(
                "sessionid=s; Path=/; Max-Age=60; Expires=Sat, 03 Feb 2001 04:06:06 GMT",
                "csrftoken=c; Expires=Sat, 03 Feb 2001 05:05:06 GMT",
                "late=l; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        assertThat(jar.all()).containsOnlyKeys("sessionid", "csrftoken", "late");
        clock.advance(Duration.ofSeconds(59));
        assertThat(jar.get("sessionid")).contains("s");
        clock.advance(Duration.ofSeconds(1));
        assertThat(jar.get("sessionid")).as("Max-Age=60 has passed").isEmpty();
        assertThat(jar.header()).contains("csrftoken=c; late=l");
        clock.advance(Duration.ofHours(1));
        assertThat(jar.all())
                .as("the Expires and the Max-Age of an hour have passed")
                .isEmpty();
    }

    @Test
    void aForkedJarIsACopy() {
        jar.receive(List.of("a=1"));
        CookieJar copy = jar.copy();
        copy.receive(List.of("a=2", "b=3"));
        assertThat(jar.all()).containsOnly(java.util.Map.entry("a", "1"));
        assertThat(copy.all()).containsOnlyKeys("a", "b");
    }
}
