package dev.portico.validation;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Cookie;
import dev.portico.annotation.Get;
import dev.portico.annotation.Header;
import dev.portico.annotation.Post;
import dev.portico.annotation.Query;
import dev.portico.config.PorticoConfig;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Constraints on controller parameters: reported under the input's name, together with the body's. */
class ParameterValidationTest {
    record Draft(@NotBlank String title) {}

    public static class Posts {
        @Get("/api/posts/")
        public List<String> list(
                @Query(defaultValue = "1") @Min(1) int page,
                @Query("page_size") Optional<@Max(50) Integer> pageSize,
                @Query @Size(max = 2) List<String> tags,
                @Query Optional<@Email String> author,
                @Query List<@Pattern(regexp = "[a-z]+") String> sort) {
            return List.of("ok");
        }

        @Get("/api/posts/{id}/")
        public String retrieve(
                @Min(1) long id,
                @Header("X-Tenant") @Size(min = 3) String tenant,
                @Cookie("theme") Optional<@NotBlank String> theme) {
            return "ok";
        }

        @Post("/api/posts/")
        public Draft create(@Query @Min(1) int version, Draft body) {
            return body;
        }
    }

    public static class Unconstrained {
        @Get("/api/free/")
        public String list(@Query(defaultValue = "1") int page) {
            return "ok";
        }
    }

    public static class Misplaced {
        @Get("/api/misplaced/")
        public String list(@Query @Max(50) List<Integer> sizes) { // @Max on the list, not its elements
            return "ok";
        }
    }

    record MisplacedBody(@Size(max = 3) Integer count) {}

    private static final Portico APP = Portico.builder()
            .config(PorticoConfig.defaults())
            .controller(new Posts())
            .build();

    private static JsonNode errors(Response response) {
        assertThat(response.status()).isEqualTo(400);
        return json(response).get("errors");
    }

    @Test
    void validParametersReachTheMethod() {
        Response response = APP.handle(TestRequest.get("/api/posts/?page=2&page_size=10&tags=a&author=a@b.org&sort=x"));
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void queryParameterConstraintsAreReportedByTheirNamesAllAtOnce() {
        Response response = APP.handle(
                TestRequest.get("/api/posts/?page=0&page_size=51&tags=a&tags=b&tags=c&author=nope&sort=ok&sort=NO"));
        assertThat(errors(response)).isEqualTo(json("""
            {"page": ["Ensure this value is greater than or equal to 1."],
             "page_size": ["Ensure this value is less than or equal to 50."],
             "tags": ["Ensure this field has no more than 2 elements."],
             "author": ["Enter a valid email address."],
             "sort.1": ["This value does not match the required pattern."]}\
            """));
    }

    @Test
    void pathHeaderAndCookieConstraintsAreReportedByTheirNames() {
        Response response = APP.handle(
                TestRequest.get("/api/posts/0/").header("X-Tenant", "ab").header("Cookie", "theme= "));
        assertThat(errors(response)).isEqualTo(json("""
            {"id": ["Ensure this value is greater than or equal to 1."],
             "X-Tenant": ["Ensure this field has at least 3 characters."],
             "theme": ["This field may not be blank."]}\
            """));
    }

    @Test
    void parameterAndBodyErrorsComeInOneAnswer() {
        Response response =
                APP.handle(TestRequest.of("POST", "/api/posts/?version=0").json("{\"title\": \"\"}"));
        assertThat(errors(response)).isEqualTo(json("""
            {"version": ["Ensure this value is greater than or equal to 1."],
             "title": ["This field may not be blank."]}\
            """));
    }

    @Test
    void bindingErrorsAndConstraintViolationsComeInOneAnswer() {
        Response response = APP.handle(TestRequest.get("/api/posts/?page=abc&page_size=51"));
        assertThat(errors(response))
                .isEqualTo(json("{\"page\": [\"A valid integer is required.\"],"
                        + " \"page_size\": [\"Ensure this value is less than or equal to 50.\"]}"));
    }

    @Test
    void aControllerWithoutConstraintsGetsNoValidator() {
        Endpoint endpoint = Portico.builder()
                .config(PorticoConfig.defaults())
                .controller(new Unconstrained())
                .build()
                .endpoints()
                .get(0);
        assertThat(InputValidator.create(endpoint)).isEmpty();
        assertThat(InputValidator.create(APP.endpoints().get(0))).isPresent();
    }

    @Test
    void aConstraintThatCannotApplyFailsAtStartupNamingTheEndpoint() {
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .controller(new Misplaced())
                        .build())
                .hasMessageContaining("GET /api/misplaced/ (Misplaced.list)")
                .hasMessageContaining("Optional<@Email String>");
        assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .post("/api/misplaced/", MisplacedBody.class, String.class, (request, body) -> "ok")
                        .build())
                .hasMessageContaining("POST /api/misplaced/")
                .hasMessageContaining("Size");
    }

    @Test
    void aConstraintOnAFunctionalEndpointsParameterFailsAtStartup() throws Exception {
        Min min = Posts.class
                .getMethod("list", int.class, Optional.class, List.class, Optional.class, List.class)
                .getParameters()[0]
                .getAnnotation(Min.class);
        Endpoint endpoint = Endpoint.builder(HttpMethod.GET, "/api/things/")
                .input(new Input.Query("page", int.class, "1", List.of(min)))
                .handle(request -> "ok")
                .build();
        assertThatThrownBy(() -> InputValidator.create(endpoint))
                .hasMessageContaining("GET /api/things/")
                .hasMessageContaining("input 'page' carries constraints")
                .hasMessageContaining("controller");
    }
}
