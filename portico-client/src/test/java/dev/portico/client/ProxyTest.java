package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Typed proxies from the interface the server's module implements. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTest {
    private TestServer server;
    private ApiClient api;
    private ShopApi shop;

    @BeforeAll
    void start() {
        server = TestServer.start();
        api = ApiClient.builder(server.root()).build();
        shop = api.session(TestServer.KEY_ID, TestServer.SECRET)
                .header("X-Tenant", "acme")
                .proxy(ShopApi.class);
    }

    @AfterAll
    void stop() {
        api.close();
        server.close();
    }

    @Test
    void callsAreTypedAndTheCallerIsTheServers() {
        ShopApi.Receipt receipt = shop.order(null, List.of(new ShopApi.Item("tea", 2)), Optional.of("now"));
        assertThat(receipt)
                .isEqualTo(new ShopApi.Receipt("k-test", List.of(new ShopApi.Item("tea", 2)), Optional.of("now"), 2));
        assertThat(shop.whoAmI(null, ShopApi.Color.RED)).isEqualTo(new ShopApi.Who("k-test@server", "acme", "RED"));
        assertThat(shop.whoAmI(null, null).color()).isEqualTo("none");
        assertThat(shop.order(null, List.of(), null).total()).isZero(); // null for an Optional: left out
    }

    @Test
    void voidMethodsDefaultMethodsAndFiles() throws Exception {
        shop.forget("ada");
        assertThat(server.forgotten).contains("ada");
        assertThat(shop.greetTwice("bob")).isEqualTo("Hello, bob Hello, bob");
        ShopApi.Received received = shop.upload(
                ClientFile.of("a.txt", "text/plain", "content".getBytes(StandardCharsets.UTF_8)), Optional.empty());
        assertThat(received).isEqualTo(new ShopApi.Received("a.txt", "text/plain", "content", Optional.empty()));
    }

    @Test
    void aProxyNeedsNoIndexAndItsPlanIsMadeOncePerClient() {
        server.requests.clear();
        assertThat(shop.greet("ada")).isEqualTo("Hello, ada");
        assertThat(server.requests).containsExactly("POST /api/shop/greet");
        assertThat(api.modulePlan(ShopApi.class)).isSameAs(api.modulePlan(ShopApi.class));
    }

    @Test
    void aMethodOfTheInterfaceHasTheSeedsProperties() {
        RemoteMethod<ShopApi.Receipt> order =
                api.session(TestServer.KEY_ID, TestServer.SECRET).method(ShopApi.class, "order");
        assertThat(order.name()).isEqualTo("shop.order");
        assertThat(order.collate(java.util.Map.of("items", List.of(new ShopApi.Item("tea", 2))))
                        .fields())
                .containsExactly(
                        java.util.Map.entry("items.0.name", List.of("tea")),
                        java.util.Map.entry("items.0.quantity", List.of("2")));
        assertThat(order.json(java.util.Map.of("items", List.of()))).contains("\"total\":0");
        assertThat(order.call(java.util.Map.of("items", List.of(new ShopApi.Item("a", 5))))
                        .total())
                .isEqualTo(5);
    }

    @Test
    void objectMethodsAnswerLocally() {
        assertThat(shop.toString())
                .startsWith("ShopApi proxy of ApiSession[")
                .contains("k-test")
                .doesNotContain(TestServer.SECRET);
        assertThat(shop).isEqualTo(shop).isNotEqualTo(api.proxy(ShopApi.class));
        assertThat(shop.hashCode()).isEqualTo(System.identityHashCode(shop));
    }

    interface NotAModule {
        String greet(String name);
    }

    @ApiModule("half")
    interface Half {
        @ApiMethod
        String greet(String name);

        String other();
    }

    @Test
    void onlyAnnotatedInterfacesOfApiMethodsMakeProxies() {
        assertThatThrownBy(() -> api.proxy(NotAModule.class))
                .hasMessageContaining("not an interface annotated @ApiModule");
        assertThatThrownBy(() -> api.proxy(Half.class)).hasMessageContaining("Half.other is not an @ApiMethod");
        assertThatThrownBy(() -> api.method(ShopApi.class, "nope"))
                .hasMessageContaining("has no @ApiMethod named nope");
    }
}
