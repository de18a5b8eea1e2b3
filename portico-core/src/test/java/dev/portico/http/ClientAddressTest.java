package dev.portico.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Throttle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client IP behind trusted proxies, and what a client gains by sending forwarding headers itself: nothing. */
class ClientAddressTest {
    record Ok(String ok) {}

    private final List<String> keys = new ArrayList<>();

    private Portico app(int proxies, ClientAddress.Header header) {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_TRUSTED_PROXIES, proxies)
                .set(Settings.SERVER_FORWARDED_HEADER, header)
                .build();
        return Portico.builder()
                .config(config)
                .throttle(key -> {
                    keys.add(key);
                    return new Throttle.Decision(true, 10, 9, 60);
                })
                .get("/api/x/", Ok.class, r -> new Ok("yes"))
                .build();
    }

    private String keyOf(Portico app, TestRequest request) {
        keys.clear();
        app.handle(request);
        return keys.getFirst();
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        Portico app = app(0, ClientAddress.Header.X_FORWARDED_FOR);
        assertThat(keyOf(app, TestRequest.get("/api/x/").from("203.0.113.7").header("X-Forwarded-For", "198.51.100.1")))
                .isEqualTo("ip:203.0.113.7");
    }

    @Test
    void behindOneProxyTheClientIsTheLastEntryWhateverTheClientPutBeforeIt() {
        Portico app = app(1, ClientAddress.Header.X_FORWARDED_FOR);
        // the proxy (10.0.0.2) appended the address it saw; "1.1.1.1, 2.2.2.2" came from the client
        assertThat(keyOf(
                        app,
                        TestRequest.get("/api/x/")
                                .from("10.0.0.2")
                                .header("X-Forwarded-For", "1.1.1.1, 2.2.2.2, 203.0.113.7")))
                .isEqualTo("ip:203.0.113.7");
        assertThat(keyOf(app, TestRequest.get("/api/x/").from("10.0.0.2").header("X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("ip:203.0.113.7");
    }

    @Test
    void aSpoofedHeaderNeitherGivesAFreshBucketNorLandsInSomeoneElses() {
        Portico app = app(1, ClientAddress.Header.X_FORWARDED_FOR);
        String honest =
                keyOf(app, TestRequest.get("/api/x/").from("10.0.0.2").header("X-Forwarded-For", "203.0.113.7"));
        for (String spoof : List.of("198.51.100.9", "198.51.100.10", "garbage", "")) {
            assertThat(keyOf(
                            app,
                            TestRequest.get("/api/x/")
                                    .from("10.0.0.2")
                                    .header("X-Forwarded-For", spoof + ", 203.0.113.7")))
                    .isEqualTo(honest);
        }
        // the victim's address sent by the attacker lands in the attacker's bucket, never the victim's
        assertThat(keyOf(
                        app,
                        TestRequest.get("/api/x/")
                                .from("10.0.0.2")
                                .header("X-Forwarded-For", "198.51.100.50, 203.0.113.7")))
                .isNotEqualTo("ip:198.51.100.50");
    }

    @Test
    void severalHeaderLinesAreOneListAndTwoProxiesReadTheSecondFromTheRight() {
        Portico app = app(2, ClientAddress.Header.X_FORWARDED_FOR);
        assertThat(keyOf(
                        app,
                        TestRequest.get("/api/x/")
                                .from("10.0.0.3")
                                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7")
                                .header("X-Forwarded-For", "10.0.0.2")))
                .isEqualTo("ip:203.0.113.7");
        // fewer entries than proxies: the leftmost, which a trusted proxy wrote
        assertThat(keyOf(app, TestRequest.get("/api/x/").from("10.0.0.3").header("X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("ip:203.0.113.7");
    }

    @Test
    void forwardedIsReadOnlyWhenConfiguredAndItsForParameterCanBeQuotedIpv6WithAPort() {
        Portico forwarded = app(1, ClientAddress.Header.FORWARDED);
        assertThat(keyOf(
                        forwarded,
                        TestRequest.get("/api/x/")
                                .from("10.0.0.2")
                                .header("Forwarded", "for=6.6.6.6, for=\"[2001:DB8:0:0:0:0:0:1]:4711\";proto=https")))
                .isEqualTo("ip:2001:db8:0:0:0:0:0:1");
        assertThat(keyOf(
                        forwarded,
                        TestRequest.get("/api/x/")
                                .from("10.0.0.2")
                                .header("Forwarded", "for=_hidden")
                                .header("X-Forwarded-For", "6.6.6.6")))
                .isEqualTo("ip:10.0.0.2"); // an obfuscated identifier: the peer; the other header is not read
        Portico xff = app(1, ClientAddress.Header.X_FORWARDED_FOR);
        assertThat(keyOf(xff, TestRequest.get("/api/x/").from("10.0.0.2").header("Forwarded", "for=6.6.6.6")))
                .isEqualTo("ip:10.0.0.2"); // the proxy writes X-Forwarded-For: a Forwarded header is the client's
    }

    @Test
    void literalsAreCanonicalAndNamesAreNeverLookedUp() {
        assertThat(ClientAddress.literal("203.0.113.7:8080")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.literal("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.literal("[::1]:80")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ClientAddress.literal("localhost")).isNull();
        assertThat(ClientAddress.literal("example.com")).isNull();
        assertThat(ClientAddress.literal("256.1.1.1")).isNull();
        assertThat(ClientAddress.literal("unknown")).isNull();
    }
}
