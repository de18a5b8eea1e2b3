package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.error.ApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract check of {@link PorticoClient}: an answer the app's own document does not describe (its body, its
 * status, a header) fails the request, in-process and over the wire, naming the operation, where and the rule; a
 * request sent outside the document is fine while its answer is documented; {@link Contract#none()} turns it off.
 */
class ContractTest {
    record Greeting(String message) {}

    record Count(int count) {}

    private static Portico app;

    @BeforeAll
    static void start() {
        app = Portico.builder()
                .config(PorticoConfig.builder()
                        .set(dev.portico.config.Settings.SERVER_PORT, 0)
                        .build())
                .shutdownHook(false)
                .get(
                        "/api/hello/",
                        Greeting.class,
                        r -> new Greeting("Hello"),
                        e -> e.operationId("hello").query("times", int.class, "1"))
                .get(
                        "/api/liar/",
                        Greeting.class,
                        r -> new Greeting("not a count"),
                        e -> e.operationId("liar").response(200, Count.class))
                .get(
                        "/api/teapot/",
                        Greeting.class,
                        r -> {
                            throw new ApiException(418, "teapot", "I'm a teapot.");
                        },
                        e -> e.operationId("teapot"))
                .get(
                        "/api/sauce/",
                        Greeting.class,
                        r -> {
                            r.responseHeader("X-Secret-Sauce", "1");
                            return new Greeting("shh");
                        },
                        e -> e.operationId("sauce"))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aBodyAgainstItsSchemaFailsNamingTheOperationThePathAndTheRule() {
        for (PorticoClient client :
                new PorticoClient[] {PorticoClient.inProcess(app), PorticoClient.overTheWire(app)}) {
            assertThatThrownBy(() -> client.get("/api/liar/").send())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the 200 answer to GET /api/liar/ breaks the OpenAPI document")
                    .hasMessageContaining("operation liar (GET /api/liar/)")
                    .hasMessageContaining("body at $: required: required property 'count' not found");
        }
    }

    @Test
    void anUndocumentedStatusOrHeaderFails() {
        PorticoClient client = PorticoClient.inProcess(app);
        assertThatThrownBy(() -> client.get("/api/teapot/").send())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("operation teapot (GET /api/teapot/)")
                .hasMessageContaining("status 418 is not documented (documented: 200, 400, 405)");
        assertThatThrownBy(() -> client.get("/api/sauce/").send())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("header X-Secret-Sauce: sent, and not documented for this status");
    }

    @Test
    void aRequestOutsideTheDocumentIsFineWhenItsAnswerIsDocumented() {
        PorticoClient client = PorticoClient.inProcess(app);
        assertThat(client.get("/api/hello/%00/").send().status()).isEqualTo(404); // no operation: not checked
        assertThat(client.get("/api/hello/").query("times", "twice").send().status())
                .isEqualTo(400);
        assertThat(client.get("/api/hello/").send().status()).isEqualTo(200);
    }

    @Test
    void contractNoneTurnsTheCheckOff() {
        PorticoClient client = PorticoClient.inProcess(app).contract(Contract.none());
        assertThat(client.get("/api/teapot/").send().status()).isEqualTo(418);
        assertThat(client.fork().get("/api/liar/").send().status()).isEqualTo(200);
    }

    @Test
    void aClientOfAUrlChecksAgainstAContractItIsGiven() {
        PorticoClient client = PorticoClient.http("http://127.0.0.1:" + app.port())
                .contract(Contract.parse(app.openapi().text(dev.portico.openapi.OpenApiDocument.Format.YAML)));
        assertThatThrownBy(() -> client.get("/api/liar/").send())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("operation liar");
        assertThat(PorticoClient.http("http://127.0.0.1:" + app.port())
                        .get("/api/liar/")
                        .send()
                        .status())
                .isEqualTo(200);
    }
}
