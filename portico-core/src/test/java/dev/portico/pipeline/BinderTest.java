package dev.portico.pipeline;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.Portico;
import dev.portico.annotation.Cookie;
import dev.portico.annotation.Get;
import dev.portico.annotation.Header;
import dev.portico.annotation.Query;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inputs' defaults: converted once when the application is built, given to every request that leaves one out. */
class BinderTest {
    public static class Defaults {
        @Get("/api/defaults/")
        public Map<String, Object> read(
                @Query(defaultValue = "20") int limit,
                @Query(defaultValue = "a") List<String> tags,
                @Query(defaultValue = "7") Optional<Long> since,
                @Header(value = "X-Mode", defaultValue = "fast") String mode,
                @Cookie(value = "theme", defaultValue = "dark") String theme) {
            return Map.of("limit", limit, "tags", tags, "since", since.orElseThrow(), "mode", mode, "theme", theme);
        }
    }

    public static class Bytes {
        @Get("/api/bytes/")
        public String read(@Query(defaultValue = "aGVsbG8=") byte[] token) {
            String seen = new String(token, StandardCharsets.UTF_8);
            token[0] = 'X'; // an endpoint may change its own array: the next request must not see it
            return seen;
        }
    }

    public static class Unreadable {
        @Get("/api/unreadable/")
        public String read(@Query(defaultValue = "twenty") int limit) {
            return "never";
        }
    }

    private static Portico app(Object controller) {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .controller(controller)
                .build();
    }

    @Test
    void everyKindOfInputGetsItsDefaultWhenLeftOut() {
        Portico app = app(new Defaults());
        for (int i = 0; i < 2; i++) { // the second request gets the same values as the first
            Response response = app.handle(TestRequest.get("/api/defaults/"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(json(response))
                    .isEqualTo(json("{\"limit\": 20, \"tags\": [\"a\"], \"since\": 7, \"mode\": \"fast\", \"theme\":"
                            + " \"dark\"}"));
        }
    }

    @Test
    void aGivenValueStillWinsOverTheDefault() {
        Response response = app(new Defaults())
                .handle(TestRequest.get("/api/defaults/?limit=5&tags=x&tags=y&since=9")
                        .header("X-Mode", "slow")
                        .header("Cookie", "theme=light"));
        assertThat(json(response))
                .isEqualTo(json("{\"limit\": 5, \"tags\": [\"x\", \"y\"], \"since\": 9, \"mode\": \"slow\", \"theme\":"
                        + " \"light\"}"));
    }

    @Test
    void anArrayDefaultIsFreshForEveryRequest() {
        Portico app = app(new Bytes());
        assertThat(new String(app.handle(TestRequest.get("/api/bytes/")).body(), StandardCharsets.UTF_8))
                .contains("hello");
        assertThat(new String(app.handle(TestRequest.get("/api/bytes/")).body(), StandardCharsets.UTF_8))
                .contains("hello");
    }

    @Test
    void aDefaultItsTypeCannotReadFailsTheBuildNamingTheEndpoint() {
        assertThatThrownBy(() -> app(new Unreadable()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api/unreadable/")
                .hasMessageContaining("the default 'twenty'")
                .hasMessageContaining("give a default of that type");
    }
}
