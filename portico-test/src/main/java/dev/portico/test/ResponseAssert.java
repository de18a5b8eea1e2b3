package dev.portico.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Comparator;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link TestResponse}; every failure message shows the response's status and body.
 * <pre>{@code
 * assertThat(response).hasStatus(201).hasHeader("Location", "/api/posts/1/").hasJsonPath("$.title", "Hi");
 * assertThat(response).isProblem(400).hasFieldError("title", "This field is required.");
 * }</pre>
 */
public class ResponseAssert extends AbstractAssert<ResponseAssert, TestResponse> {

    ResponseAssert(TestResponse actual) {
        super(actual, ResponseAssert.class);
    }

    /** The status is {@code status}. */
    public ResponseAssert hasStatus(int status) {
        isNotNull();
        if (actual.status() != status) {
            failWithMessage("expected status %d but was %d%n%s", status, actual.status(), shown());
        }
        return this;
    }

    /** The status is 2xx. */
    public ResponseAssert isSuccessful() {
        isNotNull();
        if (actual.status() < 200 || actual.status() > 299) {
            failWithMessage("expected a 2xx status but was %d%n%s", actual.status(), shown());
        }
        return this;
    }

    /** Header {@code name} is present. */
    public ResponseAssert hasHeader(String name) {
        isNotNull();
        if (actual.header(name).isEmpty()) {
            failWithMessage("expected header %s, but the headers were %s%n%s", name, actual.headerNames(), shown());
        }
        return this;
    }

    /** Header {@code name} has {@code value} among its values. */
    public ResponseAssert hasHeader(String name, String value) {
        isNotNull();
        if (!actual.headers(name).contains(value)) {
            failWithMessage("expected header %s: %s but it was %s%n%s", name, value, actual.headers(name), shown());
        }
        return this;
    }

    /** Header {@code name} is absent. */
    public ResponseAssert doesNotHaveHeader(String name) {
        isNotNull();
        if (actual.header(name).isPresent()) {
            failWithMessage("expected no header %s but it was %s%n%s", name, actual.headers(name), shown());
        }
        return this;
    }

    /** The media type of {@code Content-Type}, parameters left out, is {@code mediaType}. */
    public ResponseAssert hasContentType(String mediaType) {
        isNotNull();
        String type = actual.header("Content-Type")
                .map(t -> t.split(";", 2)[0].strip())
                .orElse("(none)");
        if (!type.equalsIgnoreCase(mediaType)) {
            failWithMessage("expected Content-Type %s but was %s%n%s", mediaType, type, shown());
        }
        return this;
    }

    /** The body is this text. */
    public ResponseAssert hasBody(String text) {
        isNotNull();
        if (!actual.text().equals(text)) {
            failWithMessage("expected the body%n  %s%nbut was%n  %s", text, actual.abbreviated());
        }
        return this;
    }

    /** The body is empty. */
    public ResponseAssert hasNoBody() {
        isNotNull();
        if (actual.body().length != 0) {
            failWithMessage("expected no body%n%s", shown());
        }
        return this;
    }

    /** The body is JSON equal to {@code json} (as trees: key order and spacing do not matter). */
    public ResponseAssert hasJson(String json) {
        isNotNull();
        JsonNode expected;
        try {
            expected = new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the expected JSON is not JSON: " + json, e);
        }
        if (!equalJson(expected, actual.json())) {
            failWithMessage("expected the JSON body%n  %s%nbut was%n  %s", expected, actual.abbreviated());
        }
        return this;
    }

    /** The node at {@code path} ({@code $.results[0].title}) exists. */
    public ResponseAssert hasJsonPath(String path) {
        isNotNull();
        if (JsonPath.at(actual.json(), path).isMissingNode()) {
            failWithMessage("expected a value at %s%n%s", path, shown());
        }
        return this;
    }

    /**
     * The node at {@code path} equals {@code expected}: a string, number, boolean or null compares with the JSON
     * value; anything else is converted to a tree first (a list, a map, a record).
     */
    public ResponseAssert hasJsonPath(String path, Object expected) {
        isNotNull();
        JsonNode node = JsonPath.at(actual.json(), path);
        if (node.isMissingNode()) {
            failWithMessage("expected %s at %s, but there is no such value%n%s", expected, path, shown());
        }
        JsonNode wanted = expected == null ? NullNode.getInstance() : actual.mapperTree(expected);
        if (!equalJson(wanted, node)) {
            failWithMessage("expected %s at %s but was %s%n%s", wanted, path, node, shown());
        }
        return this;
    }

    /** There is no node at {@code path}. */
    public ResponseAssert doesNotHaveJsonPath(String path) {
        isNotNull();
        JsonNode node = JsonPath.at(actual.json(), path);
        if (!node.isMissingNode()) {
            failWithMessage("expected nothing at %s but found %s%n%s", path, node, shown());
        }
        return this;
    }

