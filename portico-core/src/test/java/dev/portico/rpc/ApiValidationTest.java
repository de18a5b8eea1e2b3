package dev.portico.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.testing.Bodies;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import dev.portico.validation.Errors;
import dev.portico.validation.Validatable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bean Validation on API methods' arguments: as controller parameters and body records, in the one 400. */
class ApiValidationTest {

    record Filter(Optional<@Size(max = 3) String> name_gt, Optional<String> name_lt) {}

    record Person(@NotBlank String name, @Min(0) int age) {}

    record Range(int low, int high) implements Validatable {
        @Override
        public void validate(Errors errors) {
            if (low > high) {
                errors.add("high", "Must not be below low.");
            }
        }
    }

    @ApiModule("people")
    public static final class People {
        @ApiMethod
        public String rename(
                Optional<TestCaller> caller, @NotBlank @Size(max = 5) String name, Optional<@Email String> email) {
            return name;
        }

        @ApiMethod
        public int count(@Min(1) int count, List<@NotBlank String> tags) {
            return count;
        }

        @ApiMethod
        public String find(Filter filter) {
            return "ok";
        }

        @ApiMethod
        public int add(@Size(max = 2) List<Person> people, Optional<Range> range) {
            return people.size();
        }

        @ApiMethod
        public String plain(String name) {
            return name;
        }
    }

    @ApiModule("bad")
    public static final class Bad {
        @ApiMethod
        public int wrong(@NotBlank Integer count) {
            return count;
        }
    }

    private static final Portico APP = Portico.builder()
            .shutdownHook(false)
            .endpoints(Api.builder()
                    .authenticators(TestCaller.session())
                    .module(new People())
                    .build()
                    .endpoints())
            .build();

