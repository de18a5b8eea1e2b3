package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.rpc.Api;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document states the limits the app enforces where no constraint states a tighter one. */
class StatedLimitsTest {
    record Pay(
            String name,
            @Size(max = 20) String note,
            int count,
            long total,
            BigInteger huge,

            @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal salary,

            List<String> tags) {}

    @ApiModule("forms")
    public static final class Forms {
        @ApiMethod
        public int tally(List<String> tags, String name) {
            return tags.size() + name.length();
        }
    }

    private static JsonNode document(PorticoConfig.Builder config) {
        Portico.Builder builder = Portico.builder()
                .shutdownHook(false)
                .config(config.set(Settings.LIMITS_JSON_STRING_LENGTH, 5000)
                        .set(Settings.LIMITS_HEADER_SIZE, 8192L)
                        .set(Settings.LIMITS_FORM_LIST_INDEX, 49)
                        .set(Settings.LIMITS_BODY_SIZE, 100_000L)
                        .build())
                .post("/api/pay/", Pay.class, Pay.class, (r, p) -> p)
                .get(
                        "/api/pay/",
                        Pay.class,
                        r -> null,
                        e -> e.query("q", String.class, "").throttle(dev.portico.throttle.Throttle.of("5/min")));
        return OpenApiTesting.json(
                builder.endpoints(Api.builder().module(new Forms()).build().endpoints())
                        .build());
    }

    @Test
    void integersGetTheirTypesRangeStringsAndFormListsTheConfiguredLimits() {
        JsonNode doc = document(PorticoConfig.builder());
        JsonNode pay = OpenApiTesting.schema(doc, "Pay").path("properties");
        assertThat(pay.path("name").path("maxLength").asInt()).isEqualTo(5000);
        assertThat(pay.path("note").path("maxLength").asInt()).isEqualTo(20);
        assertThat(pay.path("count").path("maximum").asLong()).isEqualTo(Integer.MAX_VALUE);
        assertThat(pay.path("total").path("minimum").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(pay.path("huge").has("format"))
                .as("a BigInteger has no range")
                .isFalse();
        assertThat(pay.path("huge").has("maximum")).isFalse();
        assertThat(pay.path("tags").has("maxItems"))
                .as("JSON arrays have no count limit")
                .isFalse();
        JsonNode get = doc.path("paths").path("/api/pay/").path("get");
        assertThat(get.path("parameters")
                        .get(0)
                        .path("schema")
                        .path("maxLength")
                        .asInt())
                .isEqualTo(8192);
        assertThat(get.path("responses")
                        .path("200")
                        .path("headers")
                        .path("RateLimit-Limit")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/headers/RateLimit-Limit"); // written once, referred to by every response
        JsonNode limit =
                doc.path("components").path("headers").path("RateLimit-Limit").path("schema");
        assertThat(limit.path("format").asText()).isEqualTo("int32");
        assertThat(limit.path("minimum").asInt()).isZero();
        JsonNode form = doc.path("paths")
                .path("/api/forms/tally")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/x-www-form-urlencoded")
                .path("schema")
                .path("properties");
        assertThat(form.path("tags").path("maxItems").asInt()).isEqualTo(50);
        assertThat(form.path("name").path("maxLength").asInt()).isEqualTo(100_000);
    }

    @Test
    void decimalsAsStringsAreDocumentedAsDrfSpectacularDocumentsThem() {
        JsonNode salary = OpenApiTesting.schema(document(PorticoConfig.builder()), "Pay")
                .path("properties")
                .path("salary");
        assertThat(salary.path("type").asText()).isEqualTo("number");
        assertThat(salary.path("minimum").asInt()).isZero();
        JsonNode asString = OpenApiTesting.schema(
                        document(PorticoConfig.builder().set(Settings.JSON_DECIMALS_AS_STRINGS, true)), "Pay")
                .path("properties")
                .path("salary");
        assertThat(asString.path("type").asText()).isEqualTo("string");
        assertThat(asString.path("format").asText()).isEqualTo("decimal");
        assertThat(asString.path("pattern").asText()).isEqualTo("^-?\\d{0,10}(?:\\.\\d{0,2})?$");
        assertThat(asString.has("minimum")).isFalse();
    }
}