    /** The node at {@code path} satisfies {@code requirements} (AssertJ on the {@link JsonNode}). */
    public ResponseAssert satisfiesJsonPath(String path, Consumer<JsonNode> requirements) {
        isNotNull();
        requirements.accept(JsonPath.at(actual.json(), path));
        return this;
    }

    /** The body read as {@code type} satisfies {@code requirements}. */
    public <T> ResponseAssert hasBodySatisfying(Class<T> type, Consumer<T> requirements) {
        isNotNull();
        requirements.accept(actual.json(type));
        return this;
    }

    /**
     * The response is Portico's error format with {@code status}: a JSON object with a string {@code detail} and
     * {@code code} (and {@code type}, {@code title} and {@code status} under {@code errors.format=problem}, served as
     * {@code application/problem+json}). Continues with the problem's own assertions.
     */
    public ProblemAssert isProblem(int status) {
        hasStatus(status);
        String type = actual.header("Content-Type")
                .map(t -> t.split(";", 2)[0].strip())
                .orElse("");
        if (!type.equals("application/json") && !type.equals("application/problem+json")) {
            failWithMessage(
                    "expected an error body (application/json or application/problem+json) but the"
                            + " Content-Type was %s%n%s",
                    type.isEmpty() ? "(none)" : type, shown());
        }
        JsonNode body = actual.json();
        if (!body.path("detail").isTextual() || !body.path("code").isTextual()) {
            failWithMessage("expected Portico's error format {\"detail\", \"code\", \"errors\"}%n%s", shown());
        }
        if (type.equals("application/problem+json") && body.path("status").asInt() != status) {
            failWithMessage("expected \"status\": %d in the problem%n%s", status, shown());
        }
        return new ProblemAssert(actual);
    }

    /** Equal trees, numbers compared by value at any depth ({@code 1} equals {@code 1.0}, as in JavaScript). */
    private static boolean equalJson(JsonNode expected, JsonNode actual) {
        return actual != null && expected.equals(NUMBERS_BY_VALUE, actual);
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /**
     * The response sets cookie {@code name} to a value (its {@code Set-Cookie} attributes are in the failure message
     * and in {@link #setsCookie(String, String)}'s).
     */
    public ResponseAssert setsCookie(String name) {
        isNotNull();
        if (setCookie(name) == null
                || Cookies.value(setCookie(name)).isEmpty()
                || Cookies.expired(setCookie(name), actual.received())) {
            failWithMessage(
                    "expected a Set-Cookie of %s with a value but the response's were %s%n%s",
                    name, actual.headers("Set-Cookie"), shown());
        }
        return this;
    }

    /** The response sets cookie {@code name} to {@code value}. */
    public ResponseAssert setsCookie(String name, String value) {
        setsCookie(name);
        if (!Cookies.value(setCookie(name)).equals(value)) {
            failWithMessage("expected cookie %s=%s but the response set %s%n%s", name, value, setCookie(name), shown());
        }
        return this;
    }

    /**
     * The {@code Set-Cookie} of {@code name} has every one of {@code attributes}, compared without case and spaces
     * ({@code "HttpOnly"}, {@code "SameSite=Lax"}, {@code "Path=/"}).
     */
    public ResponseAssert setsCookieWith(String name, String... attributes) {
        setsCookie(name);
        for (String attribute : attributes) {
            if (!Cookies.has(setCookie(name), attribute)) {
                failWithMessage(
                        "expected cookie %s with %s but the response set %s%n%s",
                        name, attribute, setCookie(name), shown());
            }
        }
        return this;
    }

    /** The response tells the client to drop cookie {@code name}: an empty value, {@code Max-Age=0} or a past date. */
    public ResponseAssert clearsCookie(String name) {
        isNotNull();
        String header = setCookie(name);
        if (header == null || !(Cookies.value(header).isEmpty() || Cookies.expired(header, actual.received()))) {
            failWithMessage(
                    "expected a Set-Cookie clearing %s but the response's were %s%n%s",
                    name, actual.headers("Set-Cookie"), shown());
        }
        return this;
    }

    /** The response sets no cookie {@code name}. */
    public ResponseAssert doesNotSetCookie(String name) {
        isNotNull();
        if (setCookie(name) != null) {
            failWithMessage("expected no Set-Cookie of %s but the response set %s%n%s", name, setCookie(name), shown());
        }
        return this;
    }

    /** The last {@code Set-Cookie} of {@code name}, or null. */
    private String setCookie(String name) {
        String found = null;
        for (String header : actual.headers("Set-Cookie")) {
            if (Cookies.name(header).equals(name)) {
                found = header;
            }
        }
        return found;
    }

    /** The response, for failure messages. */
    String shown() {
        return "response: " + actual.status() + " "
                + actual.header("Content-Type").orElse("") + "\n  " + actual.abbreviated();
    }
}
