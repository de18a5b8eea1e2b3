package dev.portico.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.error.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
    record Item(String name, int quantity) {}

    record Order(String customer, List<Item> items, Instant placedAt) {}

    private final ObjectMapper mapper = Json.mapper(new Json.Limits(5, 20, 100, true));

    private ApiException fail(String json, Class<?> type) {
        try {
            mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            return JsonErrors.translate(e);
        }
        throw new AssertionError("expected " + json + " to fail");
    }

    @Test
    void unknownFieldIsNamedWithItsPath() {
        ApiException e = fail(
                "{\"customer\":\"a\",\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":3}],\"placedAt\":null}",
                Order.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).containsEntry("items.0.price", List.of("Unknown field."));
    }

    @Test
    void wrongTypeIsNamedWithItsPath() {
        ApiException e = fail(
                "{\"customer\":\"a\",\"items\":[{\"name\":\"x\",\"quantity\":1},{\"name\":\"y\",\"quantity\":\"abc\"}]}",
                Order.class);
        assertThat(e.errors()).containsEntry("items.1.quantity", List.of("Expected an integer."));
    }

    @Test
    void numericStringsAreNotCoercedIntoNumbers() {
        ApiException e = fail("{\"name\":\"x\",\"quantity\":\"3\"}", Item.class);
        assertThat(e.errors()).containsKey("quantity");
    }

    @Test
    void badDateIsNamed() {
        ApiException e = fail("{\"customer\":\"a\",\"items\":[],\"placedAt\":\"yesterday\"}", Order.class);
        assertThat(e.errors()).containsKey("placedAt");
    }

    @Test
    void malformedJsonIsAParseError() {
        ApiException e = fail("{\"customer\":", Order.class);
        assertThat(e.code()).isEqualTo("parse_error");
        assertThat(e.detail()).startsWith("JSON parse error:");
        assertThat(e.detail()).doesNotContain("dev.portico");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        ApiException e = fail("[[[[[[[[1]]]]]]]]", Object.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("json_limit_exceeded");
    }

    @Test
    void stringsLongerThanTheLimitAreRefused() {
        ApiException e = fail("{\"name\":\"" + "x".repeat(50) + "\",\"quantity\":1}", Item.class);
        assertThat(e.code()).isEqualTo("json_limit_exceeded");
    }

    @Test
    void duplicateKeysAreRefused() {
        ApiException e = fail("{\"name\":\"x\",\"name\":\"y\",\"quantity\":1}", Item.class);
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void trailingTokensAreRefused() {
        ApiException e = fail("{\"name\":\"x\",\"quantity\":1} {}", Item.class);
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void writesJavaTimeAsIso8601() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(new Order("a", List.of(), Instant.parse("2026-01-02T03:04:05Z"))))
                .contains("\"placedAt\":\"2026-01-02T03:04:05Z\"");
    }
}
