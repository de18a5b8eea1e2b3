package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The jar keeps, replaces and removes cookies as a browser does. */
class CookieJarTest {

    @Test
    void setReplacedAndRemoved() {
        CookieJar jar = new CookieJar();
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
}
