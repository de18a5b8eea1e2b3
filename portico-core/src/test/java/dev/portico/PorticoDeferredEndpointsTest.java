package dev.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Portico.Builder#endpoints(java.util.function.Supplier)}: a group of endpoints made when the app is built, in
 * its place of the order, once, so that a command that only asks the builder for its modules never makes them.
 */
class PorticoDeferredEndpointsTest {
    private final AtomicInteger made = new AtomicInteger();

    private List<Endpoint> group() {
        made.incrementAndGet();
        return List.of(
                Endpoint.builder(HttpMethod.GET, "/b/")
                        .output(String.class)
                        .handle(r -> "b")
                        .build(),
                Endpoint.builder(HttpMethod.GET, "/c/")
                        .output(String.class)
                        .handle(r -> "c")
                        .build());
    }

    private static Portico.Builder builder() {
        return Portico.builder().config(PorticoConfig.builder().build()).shutdownHook(false);
    }

    @Test
    void theGroupIsMadeByBuildNotBeforeAndKeepsItsPlaceInTheOrder() {
        Portico.Builder builder = builder()
                .get("/a/", String.class, r -> "a")
                .endpoints(this::group)
                .get("/d/", String.class, r -> "d");
        assertThat(builder.modules()).isEmpty();
        assertThat(made).as("declaring costs nothing").hasValue(0);

        Portico app = builder.build();
        assertThat(made).hasValue(1);
        assertThat(app.endpoints()).extracting(e -> e.path().template()).startsWith("/a/", "/b/", "/c/", "/d/");
        assertThat(app.openapi().model().getPaths()).containsKeys("/b/", "/c/");
    }

    @Test
    void aSecondBuildReusesTheGroupMadeByTheFirst() {
        Portico.Builder builder = builder().endpoints(this::group);
        builder.build();
        Portico again = builder.build();
        assertThat(made).hasValue(1);
        assertThat(again.endpoints()).extracting(e -> e.path().template()).contains("/b/", "/c/");
    }

    @Test
    void aMistakeInTheGroupFailsTheBuildAsAnEndpointDeclaredAtOnceWould() {
        Portico.Builder builder =
                builder().get("/b/", String.class, r -> "first").endpoints(this::group);
        assertThatThrownBy(builder::build).hasMessageContaining("/b/");
    }

    @Test
    void theVerbsAndControllersAreMadeByBuildToo() {
        AtomicInteger options = new AtomicInteger();
        Portico.Builder builder = builder()
                .get("/a/", String.class, r -> "a", e -> options.incrementAndGet())
                .post("/b/", Input.class, String.class, (r, in) -> in.name(), e -> options.incrementAndGet())
                .put("/b/", Input.class, String.class, (r, in) -> in.name(), e -> options.incrementAndGet())
                .patch("/b/", Input.class, String.class, (r, in) -> in.name(), e -> options.incrementAndGet())
                .delete("/b/", r -> null, e -> options.incrementAndGet())
                .controller(new Hello(), e -> options.incrementAndGet());
        builder.modules();
        assertThat(options)
                .as("a command asks for the modules only: no endpoint is made")
                .hasValue(0);

        Portico app = builder.build();
        assertThat(options).hasValue(6);
        assertThat(app.endpoints())
                .extracting(e -> e.method() + " " + e.path().template())
                .startsWith("GET /a/", "POST /b/", "PUT /b/", "PATCH /b/", "DELETE /b/", "GET /hello/");
    }

    @Test
    void aControllerWithoutEndpointsStillFailsTheBuild() {
        Portico.Builder builder = builder().controller(new Object());
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }

    record Input(String name) {}

    public static final class Hello {
        @dev.portico.annotation.Get("/hello/")
        public String hello() {
            return "hello";
        }
    }
}
