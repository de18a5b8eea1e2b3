package dev.portico.error;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code limits.error-entries}: an answer names at most that many fields, then one last {@code non_field_errors}
 * message counts the rest, in both error formats; and the reading stops collecting, so a body of 800,000 unknown
 * fields costs a count, not 800,000 entries.
 */
class ErrorCapTest {
    record Login(String username, String password) {}

    record Tagged(@NotBlank String title, List<@NotBlank String> tags) {}

    private static Portico app(ErrorFormat format) {
        PorticoConfig config = PorticoConfig.builder()
                .set(Settings.LIMITS_ERROR_ENTRIES, 5)
                .set(Settings.ERRORS_FORMAT, format)
                .build();
        return Portico.builder()
                .config(config)
                .post("/login/", Login.class, String.class, (request, body) -> "ok")
                .post("/tagged/", Tagged.class, String.class, (request, body) -> "ok")
                .get("/many/", String.class, request -> {
                    Map<String, List<String>> errors = new LinkedHashMap<>();
                    for (int i = 0; i < 1000; i++) {
                        errors.put("f" + i, List.of("Bad."));
                    }
                    throw new ValidationFailed(errors);
                })
                .build();
    }

    private static byte[] unknownFields(int n) {
        StringBuilder sb = new StringBuilder("{\"username\":\"a\",\"password\":\"b\"");
        for (int i = 0; i < n; i++) {
            sb.append(",\"f").append(i).append("\":1");
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eightHundredThousandUnknownFieldsAreFiveEntriesAndACountQuickly() {
        Portico app = app(ErrorFormat.SIMPLE);
        app.handle(TestRequest.of("POST", "/login/").body(unknownFields(10))); // warm up the record's shape
        byte[] body = unknownFields(800_000);
        long start = System.nanoTime();
        Response response = app.handle(TestRequest.of("POST", "/login/")
                .header("Content-Type", "application/json")
                .body(body));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().length).isLessThan(1000);
        JsonNode errors = json(response).get("errors");
        assertThat(errors.size()).as(errors.toString()).isEqualTo(6);
        assertThat(errors.get("f0").get(0).asText()).isEqualTo("Unknown field.");
        assertThat(errors.get("f4")).isNotNull();
        assertThat(errors.get("f5")).isNull();
        assertThat(errors.get("non_field_errors").get(0).asText()).isEqualTo("…and 799995 more errors.");
        assertThat(millis).as("ms for 800,000 unknown fields").isLessThan(3000);
    }

    @Test
    void theProblemFormatCarriesTheSameLastEntry() {
        Response response = app(ErrorFormat.PROBLEM)
                .handle(TestRequest.of("POST", "/login/")
                        .header("Content-Type", "application/json")
                        .body(unknownFields(12)));
        assertThat(response.contentType()).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").size()).isEqualTo(6);
        assertThat(problem.get("errors").get("non_field_errors").get(0).asText())
                .isEqualTo("…and 7 more errors.");
    }

    @Test
    void constraintViolationsAreCappedToo() {
        List<String> blanks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            blanks.add("\"\"");
        }
        Response response = app(ErrorFormat.SIMPLE)
                .handle(TestRequest.of("POST", "/tagged/")
                        .json("{\"title\": \" \", \"tags\": [" + String.join(",", blanks) + "]}"));
        JsonNode errors = json(response).get("errors");
        assertThat(errors.size()).isEqualTo(6);
        // Bean Validation gives its violations as a set: which five are named varies, their count and sentence do not
        errors.fieldNames()
                .forEachRemaining(field -> assertThat(errors.get(field).get(0).asText())
                        .isIn("This field may not be blank.", "…and 296 more errors."));
        assertThat(errors.get("non_field_errors").get(0).asText()).isEqualTo("…and 296 more errors.");
    }

    @Test
    void bindingErrorsPastTheCapAddUpWithConstraintViolations() {
        Response response = app(ErrorFormat.SIMPLE)
                .handle(TestRequest.of("POST", "/tagged/")
                        .json("{\"title\": \" \", \"tags\": [], \"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4,"
                                + " \"e\": 5, \"f\": 6, \"g\": 7}"));
        JsonNode errors = json(response).get("errors");
        assertThat(errors.size()).isEqualTo(6);
        // 7 unknown fields (5 named, 2 counted while reading) and the blank title, left out by the answer's cap
        assertThat(errors.get("non_field_errors").get(0).asText()).isEqualTo("…and 3 more errors.");
    }

    @Test
    void anEndpointsOwnLongErrorListIsCappedWhenRendered() {
        JsonNode errors =
                json(app(ErrorFormat.SIMPLE).handle(TestRequest.get("/many/"))).get("errors");
        assertThat(errors.size()).isEqualTo(6);
        assertThat(errors.get("non_field_errors").get(0).asText()).isEqualTo("…and 995 more errors.");
    }

    @Test
    void aFormOfAHundredThousandFieldsIsRefusedAtTheFieldLimit() {
        StringBuilder form = new StringBuilder("username=a&password=b");
        for (int i = 0; i < 100_000; i++) {
            form.append("&f").append(i).append("=1");
        }
        Response response = app(ErrorFormat.SIMPLE)
                .handle(TestRequest.of("POST", "/login/")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(form.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("too_many_fields");
        assertThat(response.body().length).isLessThan(200);
    }

    @Test
    void aFormWithinTheFieldLimitNamesFiveUnknownFieldsAndCountsTheRest() {
        StringBuilder form = new StringBuilder("username=a&password=b");
        for (int i = 0; i < 998; i++) {
            form.append("&f").append(i).append("=1");
        }
        Response response = app(ErrorFormat.SIMPLE)
                .handle(TestRequest.of("POST", "/login/")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(form.toString().getBytes(StandardCharsets.UTF_8)));
        JsonNode errors = json(response).get("errors");
        assertThat(errors.size()).isEqualTo(6);
        assertThat(errors.get("non_field_errors").get(0).asText()).isEqualTo("…and 993 more errors.");
    }
}
