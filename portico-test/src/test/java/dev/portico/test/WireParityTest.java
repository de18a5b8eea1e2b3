package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-process client answers as the server does over a socket: two copies of {@link SampleApp} on clocks stopped
 * at the same instant, one served in-process and one by Jetty on loopback, get the same requests in the same order,
 * and every answer's status, headers that matter and body must be equal.
 */
class WireParityTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:10Z");
    private static Portico inProcess;
    private static Portico served;

    @BeforeAll
    static void start() {
        inProcess = SampleApp.builder(config()).build();
        served = SampleApp.builder(config()).build().start();
    }

    private static PorticoConfig config() {
        return PorticoConfig.builder()
                .clock(MutableClock.at(T0))
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0)
                .build();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.stop();
        }
    }

    /** Every kind of answer: bodies in, errors, routing, the method check, policies, cookies, streams, HEAD. */
    private static final List<Function<PorticoClient, TestResponse>> REQUESTS = List.of(
            c -> c.get("/api/hello/ada/").send(),
            c -> c.head("/api/hello/ada/").send(),
            c -> c.options("/api/hello/ada/").send(),
            c -> c.get("/api/hello/ada").send(),
            c -> c.get("/api/hello/ada?x=1").send(),
            c -> c.delete("/api/hello/ada/").send(),
            c -> c.request("BREW", "/api/hello/ada/").send(),
            c -> c.get("/missing/").send(),
            c -> c.get("/api/hello/%E2%82%AC/").send(),
            c -> c.post("/api/notes/").json(Map.of("title", "Hi")).send(),
            c -> c.post("/api/notes/").json("{\"text\":1}").send(),
            c -> c.post("/api/notes/").json("{\"title\":").send(),
            c -> c.post("/api/notes/").send(),
            c -> c.post("/api/notes/")
                    .body("text/plain", "hi".getBytes(StandardCharsets.UTF_8))
                    .send(),
            c -> c.post("/api/notes/")
                    .form(Map.of("title", "form", "text", "a&b"))
                    .send(),
            c -> c.get("/api/notes/").query("page", 2).query("tag", "a b").send(),
            c -> c.get("/api/notes/").query("page", "x").send(),
            c -> c.post("/api/uploads/")
                    .multipart(Multipart.create()
                            .field("note", "n")
                            .file("file", "a.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8)))
                    .send(),
            c -> c.post("/api/uploads/")
                    .multipart(Multipart.create().field("note", "n"))
                    .send(),
            c -> c.get("/api/cookies/set/").send(),
            c -> c.get("/api/cookies/").send(),
            c -> c.get("/api/private/").send(),
            c -> c.get("/api/private/").header("Authorization", "Token ada").send(),
            c -> c.get("/api/limited/").send(),
            c -> c.get("/api/limited/").send(),
            c -> c.get("/api/limited/").send(),
            c -> c.get("/api/cached/").send(),
            c -> c.get("/api/cached/").send(),
            c -> c.get("/api/stream/").send(),
            c -> c.get("/api/schema/").send(),
            c -> c.get("/api/schema/").query("format", "json").send(),
            c -> c.head("/api/schema/swagger-ui/").send());

    @Test
    void everyRequestGetsTheSameAnswerInProcessAndOverTheWire() {
        PorticoClient memory = PorticoClient.inProcess(inProcess).header("Host", "127.0.0.1:" + served.port());
        PorticoClient wire = PorticoClient.overTheWire(served);
        assertThat(Differences.whenSent(REQUESTS, memory, wire)).isEmpty();
    }
}
