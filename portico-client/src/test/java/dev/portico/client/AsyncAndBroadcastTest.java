package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code callAsync} on virtual threads, its failures on the {@code portico.client} logger; broadcast per root. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncAndBroadcastTest {
    private TestServer east;
    private TestServer west;
    private ApiClient api;

    @BeforeAll
    void start() {
        east = TestServer.start("east");
        west = TestServer.start("west");
        api = ApiClient.builder(east.root()).build();
    }

    @AfterAll
    void stop() {
        api.close();
        east.close();
        west.close();
    }

    @Test
    void callAsyncAnswersAFuture() throws Exception {
        RemoteMethod<JsonNode> greet = api.method("shop.greet");
        assertThat(greet.callAsync(Map.of("name", "ada"))
                        .get(10, TimeUnit.SECONDS)
                        .asText())
                .isEqualTo("Hello, ada");
    }

    @Test
    void aFailedAsyncCallIsLoggedFromItsVirtualThread() throws Exception {
        try (LogCapture log = new LogCapture(RemoteMethod.LOGGER)) {
            var future = api.session(TestServer.KEY_ID, TestServer.SECRET)
                    .method("shop.greet")
                    .callAsync(Map.of("name", ""));
            assertThat(future).failsWithin(10, TimeUnit.SECONDS);
            ILoggingEvent event = log.events().getFirst();
            assertThat(event.getLoggerName()).isEqualTo("portico.client");
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .startsWith("shop.greet failed: POST " + east.root() + "/shop/greet: 400 invalid");
            assertThat(event.getThreadName()).isEqualTo("portico-client shop.greet");
            assertThat(log.text()).doesNotContain(TestServer.SECRET);
        }
    }

    @Test
    void broadcastCallsEveryRootAndAnswersEachResultOrFailure() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + deadPort + "/api";
        ApiSession session = api.session(TestServer.KEY_ID, TestServer.SECRET);
        List<Outcome<JsonNode>> outcomes = session.method("shop.who_am_i")
                .broadcast(List.of(east.root(), west.root() + "/", dead), Map.of("color", "RED"));
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0))
                .isInstanceOfSatisfying(
                        Outcome.Success.class,
                        s -> assertThat(((JsonNode) s.value()).get("caller").asText())
                                .isEqualTo("k-test@east"));
        assertThat(outcomes.get(1))
                .isInstanceOfSatisfying(
                        Outcome.Success.class,
                        s -> assertThat(((JsonNode) s.value()).get("caller").asText())
                                .isEqualTo("k-test@west"));
        assertThat(outcomes.get(1).root()).isEqualTo(west.root());
        assertThat(outcomes.get(2))
                .isInstanceOfSatisfying(
                        Outcome.Failure.class, f -> assertThat(f.error()).isInstanceOf(ApiConnectionException.class));
        assertThat(outcomes.get(2).root()).isEqualTo(dead);
    }

    @Test
    void broadcastOfAProxyMethod() {
        RemoteMethod<ShopApi.Who> who =
                api.session(TestServer.KEY_ID, TestServer.SECRET).method(ShopApi.class, "whoAmI");
        assertThat(who.broadcast(List.of(east.root(), west.root())))
                .extracting(o -> ((Outcome.Success<ShopApi.Who>) o).value().caller())
                .containsExactly("k-test@east", "k-test@west");
    }

    @Test
    void anErrorOnOneRootEndsTheBroadcastWithThatErrorInsteadOfWaitingForEver() {
        ApiSession session = api.session(TestServer.KEY_ID, TestServer.SECRET);
        RemoteMethod<String> breaking = new RemoteMethod<>(
                session,
                MethodPlan.dynamic("shop.who_am_i", List.of(), List.of(), dev.portico.config.Naming.CAMEL_CASE),
                text -> {
                    if (text.contains("@west")) {
                        throw new AssertionError("the reader broke on west");
                    }
                    return text;
                });
        CompletableFuture<List<Outcome<String>>> run =
                CompletableFuture.supplyAsync(() -> breaking.broadcast(List.of(east.root(), west.root())));
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> run.get(20, TimeUnit.SECONDS));
        assertThat(e.getCause()).isExactlyInstanceOf(AssertionError.class).hasMessage("the reader broke on west");
    }
}