    private static dev.portico.http.Response post(String path, String form) {
        return APP.handle(TestRequest.of("POST", path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode errors(String path, String form) {
        dev.portico.http.Response response = post(path, form);
        assertThat(response.status()).as(Bodies.text(response)).isEqualTo(400);
        assertThat(Bodies.json(response).path("code").asText()).isEqualTo("invalid");
        return Bodies.json(response).get("errors");
    }

    @Test
    void constraintsOnArgumentsAndTheirTypeArgumentsAreChecked() {
        JsonNode errors = errors("/api/people/rename", "name=&email=nope");
        assertThat(errors.get("name").get(0).asText()).isEqualTo("This field may not be blank.");
        assertThat(errors.get("email").get(0).asText()).isEqualTo("Enter a valid email address.");
        assertThat(errors("/api/people/rename", "name=abcdef")
                        .get("name")
                        .get(0)
                        .asText())
                .isEqualTo("Ensure this field has no more than 5 characters.");
        JsonNode list = errors("/api/people/count", "count=0&tags=a&tags=");
        assertThat(list.get("count").get(0).asText()).isEqualTo("Ensure this value is greater than or equal to 1.");
        assertThat(list.get("tags.1").get(0).asText()).isEqualTo("This field may not be blank.");
        assertThat(post("/api/people/rename", "name=ada&email=ada@example.com").status())
                .isEqualTo(200);
        assertThat(post("/api/people/plain", "name=").status()).isEqualTo(200);
    }

    @Test
    void recordsInsideArgumentsAreValidatedWithoutValidUnderDottedPaths() {
        assertThat(errors("/api/people/find", "filter.name_gt=abcd")
                        .get("filter.name_gt")
                        .get(0)
                        .asText())
                .isEqualTo("Ensure this field has no more than 3 characters.");
        JsonNode errors = errors(
                "/api/people/add",
                "people.0.name=ada&people.0.age=1&people.1.name=&people.1.age=-1" + "&people.2.name=c&people.2.age=3");
        assertThat(errors.get("people").get(0).asText()).isEqualTo("Ensure this field has no more than 2 elements.");
        assertThat(errors.get("people.1.name").get(0).asText()).isEqualTo("This field may not be blank.");
        assertThat(errors.get("people.1.age").get(0).asText())
                .isEqualTo("Ensure this value is greater than or equal to 0.");
        assertThat(errors.has("people.0.name")).isFalse();
        assertThat(errors("/api/people/add", "people.=&range.low=3&range.high=1")
                        .get("range.high")
                        .get(0)
                        .asText())
                .isEqualTo("Must not be below low.");
        assertThat(post("/api/people/add", "people.0.name=ada&people.0.age=1").status())
                .isEqualTo(200);
    }

    @Test
    void bindingErrorsAndViolationsOfTheOtherArgumentsComeInOneAnswer() {
        JsonNode errors = errors("/api/people/count", "count=many&tags=");
        assertThat(errors.get("count").get(0).asText()).isEqualTo("A valid integer is required.");
        assertThat(errors.get("count")).hasSize(1); // not checked: it has no value
        assertThat(errors.get("tags.0").get(0).asText()).isEqualTo("This field may not be blank.");
        JsonNode required = errors("/api/people/rename", "email=x");
        assertThat(required.get("name").get(0).asText()).isEqualTo("This field is required.");
        assertThat(required.get("email").get(0).asText()).isEqualTo("Enter a valid email address.");
        assertThat(List.of(required.fieldNames().next())).containsExactly("name"); // binding errors first
    }

    @Test
    void jsonArgumentsAreCheckedAlike() {
        dev.portico.http.Response response = APP.handle(TestRequest.of("POST", "/api/people/add")
                .header("Content-Type", "application/json")
                .body("{\"people\": [{\"name\": \" \", \"age\": 1}]}".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(Bodies.json(response)
                        .path("errors")
                        .path("people.0.name")
                        .get(0)
                        .asText())
                .isEqualTo("This field may not be blank.");
    }

    @Test
    void anUnusableConstraintFailsTheBuild() {
        assertThatThrownBy(() -> Portico.builder()
                        .shutdownHook(false)
                        .endpoints(Api.builder().module(new Bad()).build().endpoints())
                        .build())
                .hasMessageContaining("Bad.wrong")
                .hasMessageContaining("cannot apply where it is written");
    }

    @Test
    void theDocumentStatesTheConstraintsInBothSpellings() {
        JsonNode doc = Bodies.json(APP.openapi().bytes(OpenApiDocument.Format.JSON));
        JsonNode content = doc.path("paths")
                .path("/api/people/rename")
                .path("post")
                .path("requestBody")
                .path("content");
        JsonNode form =
                content.path("application/x-www-form-urlencoded").path("schema").path("properties");
        assertThat(form.path("name").path("minLength").asInt()).isEqualTo(1);
        assertThat(form.path("name").path("maxLength").asInt()).isEqualTo(5);
        assertThat(form.path("email").path("format").asText()).isEqualTo("email");
        JsonNode json = content.path("application/json").path("schema").path("properties");
        assertThat(json.path("name").path("maxLength").asInt()).isEqualTo(5);
        assertThat(json.path("email").toString()).contains("\"format\":\"email\"");
        JsonNode find = doc.path("paths")
                .path("/api/people/find")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/x-www-form-urlencoded")
                .path("schema")
                .path("properties");
        assertThat(find.path("filter.name_gt").path("maxLength").asInt()).isEqualTo(3);
        JsonNode add = doc.path("paths")
                .path("/api/people/add")
                .path("post")
                .path("requestBody")
                .path("content");
        JsonNode people = add.path("application/x-www-form-urlencoded")
                .path("schema")
                .path("properties")
                .path("people");
        assertThat(people.path("type").asText()).isEqualTo("string"); // JSON text: no templated names
        assertThat(people.path("contentMediaType").asText()).isEqualTo("application/json");
        assertThat(people.path("contentSchema").path("maxItems").asInt()).isEqualTo(2);
        assertThat(add.path("application/x-www-form-urlencoded")
                        .path("encoding")
                        .path("people")
                        .path("contentType")
                        .asText())
                .isEqualTo("application/json");
        assertThat(add.path("application/json")
                        .path("schema")
                        .path("properties")
                        .path("people")
                        .path("maxItems")
                        .asInt())
                .isEqualTo(2);
    }
}
