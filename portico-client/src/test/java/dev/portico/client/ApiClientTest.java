package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic calls, sessions and headers against a real server on a loopback port ({@link TestServer}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiClientTest {
    private TestServer server;
    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        server = TestServer.start();
        Path config = dir.resolve("config");
        Files.writeString(
                config,
                "[default]\naccess_key_id = " + TestServer.KEY_ID + "\naccess_key_secret = "
                        + TestServer.SECRET + "\n\n[other]\naccess_key_id = " + TestServer.OTHER_ID
                        + "\naccess_key_secret = " + TestServer.OTHER_SECRET + "\n");
        api = ApiClient.builder(server.root())
                .credentialsFile(config)
                .header("X-Tenant", "client-wide")
                .build();
    }

    @AfterAll
    void stop() {
        api.close();
        server.close();
    }

    @BeforeEach
    void clear() {
        server.requests.clear();
    }

    @Test
    void aDynamicCallAnswersJsonWithTheDefaultProfile() {
        JsonNode who = api.call("shop.who_am_i", Map.of("color", "GREEN"));
        assertThat(who.get("caller").asText()).isEqualTo("k-test@server");
        assertThat(who.get("color").asText()).isEqualTo("GREEN");
        assertThat(server.requests).endsWith("POST /api/shop/who_am_i");
    }

    @Test
    void aTypedDynamicCall() {
        ShopApi.Receipt receipt = api.call(
                "shop.order",
                Map.of(
                        "items",
                        List.of(new ShopApi.Item("tea", 2), Map.of("name", "cake", "quantity", 1)),
                        "note",
                        "quick"),
                ShopApi.Receipt.class);
        assertThat(receipt.items()).containsExactly(new ShopApi.Item("tea", 2), new ShopApi.Item("cake", 1));
        assertThat(receipt.total()).isEqualTo(3);
        assertThat(receipt.note()).contains("quick");
    }

    @Test
    void listsMapsInstantsAndTheEmptyList() {
        JsonNode counts = api.call(
                "shop.count",
                Map.of("words", List.of("a", "b", "a"), "at", Instant.ofEpochSecond(1_700_000_000L, 500_000_000)));
        assertThat(counts.get("a").asInt()).isEqualTo(2);
        assertThat(counts.has("at:1700000000")).isTrue();
        assertThat(api.call("shop.count", Map.of("words", List.of())).size()).isZero();
    }

    @Test
    void theIndexIsReadOnceAndAnUnknownMethodFailsBeforeAnyRequest() {
        try (ApiClient fresh = ApiClient.builder(server.root()).build()) {
            assertThat(fresh.anonymous()
                            .call("shop.greet", Map.of("name", "ada"))
                            .asText())
                    .isEqualTo("Hello, ada");
            assertThat(fresh.anonymous()
                            .call("shop/greet", Map.of("name", "bob"))
                            .asText())
                    .isEqualTo("Hello, bob");
            assertThat(server.requests)
                    .containsExactly("GET /api/_index", "POST /api/shop/greet", "POST /api/shop/greet");
            server.requests.clear();
            assertThatThrownBy(() -> fresh.call("shop.gret", Map.of()))
                    .isInstanceOf(UnknownMethodException.class)
                    .hasMessageContaining("no method \"shop.gret\"")
                    .hasMessageContaining("shop.greet");
            assertThatThrownBy(() -> fresh.call("shop.greet", Map.of("nmae", "ada")))
                    .isInstanceOf(UnknownMethodException.class)
                    .hasMessageContaining("shop.greet has no argument \"nmae\"; its arguments are [name]");
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void anUnknownMethodsMessageStartsWithTheCallItStoppedWithoutUserInformation() {
        String root = server.root().replace("http://", "http://ada:pw@");
        try (ApiClient fresh = ApiClient.builder(root).build()) {
            UnknownMethodException method =
                    catchThrowableOfType(UnknownMethodException.class, () -> fresh.call("api:shop/gret"));
            assertThat(method.url()).isEqualTo("POST " + server.root() + "/shop/gret");
            assertThat(method.getMessage())
                    .startsWith("POST " + server.root() + "/shop/gret: the API has no method "
                            + "\"api:shop/gret\"; its methods are [")
                    .doesNotContain("pw");
            UnknownMethodException argument = catchThrowableOfType(
                    UnknownMethodException.class, () -> fresh.call("shop.greet", Map.of("nmae", "ada")));
            assertThat(argument.url()).isEqualTo("POST " + server.root() + "/shop/greet");
            assertThat(argument.getMessage())
                    .isEqualTo("POST " + server.root() + "/shop/greet: shop.greet has no "
                            + "argument \"nmae\"; its arguments are [name]");
            assertThat(server.requests).containsExactly("GET /api/_index");
        }
    }

    @Test
    void aSessionByProfileOrByKeyAndItsHeadersOverTheClients() {
        assertThat(api.session("other").call("shop.who_am_i").get("caller").asText())
                .isEqualTo("k-other@server");
        ApiSession direct = api.session(TestServer.OTHER_ID, TestServer.OTHER_SECRET);
        assertThat(direct.call("shop.who_am_i").get("tenant").asText()).isEqualTo("client-wide");
        assertThat(direct.header("x-tenant", "session")
                        .call("shop.who_am_i")
                        .get("tenant")
                        .asText())
                .isEqualTo("session");
        assertThat(direct.headers(Map.of("X-Other", "1"))
                        .call("shop.who_am_i")
                        .get("tenant")
                        .asText())
                .isEqualTo("client-wide");
    }

    @Test
    void aMissingProfileIsAClearError() {
        assertThatThrownBy(() -> api.session("weekend"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("no profile [weekend]")
                .hasMessageContaining("[default, other]");
    }

    @Test
    void aRestrictedHeaderNamesTheJdkSetting() {
        assertThatThrownBy(() -> ApiClient.builder(server.root()).header("Host", "myhost.com"))
                .hasMessageContaining("-Djdk.httpclient.allowRestrictedHeaders=host");
        assertThatThrownBy(() -> api.session().header("Connection", "close")).hasMessageContaining("restricted");
    }

    @Test
    void aFileGoesAsMultipart() {
        JsonNode received = api.call(
                "shop.upload",
                Map.of(
                        "file",
                        ClientFile.of("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                        "note",
                        "n"));
        assertThat(received.get("name").asText()).isEqualTo("notes.txt");
        assertThat(received.get("contentType").asText()).isEqualTo("text/plain");
        assertThat(received.get("content").asText()).isEqualTo("hello");
        assertThat(received.get("note").asText()).isEqualTo("n");
    }

    @Test
    void theRootMustBeAnHttpUrl() {
        assertThatThrownBy(() -> ApiClient.create("mysite/api")).hasMessageContaining("http or https URL");
    }
}
