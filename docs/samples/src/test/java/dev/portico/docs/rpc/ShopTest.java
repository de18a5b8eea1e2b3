package dev.portico.docs.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.docs.Http;
import dev.portico.rpc.Api;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/api-methods.md: each form the page shows, sent as a page or curl would send it. */
class ShopTest {
    private static Portico app;
    private static Http http;
    private static Api api;

    @BeforeAll
    static void start() {
        PorticoConfig config = PorticoConfig.builder().set(Settings.SERVER_PORT, 0).build();
        // region mount
        Api api = Api.builder()
                .module(new Shop())
                .build();
        Portico app = api.addTo(Portico.builder().config(config)).build().start();
        String action = api.url("api:shop/place_order");  // "/api/shop/place_order", for a page's <form action>
        // endregion mount
        ShopTest.app = app;
        ShopTest.api = api;
        assertThat(action).isEqualTo("/api/shop/place_order");
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> call(String method, String form) {
        HttpResponse<String> r = http.form("/api/shop/" + method, form);
        System.out.println(method + " " + form + " -> " + r.statusCode() + " " + r.body());
        return r;
    }

    @Test
    void recordsAndLists() {
        assertThat(call("list_products", "price.min=5&price.max=20&sizes=SMALL&sizes=LARGE").body())
                .contains("mug").contains("poster").doesNotContain("lamp");
        assertThat(call("list_products", "price.=&sizes.=").body()).contains("mug").contains("lamp");
        assertThat(call("list_products", "price.max=10&sizes.0=SMALL").body()).contains("mug").doesNotContain("poster");
        assertThat(call("list_products", "sizes.=").statusCode()).isEqualTo(400);
        assertThat(call("list_products", "price.=&sizes=HUGE").statusCode()).isEqualTo(400);
    }

    @Test
    void boolsDatetimesAndDictionaries() {
        HttpResponse<String> r = call("place_order",
                "items=mug&items=lamp&gift=off&gift=on&after=1700000000.5&quantities.mug=2&quantities.lamp=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"items\":[\"mug\",\"lamp\"],\"gift\":true,\"after\":\"2023-11-14T22:13:20.500Z\","
                + "\"quantities\":{\"mug\":2,\"lamp\":1}}");
        assertThat(call("place_order", "items.=&gift=no&quantities.=").statusCode()).isEqualTo(400);
        assertThat(call("place_order", "items=mug&gift=maybe&quantities.=").statusCode()).isEqualTo(400);
        HttpResponse<String> json = http.json("/api/shop/place_order",
                "{\"items\":[\"mug\"],\"gift\":false,\"quantities\":{\"mug\":1}}");
        System.out.println("json -> " + json.statusCode() + " " + json.body());
        assertThat(json.statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsAndTheIndex() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"inv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.post("/api/shop/upload_invoice", "multipart/form-data; boundary=" + boundary, body);
        System.out.println("upload -> " + r.statusCode() + " " + r.body());
        assertThat(r.body()).isEqualTo("{\"name\":\"inv.pdf\",\"size\":6}");
        HttpResponse<String> index = http.get("/api/_index");
        System.out.println("index -> " + index.statusCode() + " " + index.body());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("place_order");
    }
}
