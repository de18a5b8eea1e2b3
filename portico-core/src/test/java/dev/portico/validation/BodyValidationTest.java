package dev.portico.validation;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Constraints on body records, through the whole in-process pipeline: paths, messages, hooks, custom constraints. */
class BodyValidationTest {
    record Author(@NotBlank String name, @Email String email) {}

    record Comment(@NotBlank String text) {}

    record NewPost(
            @NotBlank @Size(max = 10) String title,
            @Size(min = 3) String body,
            Author author,
            @Size(max = 2) List<@NotBlank String> tags,
            List<Comment> comments,
            Map<String, @Min(0) Integer> scores,
            Map<String, Author> editors) {}

    record Limits(
            @NotNull String code,
            @Pattern(regexp = "[a-z]+") String slug,
            @Max(5) int stars,
            @DecimalMin(value = "0", inclusive = false) BigDecimal price,
            @NotEmpty List<String> labels,
            @NotEmpty Map<String, String> extra,
            @Size(min = 2) List<String> pair) {}

    record Named(
            @NotBlank(message = "Give it a name.") String name,
            @Size(max = 3, message = "Short, please.") String nick) {}

    record Renamed(@JsonProperty("first_name") @NotBlank String firstName) {}

    record Node(@NotBlank String name, List<Node> children) {}

    record Booking(@NotNull LocalDate start, @NotNull LocalDate end) implements Validatable {
        @Override
        public void validate(Errors errors) {
            if (end.isBefore(start)) {
                errors.add("end", "Must not be before start.");
            }
            if (start.equals(end)) {
                errors.add("A booking lasts at least a day.");
            }
        }
    }

    record Trip(@NotBlank String name, List<Booking> bookings) implements Validatable {
        @Override
        public void validate(Errors errors) {
            errors.add("name", "The trip hook ran.");
        }
    }

    @Slug
    record Signup(@Slug String username, @NotBlank String password, String repeat) {}

    record Reviewed(@jakarta.validation.Valid Author author, List<@jakarta.validation.Valid Comment> comments) {}

    record Plain(String title, List<Inner> inner) {}

    record Patch(java.util.Optional<@NotBlank @Size(max = 5) String> nick) {}

    @Test
    void constraintsOnAnOptionalApplyOnlyWhenAValueIsSent() {
        assertThat(post("/api/patches/", "{}").status()).isEqualTo(200);
        assertThat(post("/api/patches/", "{\"nick\": \"ada\"}").status()).isEqualTo(200);
        assertThat(errors(post("/api/patches/", "{\"nick\": \" \"}")))
                .isEqualTo(json("{\"nick\": [\"This field may not be blank.\"]}"));
        assertThat(errors(post("/api/patches/", "{\"nick\": \"toolong\"}")))
                .isEqualTo(json("{\"nick\": [\"Ensure this field has no more than 5 characters.\"]}"));
    }

    record Clearable(
            dev.portico.input.Omittable<@Size(max = 5) String> nick,
            dev.portico.input.Omittable<@NotNull LocalDate> day,
            dev.portico.input.Omittable<Author> author) {}

    @Test
    void constraintsOnAnOmittableCheckASentValueOnlyAndNotNullRefusesASentNull() {
        assertThat(post("/api/clearables/", "{}").status()).isEqualTo(200);
        assertThat(post("/api/clearables/", "{\"nick\": null, \"author\": null}")
                        .status())
                .isEqualTo(200);
        assertThat(post("/api/clearables/", "{\"nick\": \"ada\", \"day\": \"2024-05-01\"}")
                        .status())
                .isEqualTo(200);
        assertThat(errors(post(
                        "/api/clearables/",
                        "{\"nick\": \"toolong\", \"day\": null,"
                                + " \"author\": {\"name\": \" \", \"email\": \"nope\"}}")))
                .isEqualTo(json("{\"nick\": [\"Ensure this field has no more than 5 characters.\"],"
                        + " \"day\": [\"This field may not be null.\"],"
                        + " \"author.name\": [\"This field may not be blank.\"],"
                        + " \"author.email\": [\"Enter a valid email address.\"]}"));
    }

    record MisplacedOmittable(dev.portico.input.Omittable<@Email Integer> count) {}

