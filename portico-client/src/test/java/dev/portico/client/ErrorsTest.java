package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server's error format as exceptions, network failures and timeouts wrapped with the URL, no secret anywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {
    private TestServer server;
    private ApiClient api;

    @BeforeAll
    void start() {
        server = TestServer.start();
        api = ApiClient.builder(server.root()).build();
    }

    @AfterAll
    void stop() {
        api.close();
        server.close();
    }

    @Test
    void aValidationErrorCarriesStatusDetailCodeAndErrors() {
        ApiErrorException e = catchThrowableOfType(
                ApiErrorException.class, () -> api.anonymous().call("shop.greet", Map.of("name", " ")));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).contains("invalid");
        assertThat(e.detail()).isNotBlank();
        assertThat(e.errors()).containsKey("name");
        assertThat(e.url()).isEqualTo("POST " + server.root() + "/shop/greet");
        assertThat(e.getMessage())
                .startsWith("POST " + server.root() + "/shop/greet: 400 invalid: ")
                .contains("name=");
        ApiErrorException missing = catchThrowableOfType(
                ApiErrorException.class, () -> api.anonymous().call("shop.greet", Map.of()));
        assertThat(missing.errors().get("name")).containsExactly("This field is required.");
    }

    @Test
    void aWrongSecretIsRefusedWithoutTheSecretInMessageToStringOrLog() {
        String secret = "wrong-secret-0123456789";
        ApiSession session = api.session(TestServer.KEY_ID, secret);
        try (LogCapture log = new LogCapture(RemoteMethod.LOGGER)) {
            ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> session.call("shop.who_am_i"));
            // a form field has no HTTP challenge, so bad credentials are a 403 (auth.Refusal, as DRF)
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.detail()).isEqualTo("Invalid API key.");
            CompletionException async = catchThrowableOfType(
                    CompletionException.class,
                    () -> session.method("shop.who_am_i").callAsync().join());
            assertThat(async.getCause()).isInstanceOf(ApiErrorException.class);
            List<String> printed = new ArrayList<>(List.of(
                    e.getMessage(),
                    e.toString(),
                    session.toString(),
                    api.toString(),
                    session.method("shop.who_am_i").toString(),
                    log.text(),
                    session.method("shop.greet").collate(Map.of("name", "x")).toString()));
            assertThat(log.events()).isNotEmpty();
            assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(secret));
            assertThat(session.toString()).contains(TestServer.KEY_ID);
        }
    }

    @Test
    void aProtectedIndexIsReadWithoutCredentialsAndItsRefusalSaysWhatToDo() {
        try (TestServer guarded = TestServer.startWithProtectedIndex();
                ApiClient client = ApiClient.builder(guarded.root()).build()) {
            ApiSession session = client.session(TestServer.KEY_ID, TestServer.SECRET);
            ApiErrorException e = catchThrowableOfType(ApiErrorException.class, () -> session.call("shop.greet"));
            assertThat(e.status()).isEqualTo(403); // the form-field key has no challenge (auth.Refusal)
            assertThat(e.url()).isEqualTo("GET " + guarded.root() + "/_index");
            assertThat(e.getMessage())
                    .startsWith("GET " + guarded.root() + "/_index: 403 ")
                    .endsWith("; " + MethodIndex.PROTECTED)
                    .doesNotContain(TestServer.SECRET);
            assertThat(e.detail()).doesNotContain("method index");
            assertThat(session.proxy(ShopApi.class).greet("ada"))
                    .as("a proxy needs no index")
                    .isEqualTo("Hello, ada");
            assertThat(guarded.requests).containsExactly("GET /api/_index", "POST /api/shop/greet");
        }
    }

    @Test
    void aRefusedConnectionIsWrappedWithTheUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ApiClient dead =
                ApiClient.builder("http://ada:pw@127.0.0.1:" + port + "/api").build()) {
            ApiConnectionException e = catchThrowableOfType(
                    ApiConnectionException.class,
                    () -> dead.session("k-1", "secret-xyz").proxy(ShopApi.class).greet("x"));
            assertThat(e.getMessage())
                    .startsWith("POST http://127.0.0.1:" + port + "/api/shop/greet: cannot connect")
                    .doesNotContain("secret-xyz")
                    .doesNotContain("pw");
            assertThat(e.timedOut()).isFalse();
        }
    }

    @Test
    void theRequestTimeoutEndsACallToAServerThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            String root = "http://127.0.0.1:" + silent.getLocalPort() + "/api";
            try (ApiClient slow = ApiClient.builder(root)
                    .requestTimeout(Duration.ofMillis(300))
                    .build()) {
                long start = System.nanoTime();
                ApiConnectionException e = catchThrowableOfType(
                        ApiConnectionException.class,
                        () -> slow.proxy(ShopApi.class).greet("x"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(e.timedOut()).isTrue();
                assertThat(e.getMessage())
                        .isEqualTo("POST " + root + "/shop/greet: no answer within the request " + "timeout of PT0.3S");
                ApiConnectionException index =
                        catchThrowableOfType(ApiConnectionException.class, () -> slow.call("shop.greet"));
                assertThat(index.getMessage()).startsWith("GET " + root + "/_index: no answer");
            } finally {
                silent.close();
                acceptor.join();
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    /**
     * A listening socket that never accepts, its accept queue filled first: the kernel then drops new connection
     * attempts (SYNs) without an answer, so a connect waits until the connect timeout ends it.
     */
    @Test
    void theConnectTimeoutEndsACallToAServerThatTakesNoConnection() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketAddress address = full.getLocalSocketAddress();
            boolean dropping = false;
            while (!dropping && queued.size() < 50) {
                Socket socket = new Socket();
                queued.add(socket);
                try {
                    socket.connect(address, 300);
                } catch (SocketTimeoutException e) {
                    dropping = true;
                }
            }
            assertThat(dropping)
                    .as("the kernel drops connections to a full accept queue")
                    .isTrue();
            String root = "http://127.0.0.1:" + full.getLocalPort() + "/api";
            try (ApiClient unreachable = ApiClient.builder(root)
                    .connectTimeout(Duration.ofMillis(500))
                    .build()) {
                long start = System.nanoTime();
                ApiConnectionException e = catchThrowableOfType(
                        ApiConnectionException.class,
                        () -> unreachable.proxy(ShopApi.class).greet("x"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(e.timedOut()).isTrue();
                assertThat(e.getMessage())
                        .isEqualTo("POST " + root + "/shop/greet: no connection within the connect "
                                + "timeout of PT0.5S");
                assertThat(e.getCause()).isInstanceOf(HttpConnectTimeoutException.class);
            }
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    void timeoutsArePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ApiClient.builder("http://x/api").connectTimeout(Duration.ZERO))
                .hasMessageContaining("connect timeout is positive");
    }
}
