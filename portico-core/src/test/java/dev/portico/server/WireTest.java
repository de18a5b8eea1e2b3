package dev.portico.server;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portico.Portico;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.testing.RawHttp;
import dev.portico.testing.TestCaller;
import dev.portico.testing.Wire;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The wire as an attacker sees it: raw bytes on a real socket, the exact bytes back, and proof that nothing ran
 * behind a refused or closed request (a smuggled {@code GET /api/hello/SMUGGLED/} would count itself).
 */
class WireTest {
    record Hello(String message) {}

    record Item(String name, int quantity) {}

    static final String SMUGGLED = "GET /api/hello/SMUGGLED/ HTTP/1.1\r\nHost: x\r\n\r\n";
    static final byte[] BIG = new byte[16 << 20];
    static final Map<String, AtomicInteger> RAN = new ConcurrentHashMap<>();
    static Portico app;
    static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.SERVER_HOST, "127.0.0.1")
                .set(Settings.SERVER_PORT, 0)
                .set(Settings.SERVER_HEADER_TIMEOUT, Duration.ofSeconds(1))
                .set(Settings.SERVER_BODY_TIMEOUT, Duration.ofSeconds(1))
                .set(Settings.SERVER_WRITE_TIMEOUT, Duration.ofSeconds(1))
                .build();
        app = Portico.builder()
                .config(config)
                .shutdownHook(false)
                .get("/api/hello/{name}/", Hello.class, request -> {
                    String name = request.pathParam("name");
                    RAN.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    return new Hello("Hello, " + name + "!");
                })
                .post(
                        "/api/posts/",
                        Item.class,
                        Item.class,
                        (request, item) -> item,
                        e -> e.authenticators(TestCaller.bearer()).permissions(Permission.authenticated()))
                .post("/api/items/", Item.class, Item.class, (request, item) -> item)
                .get(
                        "/api/big/",
                        dev.portico.http.Response.class,
                        request -> dev.portico.http.Response.of(200, "application/octet-stream", BIG))
                .build()
                .start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log = new ListAppender<>();
        log.start();
        root.addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        app.stop();
    }

    @BeforeEach
    void clear() {
        RAN.clear();
        log.list.clear();
    }

    private static int ran(String name) {
        AtomicInteger count = RAN.get(name);
        return count == null ? 0 : count.get();
    }

    private static Wire.Received exchange(String bytes) throws IOException {
        try (Wire wire = Wire.open(app.port())) {
            return wire.send(bytes).readUntilClosed(Duration.ofSeconds(5));
        }
    }

    private static String withBody(String head, String body) {
        return head + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    static Stream<Arguments> refusedThenClosed() {
        String close = "Host: x\r\nConnection: close\r\n";
        return Stream.of(
                Arguments.of(
                        "401",
                        withBody(
                                "POST /api/posts/ HTTP/1.1\r\n" + close + "Content-Type: application/json\r\n",
                                SMUGGLED),
                        401),
                Arguments.of("404", withBody("POST /nowhere/ HTTP/1.1\r\n" + close, SMUGGLED), 404),
                Arguments.of("405", withBody("DELETE /api/hello/x/ HTTP/1.1\r\n" + close, SMUGGLED), 405),
                Arguments.of(
                        "415",
                        withBody("POST /api/items/ HTTP/1.1\r\n" + close + "Content-Type: text/plain\r\n", SMUGGLED),
                        415),
                Arguments.of(
                        "refused multipart",
                        withBody(
                                "POST /api/items/ HTTP/1.1\r\n" + close
                                        + "Content-Type: multipart/form-data; boundary=zzz\r\n",
                                SMUGGLED),
                        400),
                Arguments.of("200", withBody("GET /api/hello/first/ HTTP/1.1\r\n" + close, SMUGGLED), 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedThenClosed(String name, String request, int status) throws IOException {
        Wire.Received received = exchange(request);
        assertThat(received.closed())
                .as("the server closes after Connection: close")
                .isTrue();
        assertThat(received.responses()).isEqualTo(1);
        assertThat(received.status()).isEqualTo(status);
        assertThat(received.text()).containsIgnoringCase("\r\nConnection: close\r\n");
        assertThat(ran("SMUGGLED")).as("the body is never read as a request").isZero();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderWhileTheConnectionStaysOpen() throws IOException {
        String get = "GET /api/hello/PIPELINED/ HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Wire wire = Wire.open(app.port())) {
            Wire.Received received = wire.send(get + get).readUntilClosed(Duration.ofMillis(500));
            assertThat(received.responses()).isEqualTo(2);
            assertThat(received.closed()).isFalse();
        }
        assertThat(ran("PIPELINED")).isEqualTo(2);
    }

    @Test
    void nothingIsReadAfterAConnectionCloseEvenInTheSameWrite() throws IOException {
        Wire.Received received =
                exchange("GET /api/hello/first/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + SMUGGLED);
        assertThat(received.responses()).isEqualTo(1);
        assertThat(received.closed()).isTrue();
        assertThat(ran("first")).isEqualTo(1);
        assertThat(ran("SMUGGLED")).isZero();
    }

    static Stream<Arguments> framingAttacks() {
        String post = "POST /api/items/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        return Stream.of(
                Arguments.of(
                        "CL.TE", post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
                Arguments.of(
                        "TE.CL", post + "Transfer-Encoding: chunked\r\nContent-Length: 50\r\n\r\n0\r\n\r\n" + SMUGGLED),
                Arguments.of(
                        "duplicate Content-Length",
                        post + "Content-Length: 0\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED),
                Arguments.of(
                        "Content-Length with a sign",
                        post + "Content-Length: +" + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED),
                Arguments.of(
                        "space before the colon",
                        post + "Content-Length : " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED),
                Arguments.of(
                        "obs-fold",
                        "GET /api/hello/folded/ HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n" + SMUGGLED),
                Arguments.of("bare LF", "GET /api/hello/lf/ HTTP/1.1\nHost: x\n\n" + SMUGGLED),
                Arguments.of(
                        "oversized chunk size",
                        post + "Transfer-Encoding: chunked\r\n\r\n" + "FFFFFFFFFFFFFFFFFFFFFFFF\r\nx\r\n0\r\n\r\n"
                                + SMUGGLED),
                Arguments.of(
                        "unknown transfer coding", post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
                Arguments.of("bad method token", "G(E)T /api/hello/method/ HTTP/1.1\r\nHost: x\r\n\r\n" + SMUGGLED),
                Arguments.of(
                        "two Host headers", "GET /api/hello/hosts/ HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n" + SMUGGLED),
                Arguments.of("no Host in HTTP/1.1", "GET /api/hello/nohost/ HTTP/1.1\r\n\r\n" + SMUGGLED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void framingAttacks(String name, String request) throws IOException {
        Wire.Received received = exchange(request);
        assertThat(received.closed()).isTrue();
        assertThat(received.responses()).as(received.text()).isEqualTo(1);
        assertThat(received.status()).isBetween(400, 501);
        String body = received.text().substring(received.text().indexOf("\r\n\r\n") + 4);
        // a chunk size past any length is refused by Jetty's parser mid-body, which it reports as the body's end
        assertThat(json(body).get("code").asText()).isIn("bad_request", "not_implemented", "incomplete_body");
        assertThat(received.text()).contains("X-Content-Type-Options: nosniff");
        assertThat(RAN).as("nothing ran").isEmpty();
    }

    @Test
    void http10IsAnsweredAndClosed() throws IOException {
        Wire.Received received = exchange("GET /api/hello/old/ HTTP/1.0\r\n\r\n");
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.text()).startsWith("HTTP/1.").contains("Hello, old!");
        assertThat(received.closed()).isTrue();
    }

    @Test
    void http10KeepAliveIsKeptWhenAsked() throws IOException {
        try (Wire wire = Wire.open(app.port())) {
            wire.send("GET /api/hello/old/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawHttp.Reply first = wire.readResponse();
            assertThat(first.status()).isEqualTo(200);
            wire.send("GET /api/hello/old/ HTTP/1.0\r\n\r\n");
            assertThat(wire.readUntilClosed(Duration.ofSeconds(5)).status()).isEqualTo(200);
        }
        assertThat(ran("old")).isEqualTo(2);
    }

    @Test
    void aBodyCutShortIs400LoggedOnceWithoutAStackTrace() throws IOException {
        Wire.Received received;
        try (Wire wire = Wire.open(app.port())) {
            received = wire.send("POST /api/items/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"name\":")
                    .endOutput()
                    .readUntilClosed(Duration.ofSeconds(5));
        }
        assertThat(received.status()).isEqualTo(400);
        assertThat(received.text()).contains("\"incomplete_body\"");
        assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(log.list)
                .filteredOn(e -> e.getLoggerName().equals(RequestBody.class.getName()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    assertThat(e.getThrowableProxy()).isNull();
                });
    }

    @Test
    void aHeadThatTricklesIsClosedAtTheHeaderTimeout() throws Exception {
        try (Wire wire = Wire.open(app.port())) {
            wire.send("GET /api/hello/slowloris/ HTTP/1.1\r\nHost: x\r\n");
            long start = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - start < Duration.ofSeconds(6).toNanos()) {
                Thread.sleep(200);
                try {
                    wire.send("X-A: b\r\n"); // never idle for long: only a deadline for the whole head stops it
                } catch (IOException e) {
                    closed = true;
                }
            }
            Wire.Received rest = wire.readUntilClosed(Duration.ofSeconds(1));
            assertThat(closed || rest.closed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(ran("slowloris")).isZero();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeout() throws IOException {
        try (Wire wire = Wire.open(app.port())) {
            Wire.Received received = wire.readUntilClosed(Duration.ofSeconds(4));
            assertThat(received.closed()).isTrue();
            assertThat(received.text()).isEmpty();
        }
    }

    @Test
    void aBodyThatTricklesIs408AtTheBodyTimeout() throws Exception {
        try (Wire wire = Wire.open(app.port())) {
            wire.send("POST /api/items/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60\r\n\r\n{");
            for (int i = 0; i < 10; i++) {
                Thread.sleep(200);
                try {
                    wire.send(" ");
                } catch (IOException closed) {
                    break;
                }
            }
            Wire.Received received = wire.readUntilClosed(Duration.ofSeconds(4));
            assertThat(received.status()).isEqualTo(408);
            assertThat(received.text()).contains("\"request_timeout\"");
            assertThat(received.closed()).isTrue();
        }
    }

    @Test
    void aReaderTooSlowIsCutAtTheWriteTimeout() throws Exception {
        try (Wire wire = Wire.openSlowReader(app.port(), 4096)) {
            wire.send("GET /api/big/ HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(3500); // read nothing: the server's write stays pending
            Wire.Received received = wire.readUntilClosed(Duration.ofSeconds(5));
            assertThat(received.closed()).isTrue();
            assertThat(received.text().length()).isLessThan(BIG.length);
        }
    }

    /**
     * A request refused before its body is read (401) must leave the connection fit for the next request, or be
     * answered {@code Connection: close}: a client that reuses it must never meet a connection closed under it.
     */
    @Test
    void aBodyLeftUnreadNeverBreaksTheNextRequestOnTheConnection() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String body : java.util.List.of("{\"name\":\"x\"", "x".repeat(100_000), "{}")) {
            for (int i = 0; i < 30; i++) {
                java.net.http.HttpResponse<String> response = client.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/posts/"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(401);
            }
        }
    }

    /** An early answer to a body that trickles does not wait for it: the connection is given up within a second. */
    @Test
    void anEarlyAnswerToATricklingBodyClosesRatherThanWaits() throws Exception {
        try (Wire wire = Wire.open(app.port())) {
            wire.send("POST /api/posts/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{");
            long start = System.nanoTime();
            RawHttp.Reply reply = wire.readResponse(); // the 401 comes before the body, which never completes
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.headers()).containsEntry("connection", "close");
            assertThat(wire.readUntilClosed(Duration.ofSeconds(3)).closed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void everyAnswerSaysNosniff() throws IOException {
        assertThat(exchange("GET /api/hello/x/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .text())
                .contains("X-Content-Type-Options: nosniff");
        assertThat(exchange("GET /missing/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .text())
                .startsWith("HTTP/1.1 404")
                .contains("X-Content-Type-Options: nosniff");
    }
}
