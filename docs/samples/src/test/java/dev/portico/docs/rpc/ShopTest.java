package dev.portico.docs.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.rpc.Api;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import dev.portico.test.junit.TestSetup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** docs/api-methods.md: each form the page shows, sent as a page or curl would encode it, in-process. */
@PorticoTest(database = TestDatabase.NONE)
class ShopTest {

    @App
    static Portico app(TestSetup setup) {
        PorticoConfig config = setup.config().build();
        // region mount
        Api api = Api.builder().module(new Shop()).build();
        Portico app =
                Portico.builder().config(config).endpoints(api.endpoints()).build();
        String action = api.url("api:shop/place_order"); // "/api/shop/place_order", for a page's <form action>
        // endregion mount
        assertThat(action).isEqualTo("/api/shop/place_order");
        return app;
    }

    /** The form body as it is (repeated names and {@code name.=} kept raw, as a browser or curl sends them). */
    private static TestResponse call(PorticoClient client, String method, String form) {
        return client.post("/api/shop/" + method)
                .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    @Test
    void recordsAndLists(PorticoClient client) {
        assertThat(call(client, "list_products", "price.min=5&price.max=20&sizes=SMALL&sizes=LARGE")
                        .text())
                .contains("mug")
                .contains("poster")
                .doesNotContain("lamp");
        assertThat(call(client, "list_products", "price.=&sizes.=").text())
                .contains("mug")
                .contains("lamp");
        assertThat(call(client, "list_products", "price.max=10&sizes.0=SMALL").text())
                .contains("mug")
                .doesNotContain("poster");
        assertThat(call(client, "list_products", "sizes.=")).isProblem(400).hasErrorsOnlyOn("price");
        assertThat(call(client, "list_products", "price.=&sizes=HUGE"))
                .isProblem(400)
                .hasErrorsOnlyOn("sizes.0")
                .hasFieldError("sizes.0", "\"HUGE\" is not a valid choice.");
    }

    @Test
    void boolsDatetimesAndDictionaries(PorticoClient client) {
        assertThat(call(
                        client,
                        "place_order",
                        "items=mug&items=lamp&gift=off&gift=on&after=1700000000.5&quantities.mug=2&quantities.lamp=1"))
                .hasStatus(200)
                .hasBody("{\"items\":[\"mug\",\"lamp\"],\"gift\":true,\"after\":\"2023-11-14T22:13:20.500Z\","
                        + "\"quantities\":{\"mug\":2,\"lamp\":1}}");
        assertThat(call(client, "place_order", "items.=&gift=no&quantities.="))
                .isProblem(400)
                .hasErrorsOnlyOn("items")
                .hasFieldError("items", "This list may not be empty.");
        assertThat(call(client, "place_order", "items=mug&gift=maybe&quantities.="))
                .isProblem(400)
                .hasErrorsOnlyOn("gift");
        assertThat(client.post("/api/shop/place_order")
                        .json("{\"items\":[\"mug\"],\"gift\":false,\"quantities\":{\"mug\":1}}")
                        .send())
                .hasStatus(200);
    }

    @Test
    void uploadsAndTheIndex(PorticoClient client) {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"inv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1\r\n--" + boundary + "--\r\n";
        assertThat(client.post("/api/shop/upload_invoice")
                        .body("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8))
                        .send())
                .hasBody("{\"name\":\"inv.pdf\",\"size\":6}");
        TestResponse index = client.get("/api/_index").send();
        assertThat(index).hasStatus(200);
        assertThat(index.text()).contains("place_order");
    }
}
