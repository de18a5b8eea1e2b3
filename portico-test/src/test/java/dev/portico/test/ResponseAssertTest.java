package dev.portico.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assertions pass on what they describe, and fail with the response in the message otherwise. */
class ResponseAssertTest {
    private static final String INVALID = "{\"detail\":\"Invalid input.\",\"code\":\"invalid\",\"errors\":"
            + "{\"title\":[\"This field is required.\"],\"tags.1\":[\"Not a valid string.\"]}}";

    private static TestResponse response(int status, String contentType, String body) {
        return new TestResponse(
                status,
                List.of(new String[] {"Content-Type", contentType}, new String[] {"Set-Cookie", "a=1"}, new String[] {
                    "Set-Cookie", "b=2"
                }),
                body.getBytes(StandardCharsets.UTF_8),
                Json.mapper());
    }

    @Test
    void jsonPathsCompareValuesListsAndNumbers() {
        TestResponse ok = response(
                200,
                "application/json",
                "{\"title\":\"x\",\"n\":2,\"price\":1.50,"
                        + "\"tags\":[\"a\",\"b\"],\"author\":{\"name\":\"Ada\"},\"none\":null,\"odd key\":true}");
        assertThat(ok)
                .hasStatus(200)
                .isSuccessful()
                .hasContentType("application/json")
                .hasJsonPath("$.title", "x")
                .hasJsonPath("$.n", 2L)
                .hasJsonPath("$.price", 1.5)
                .hasJsonPath("$.tags", List.of("a", "b"))
                .hasJsonPath("$.tags[1]", "b")
                .hasJsonPath("$.author", Map.of("name", "Ada"))
                .hasJsonPath("$.author.name", "Ada")
                .hasJsonPath("$.none", null)
                .hasJsonPath("$['odd key']", true)
                .doesNotHaveJsonPath("$.missing")
                .hasHeader("Set-Cookie", "b=2")
                .doesNotHaveHeader("Location");
        assertThatThrownBy(() -> assertThat(ok).hasJsonPath("$.title", "y"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected \"y\" at $.title but was \"x\"")
                .hasMessageContaining("response: 200");
        assertThatThrownBy(() -> assertThat(ok).hasJsonPath("$.tags[*]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assertThat(ok).hasStatus(201)).hasMessageContaining("expected status 201 but was 200");
    }

    @Test
    void theErrorFormatIsReadFieldByField() {
        TestResponse invalid = response(400, "application/json", INVALID);
        assertThat(invalid)
                .isProblem(400)
                .hasCode("invalid")
                .hasDetail("Invalid input.")
                .hasFieldError("title", "This field is required.")
                .hasFieldError("tags.1")
                .hasErrorsOnlyOn("tags.1", "title");
        assertThatThrownBy(() -> assertThat(invalid).isProblem(400).hasFieldError("title", "Too long."))
                .hasMessageContaining("expected the error \"Too long.\" on title but it has [This field is required.]");
        assertThatThrownBy(() -> assertThat(invalid).isProblem(400).hasFieldError("text"))
                .hasMessageContaining("fields with errors: [title, tags.1]");
        assertThatThrownBy(() -> assertThat(invalid).isProblem(400).hasNoFieldErrors())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() ->
                        assertThat(response(400, "text/html", "<p>no</p>")).isProblem(400))
                .hasMessageContaining("the Content-Type was text/html");
        assertThatThrownBy(() -> assertThat(response(400, "application/json", "{\"x\":1}"))
                        .isProblem(400))
                .hasMessageContaining("Portico's error format");
    }

    @Test
    void problemJsonNeedsItsStatusMember() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Not found.\","
                + "\"code\":\"not_found\"}";
        assertThat(response(404, "application/problem+json", problem))
                .isProblem(404)
                .hasCode("not_found");
        assertThatThrownBy(() -> assertThat(response(410, "application/problem+json", problem))
                        .isProblem(410))
                .hasMessageContaining("\"status\": 410");
    }

    @Test
    void aBodyThatIsNotJsonSaysSoWithTheBody() {
        TestResponse html = response(200, "text/html", "<p>hi</p>");
        assertThatThrownBy(html::json).isInstanceOf(AssertionError.class).hasMessageContaining("<p>hi</p>");
        assertThat(html).hasBody("<p>hi</p>");
    }

    @Test
    void wholeBodiesCompareNumbersByValueAtAnyDepth() {
        TestResponse ok = response(200, "application/json", "{\"price\":1.50,\"items\":[{\"n\":2}]}");
        assertThat(ok).hasJson("{\"items\":[{\"n\":2.0}],\"price\":1.5}");
        assertThatThrownBy(() -> assertThat(ok).hasJson("{\"items\":[{\"n\":3}],\"price\":1.5}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected the JSON body");
    }

    @Test
    void cookiesAreAssertedByNameValueAttributesAndClearing() {
        TestResponse login = new TestResponse(
                200,
                List.of(
                        new String[] {"Set-Cookie", "sessionid=abc; Path=/; Max-Age=1209600; HttpOnly; SameSite=Lax"},
                        new String[] {"Set-Cookie", "old=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"},
                        new String[] {"Set-Cookie", "gone=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}),
                new byte[0],
                Json.mapper());
        assertThat(login)
                .setsCookie("sessionid")
                .setsCookie("sessionid", "abc")
                .setsCookieWith("sessionid", "HttpOnly", "samesite=lax", "Path=/")
                .clearsCookie("old")
                .clearsCookie("gone")
                .doesNotSetCookie("csrftoken");
        assertThatThrownBy(() -> assertThat(login).setsCookie("sessionid", "xyz"))
                .hasMessageContaining("expected cookie sessionid=xyz");
        assertThatThrownBy(() -> assertThat(login).setsCookieWith("sessionid", "Secure"))
                .hasMessageContaining("with Secure");
        assertThatThrownBy(() -> assertThat(login).setsCookie("old")).hasMessageContaining("a Set-Cookie of old");
        assertThatThrownBy(() -> assertThat(login).clearsCookie("sessionid"))
                .hasMessageContaining("clearing sessionid");
        assertThatThrownBy(() -> assertThat(login).doesNotSetCookie("sessionid"))
                .hasMessageContaining("no Set-Cookie");
    }
}