    @Test
    void aConstraintAnOmittablesValueCannotTakeFailsAtStartup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Portico.builder()
                        .config(PorticoConfig.defaults())
                        .post("/api/misplaced/", MisplacedOmittable.class, String.class, (request, body) -> "ok")
                        .build())
                .hasMessageContaining("POST /api/misplaced/")
                .hasMessageContaining("Email");
    }

    record Inner(int n) {}

    record Discussion(@NotBlank String title, List<Comment> comments, java.util.Optional<Author> editor) {}

    record Article(@NotBlank String title, @Size(max = 10) String name, List<String> tags, int count, Author author) {}

    private static Portico app() {
        return Portico.builder()
                .config(PorticoConfig.defaults())
                .post("/api/posts/", NewPost.class, NewPost.class, (request, post) -> post)
                .post("/api/limits/", Limits.class, Limits.class, (request, body) -> body)
                .post("/api/named/", Named.class, Named.class, (request, body) -> body)
                .post("/api/renamed/", Renamed.class, Renamed.class, (request, body) -> body)
                .post("/api/nodes/", Node.class, Node.class, (request, body) -> body)
                .post("/api/bookings/", Booking.class, Booking.class, (request, body) -> body)
                .post("/api/trips/", Trip.class, Trip.class, (request, body) -> body)
                .post("/api/reviewed/", Reviewed.class, Reviewed.class, (request, body) -> body)
                .post("/api/signups/", Signup.class, Signup.class, (request, body) -> body)
                .post("/api/patches/", Patch.class, Patch.class, (request, body) -> body)
                .post("/api/clearables/", Clearable.class, String.class, (request, body) -> "ok")
                .post("/api/articles/", Article.class, String.class, (request, body) -> "ok")
                .post("/api/discussions/", Discussion.class, String.class, (request, body) -> "ok")
                .build();
    }

    private static Response post(String path, String body) {
        return app().handle(TestRequest.of("POST", path).json(body));
    }

    private static JsonNode errors(Response response) {
        assertThat(response.status()).isEqualTo(400);
        JsonNode json = json(response);
        assertThat(json.get("code").asText()).isEqualTo("invalid");
        return json.get("errors");
    }

    @Test
    void aValidBodyReachesTheEndpoint() {
        Response response = post("/api/posts/", """
            {"title": "Hello", "body": "Some text", "author": {"name": "Ada", "email": "ada@example.com"},
             "tags": ["a"], "comments": [{"text": "hi"}], "scores": {"ada": 3}, "editors": {}}\
            """);
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void everyErrorIsReportedAtOnceUnderItsDottedPath() {
        Response response = post("/api/posts/", """
            {"title": " ", "body": "ab", "author": {"name": "", "email": "nope"},
             "tags": ["a", "", "c"], "comments": [{"text": "ok"}, {"text": ""}],
             "scores": {"alice": -1, "bob": 2}, "editors": {"eve": {"name": " ", "email": "eve@example.com"}}}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"title": ["This field may not be blank."],
             "body": ["Ensure this field has at least 3 characters."],
             "tags": ["Ensure this field has no more than 2 elements."],
             "tags.1": ["This field may not be blank."],
             "scores.alice": ["Ensure this value is greater than or equal to 0."],
             "author.name": ["This field may not be blank."],
             "author.email": ["Enter a valid email address."],
             "comments.1.text": ["This field may not be blank."],
             "editors.eve.name": ["This field may not be blank."]}\
            """));
    }

    @Test
    void aNullRequiredComponentIsRefusedWhileDecodingBeforeConstraintsRun() {
        Response response = post("/api/limits/", """
            {"code": null, "slug": "abc", "stars": 1, "price": 1, "labels": ["a"], "extra": {"a": "b"},
             "pair": ["one", "two"]}\
            """);
        assertThat(errors(response)).isEqualTo(json("{\"code\": [\"This field may not be null.\"]}"));
    }

    @Test
    void messagesAreDrfsSentencesChosenByValueAndBound() {
        Response response = post("/api/limits/", """
            {"code": "c", "slug": "Not A Slug", "stars": 6, "price": 0, "labels": [], "extra": {},
             "pair": ["one"]}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"slug": ["This value does not match the required pattern."],
             "stars": ["Ensure this value is less than or equal to 5."],
             "price": ["Ensure this value is greater than 0."],
             "labels": ["This list may not be empty."],
             "extra": ["This dictionary may not be empty."],
             "pair": ["Ensure this field has at least 2 elements."]}\
            """));
    }

    @Test
    void theUsersOwnMessageWins() {
        Response response = post("/api/named/", "{\"name\": \"\", \"nick\": \"toolong\"}");
        assertThat(errors(response))
                .isEqualTo(json("{\"name\": [\"Give it a name.\"], \"nick\": [\"Short, please.\"]}"));
    }

    @Test
    void pathsUseTheJsonNameOfAComponent() {
        Response response = post("/api/renamed/", "{\"first_name\": \"\"}");
        assertThat(errors(response)).isEqualTo(json("{\"first_name\": [\"This field may not be blank.\"]}"));
    }

    @Test
    void recursiveRecordsAreValidatedAtEveryDepth() {
        Response response = post("/api/nodes/", """
            {"name": "root", "children": [{"name": "a", "children": []},
              {"name": "b", "children": [{"name": "", "children": []}]}]}\
            """);
        assertThat(errors(response))
                .isEqualTo(json("{\"children.1.children.0.name\": [\"This field may not be blank.\"]}"));
    }

    @Test
    void theCrossFieldHookAddsErrorsUnderItsRecordsPaths() {
        Response response = post("/api/bookings/", "{\"start\": \"2025-05-02\", \"end\": \"2025-05-01\"}");
        assertThat(errors(response)).isEqualTo(json("{\"end\": [\"Must not be before start.\"]}"));
        Response same = post("/api/bookings/", "{\"start\": \"2025-05-02\", \"end\": \"2025-05-02\"}");
        assertThat(errors(same)).isEqualTo(json("{\"non_field_errors\": [\"A booking lasts at least a day.\"]}"));
        assertThat(post("/api/bookings/", "{\"start\": \"2025-05-01\", \"end\": \"2025-05-02\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theHookRunsOnlyWhenItsRecordsConstraintsPassed() {
        Response response = post("/api/bookings/", "{\"start\": null, \"end\": \"2025-05-01\"}");
        assertThat(errors(response)).isEqualTo(json("{\"start\": [\"This field may not be null.\"]}"));
    }

    @Test
    void nestedHooksReportUnderTheNestedPathAndAnyNestedErrorStopsTheOuterHook() {
        Response response = post("/api/trips/", """
            {"name": "Alps", "bookings": [{"start": "2025-05-01", "end": "2025-05-03"},
                                          {"start": "2025-05-02", "end": "2025-05-01"},
                                          {"start": "2025-05-02", "end": "2025-05-02"}]}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"bookings.1.end": ["Must not be before start."],
             "bookings.2.non_field_errors": ["A booking lasts at least a day."]}\
            """));
        Response valid = post("/api/trips/", "{\"name\": \"Alps\", \"bookings\": []}");
        assertThat(errors(valid)).isEqualTo(json("{\"name\": [\"The trip hook ran.\"]}"));
    }

    @Test
    void anExplicitValidChangesNothing() {
        Response response = post(
                "/api/reviewed/", "{\"author\": {\"name\": \"\", \"email\": \"x\"}, \"comments\": [{\"text\": \"\"}]}");
        assertThat(errors(response)).isEqualTo(json("""
            {"author.name": ["This field may not be blank."],
             "author.email": ["Enter a valid email address."],
             "comments.0.text": ["This field may not be blank."]}\
            """));
    }

    @Test
    void aCustomConstraintWorksOnFieldsAndOnTheRecord() {
        Response response =
                post("/api/signups/", "{\"username\": \"Bad Name\", \"password\": \"a\", \"repeat\": \"b\"}");
        assertThat(errors(response)).isEqualTo(json("""
            {"username": ["Enter a valid slug."],
             "non_field_errors": ["The passwords do not match."]}\
            """));
    }

    @Test
    void invalidJsonAndWrongTypesAre400NamingTheField() {
        Response wrongType = post("/api/limits/", """
            {"code": "x", "slug": "a", "stars": "many", "price": 1, "labels": ["a"], "extra": {"a": "b"},
             "pair": ["a", "b"]}\
            """);
        assertThat(errors(wrongType).has("stars")).isTrue();
        assertThat(post("/api/limits/", "{\"code\": ").status()).isEqualTo(400);
    }

    @Test
    void anEndpointWithNothingConstrainedGetsNoValidator() {
        var endpoint = dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/api/plain/")
                .body(Plain.class)
                .handle(request -> null)
                .build();
        assertThat(InputValidator.create(endpoint)).isEmpty();
        var constrained = dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/api/trips/")
                .body(new dev.portico.endpoint.TypeRef<List<Trip>>() {})
                .handle(request -> null)
                .build();
        assertThat(InputValidator.create(constrained)).isPresent();
    }

    @Test
    void aListBodyIsValidatedItemByItem() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .endpoint(dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/api/comments/")
                        .body(new dev.portico.endpoint.TypeRef<List<Comment>>() {})
                        .handle(request -> null)
                        .build())
                .build();
        Response response =
                app.handle(TestRequest.of("POST", "/api/comments/").json("[{\"text\": \"a\"}, {\"text\": \"\"}]"));
        assertThat(errors(response)).isEqualTo(json("{\"1.text\": [\"This field may not be blank.\"]}"));
    }

    @Test
    void aBodyThatFailsToReadStillReportsEveryFieldAndTheConstraintsOfThoseThatRead() {
        Response response = post("/api/articles/", """
            {"name": "far too long a name", "tags": ["a", {}], "author": {"name": "ada", "email": "ada@example.com"}}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"title": ["This field is required."],
             "count": ["This field is required."],
             "tags.1": ["Expected a string."],
             "name": ["Ensure this field has no more than 10 characters."]}\
            """));
    }

    @Test
    void aNestedRecordThatFailsToReadReportsEachOfItsFieldsUnderItsDottedPath() {
        Response response = post("/api/articles/", """
            {"title": "Hi", "name": "ok", "tags": [], "count": 1,
             "author": {"name": " ", "email": "nope", "age": 3}}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"author.name": ["This field may not be blank."],
             "author.email": ["Enter a valid email address."],
             "author.age": ["Unknown field."]}\
            """));
        Response mixed = post("/api/articles/", """
            {"title": " ", "name": "ok", "tags": [], "count": "x", "author": {"email": "nope"}}\
            """);
        assertThat(errors(mixed)).isEqualTo(json("""
            {"title": ["This field may not be blank."],
             "count": ["Expected an integer."],
             "author.name": ["This field is required."],
             "author.email": ["Enter a valid email address."]}\
            """));
    }

    @Test
    void anUnknownFieldAndANullAreReportedBesideTheOthersAndAFineBodyStillReads() {
        Response response = post("/api/articles/", """
            {"title": "", "name": "ok", "tags": [], "author": {"name": "ada", "email": null}, "colour": "red"}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"title": ["This field may not be blank."],
             "count": ["This field is required."],
             "author.email": ["This field may not be null."],
             "colour": ["Unknown field."]}\
            """));
        assertThat(post("/api/articles/", """
            {"title": "Hi", "name": "ok", "tags": ["a"], "count": 1, "author": {"name": "ada", "email": "ada@example.com"}}\
            """).status()).isEqualTo(200);
    }

    @Test
    void aFormThatFailsToDecodeStillReportsTheConstraintsOfTheFieldsThatDecoded() {
        Response response = postForm(
                "/api/articles/",
                "title=&author.name=&author.email=ada%40example.com&count=x&name=far+too+long+a+name");
        assertThat(errors(response)).isEqualTo(json("""
            {"tags": ["This field is required."],
             "count": ["A valid integer is required."],
             "title": ["This field may not be blank."],
             "name": ["Ensure this field has no more than 10 characters."],
             "author.name": ["This field may not be blank."]}\
            """));
    }

    @Test
    void recordsInAListOrAnOptionalThatFailToReadReportEachItemsFields() {
        Response response = post("/api/discussions/", """
            {"title": "", "comments": [{"text": ""}, {}, 5, {"text": "ok", "x": 1}, {"text": "fine"}],
             "editor": {"name": " ", "email": {}}}\
            """);
        assertThat(errors(response)).isEqualTo(json("""
            {"title": ["This field may not be blank."],
             "comments.0.text": ["This field may not be blank."],
             "comments.1.text": ["This field is required."],
             "comments.2": ["Expected an object."],
             "comments.3.x": ["Unknown field."],
             "editor.name": ["This field may not be blank."],
             "editor.email": ["Expected a string."]}\
            """));
        assertThat(post("/api/discussions/", "{\"title\": \"Hi\", \"comments\": [{\"text\": \"a\"}]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void recordsInAListOrAnOptionalOfAFormThatFailsToDecodeReportTheirConstraintsToo() {
        Response response = postForm(
                "/api/discussions/", "title=&comments.0.text=&comments.1.x=1&comments.2.text=ok&editor.name=+");
        assertThat(errors(response)).isEqualTo(json("""
            {"title": ["This field may not be blank."],
             "comments.0.text": ["This field may not be blank."],
             "comments.1.text": ["This field is required."],
             "comments.1.x": ["Unknown field."],
             "editor.email": ["This field is required."],
             "editor.name": ["This field may not be blank."]}\
            """));
    }

    /** An urlencoded form POST through the whole pipeline. */
    private Response postForm(String path, String body) {
        return app().handle(TestRequest.of("POST", path)
                .header("Content-Type", dev.portico.http.MediaType.FORM_URLENCODED)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
