package dev.portico.openapi;

import static dev.portico.openapi.OpenApiTesting.json;
import static dev.portico.openapi.OpenApiTesting.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.annotation.Nullable;
import dev.portico.annotation.ReadOnly;
import dev.portico.annotation.WriteOnly;
import dev.portico.endpoint.TypeRef;
import dev.portico.http.FileUpload;
import dev.portico.input.Omittable;
import dev.portico.pagination.Page;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How Java types, constraints and field rules become schemas. */
class TypeSchemasTest {

    enum Color {
        RED,
        GREEN
    }

    record Scalars(
            int i,
            long l,
            double d,
            float f,
            boolean b,
            String s,
            UUID id,
            BigDecimal money,
            Instant at,
            LocalDate day,
            LocalTime time,
            Duration took,
            byte[] data,
            Color color,
            List<String> names,
            Set<Integer> numbers,
            Map<String, Long> counts,
            String[] tags) {}

    record Constrained(
            @Size(min = 2, max = 20) String name,
            @Size(max = 3) List<String> tags,
            @Min(1) @Max(10) int rating,
            @Positive long amount,
            @DecimalMax(value = "9.5", inclusive = false) double score,
            @Pattern(regexp = "^[a-z]+$") String code,
            @Email String email,
            @NotBlank String title) {}

    record Optionals(
            String required,
            Optional<String> maybe,
            @Nullable String nullable,
            Optional<Color> color) {}

    record Account(
            @ReadOnly long id, String name, @WriteOnly String password) {}

    record Plain(String name) {}

    record Upload(String title, FileUpload file) {}

    record Envelope<T>(T data) {}

    record Node(String name, List<Node> children) {}

    private static JsonNode doc(Class<?> output) {
        return json(b -> b.get("/api/things/", output, r -> null));
    }

    @Test
    void scalarsContainersAndEnumsMapToJsonSchemaTypes() {
        JsonNode p = schema(doc(Scalars.class), "Scalars").path("properties");
        assertThat(p.path("i").toString())
                .isEqualTo("{\"type\":\"integer\",\"format\":\"int32\","
                        + "\"maximum\":2147483647,\"minimum\":-2147483648}"); // the type's range: StatedLimits
        assertThat(p.path("l").path("format").asText()).isEqualTo("int64");
        assertThat(p.path("d").path("format").asText()).isEqualTo("double");
        assertThat(p.path("f").path("format").asText()).isEqualTo("float");
        assertThat(p.path("b").path("type").asText()).isEqualTo("boolean");
        assertThat(p.path("id").path("format").asText()).isEqualTo("uuid");
        assertThat(p.path("money").toString()).isEqualTo("{\"type\":\"number\"}");
        assertThat(p.path("at").path("format").asText()).isEqualTo("date-time");
        assertThat(p.path("day").path("format").asText()).isEqualTo("date");
        assertThat(p.path("time").path("format").asText()).isEqualTo("time");
        assertThat(p.path("took").path("format").asText()).isEqualTo("duration");
        assertThat(p.path("data").path("contentEncoding").asText()).isEqualTo("base64");
        assertThat(p.path("color").path("$ref").asText()).isEqualTo("#/components/schemas/Color");
        assertThat(p.path("names").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"maxLength\":1048576}}");
        assertThat(p.path("numbers").path("uniqueItems").asBoolean()).isTrue();
        assertThat(p.path("counts").path("additionalProperties").path("format").asText())
                .isEqualTo("int64");
        assertThat(p.path("tags").path("items").path("type").asText()).isEqualTo("string");
        JsonNode color = schema(doc(Scalars.class), "Color");
        assertThat(color.toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}");
    }

    record Renamed(
            @com.fasterxml.jackson.annotation.JsonProperty("author_id")
            long authorId) {}

    @Test
    void aComponentRenamedForJsonIsDocumentedUnderItsJsonName() {
        JsonNode renamed = schema(doc(Renamed.class), "Renamed");
        assertThat(renamed.path("properties").has("author_id")).isTrue();
        assertThat(renamed.path("required").toString()).isEqualTo("[\"author_id\"]");
    }

    @Test
    void bytesAreFormatByteIn30() {
        JsonNode doc =
                json(b -> b.schema(s -> s.specVersion(SpecVersion.V3_0)).get("/api/things/", Scalars.class, r -> null));
        assertThat(schema(doc, "Scalars")
                        .path("properties")
                        .path("data")
                        .path("format")
                        .asText())
                .isEqualTo("byte");
    }

    @Test
    void constraintsAreCarriedOver() {
        JsonNode p = schema(doc(Constrained.class), "Constrained").path("properties");
        assertThat(p.path("name").path("minLength").asInt()).isEqualTo(2);
        assertThat(p.path("name").path("maxLength").asInt()).isEqualTo(20);
        assertThat(p.path("tags").path("maxItems").asInt()).isEqualTo(3);
        assertThat(p.path("rating").path("minimum").asInt()).isEqualTo(1);
        assertThat(p.path("rating").path("maximum").asInt()).isEqualTo(10);
        assertThat(p.path("amount").path("exclusiveMinimum").asInt()).isZero();
        assertThat(p.path("score").path("exclusiveMaximum").asDouble()).isEqualTo(9.5);
        assertThat(p.path("code").path("pattern").asText()).isEqualTo("^[a-z]+$");
        assertThat(p.path("email").path("format").asText()).isEqualTo("email");
        assertThat(p.path("title").path("minLength").asInt()).isEqualTo(1);
    }

    @Test
    void exclusiveBoundsAreBooleansIn30() {
        JsonNode doc = json(
                b -> b.schema(s -> s.specVersion(SpecVersion.V3_0)).get("/api/things/", Constrained.class, r -> null));
        JsonNode amount = schema(doc, "Constrained").path("properties").path("amount");
        assertThat(amount.path("minimum").asInt()).isZero();
        assertThat(amount.path("exclusiveMinimum").asBoolean()).isTrue();
    }

    @Test
    void componentsAreRequiredUnlessOptionalOrNullableWhichMayBeNull() {
        JsonNode o = schema(doc(Optionals.class), "Optionals");
        assertThat(o.path("required").toString()).isEqualTo("[\"required\"]");
        assertThat(o.path("properties").path("required").toString())
                .isEqualTo("{\"type\":\"string\",\"maxLength\":1048576}"); // limits.json-string-length
        assertThat(o.path("properties").path("maybe").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(o.path("properties").path("nullable").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(o.path("properties").path("color").path("oneOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/Color\"},{\"type\":\"null\"}]");
    }

    @Test
    void nullableIsAFlagIn30() {
        JsonNode doc = json(
                b -> b.schema(s -> s.specVersion(SpecVersion.V3_0)).get("/api/things/", Optionals.class, r -> null));
        JsonNode p = schema(doc, "Optionals").path("properties");
        assertThat(p.path("maybe").path("type").asText()).isEqualTo("string");
        assertThat(p.path("maybe").path("nullable").asBoolean()).isTrue();
        // 3.0 has no null type: oneOf the reference and a string that can only be null (nullable beside allOf is
        // ignored by validators, and Redocly's nullable-type-sibling refuses it without a type)
        assertThat(p.path("color").path("oneOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/Color\"},"
                        + "{\"type\":\"string\",\"nullable\":true,\"enum\":[null]}]");
        assertThat(p.path("color").has("nullable")).isFalse();
    }

    record Clearable(
            String title, Omittable<@Size(max = 50) String> nick, Omittable<LocalDate> day, Omittable<Plain> plain) {}

    @Test
    void anOmittableIsItsValuesSchemaNotRequiredAndNullable() {
        JsonNode doc = json(b -> b.patch("/api/things/", Clearable.class, String.class, (r, c) -> "ok"));
        JsonNode o = schema(doc, "Clearable");
        assertThat(o.path("required").toString()).isEqualTo("[\"title\"]");
        assertThat(o.path("properties").path("nick").toString())
                .isEqualTo("{\"type\":[\"string\",\"null\"],\"maxLength\":50}");
        assertThat(o.path("properties").path("day").toString())
                .isEqualTo("{\"type\":[\"string\",\"null\"],\"format\":\"date\",\"maxLength\":1048576}");
        assertThat(o.path("properties").path("plain").path("oneOf").toString())
                .isEqualTo("[{\"$ref\":\"#/components/schemas/Plain\"},{\"type\":\"null\"}]");
        JsonNode v30 = json(b -> b.schema(s -> s.specVersion(SpecVersion.V3_0))
                .patch("/api/things/", Clearable.class, String.class, (r, c) -> "ok"));
        JsonNode p = schema(v30, "Clearable").path("properties");
        assertThat(p.path("day").toString())
                .isEqualTo("{\"maxLength\":1048576,\"type\":\"string\",\"format\":\"date\",\"nullable\":true}");
        assertThat(p.path("nick").path("maxLength").asInt()).isEqualTo(50);
        assertThat(p.path("plain").path("oneOf").get(1).path("nullable").asBoolean())
                .isTrue();
    }

    @Test
    void readOnlyAndWriteOnlyFieldsSplitRequestAndResponseComponents() {
        JsonNode doc = json(b -> b.post("/api/accounts/", Account.class, Account.class, (r, a) -> a));
        JsonNode response = schema(doc, "Account");
        JsonNode request = schema(doc, "AccountRequest");
        assertThat(response.path("properties").fieldNames()).toIterable().containsExactly("id", "name");
        assertThat(response.path("properties").path("id").path("readOnly").asBoolean())
                .isTrue();
        assertThat(request.path("properties").fieldNames()).toIterable().containsExactly("name", "password");
        assertThat(request.path("properties").path("password").path("writeOnly").asBoolean())
                .isTrue();
        JsonNode op = doc.path("paths").path("/api/accounts/").path("post");
        assertThat(op.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/AccountRequest");
        assertThat(op.path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Account");
    }

    @Test
    void recordsWithoutReadOrWriteOnlyFieldsAreOneComponent() {
        JsonNode doc = json(b -> b.post("/api/plains/", Plain.class, Plain.class, (r, a) -> a));
        assertThat(doc.path("components").path("schemas").fieldNames())
                .toIterable()
                .containsExactly("Error", "FieldMetadata", "Metadata", "Plain"); // the last but one two: OPTIONS
    }

    @Test
    void genericRecordsGetReadableNames() {
        JsonNode doc = json(b -> b.endpoint(
                        dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.GET, "/api/posts/")
                                .output(new TypeRef<Page<Plain>>() {})
                                .handle(r -> null)
                                .build())
                .endpoint(dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.GET, "/api/wrapped/")
                        .output(new TypeRef<Envelope<List<Plain>>>() {})
                        .handle(r -> null)
                        .build()));
        JsonNode page = schema(doc, "PaginatedPlainList");
        assertThat(page.path("properties").fieldNames())
                .toIterable()
                .containsExactly("count", "next", "previous", "results");
        assertThat(page.path("properties")
                        .path("results")
                        .path("items")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Plain");
        assertThat(page.path("properties").path("next").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schema(doc, "PlainListEnvelope")
                        .path("properties")
                        .path("data")
                        .path("type")
                        .asText())
                .isEqualTo("array");
        assertThat(doc.path("paths")
                        .path("/api/posts/")
                        .path("get")
                        .path("operationId")
                        .asText())
                .isEqualTo("listPosts");
    }

    @Test
    void recursiveRecordsReferToThemselves() {
        JsonNode node = schema(doc(Node.class), "Node");
        assertThat(node.path("properties")
                        .path("children")
                        .path("items")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Node");
    }

    @Test
    void fileUploadsAreBinaryStrings() {
        JsonNode doc = OpenApiTesting.generate(
                dev.portico.endpoint.Endpoint.builder(dev.portico.http.HttpMethod.POST, "/api/uploads/")
                        .body(Upload.class, List.of("multipart/form-data"))
                        .handle(r -> null)
                        .build());
        JsonNode form = doc.path("paths")
                .path("/api/uploads/")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("multipart/form-data")
                .path("schema"); // a form body is its fields, as the decoder reads them
        JsonNode file = form.path("properties").path("file");
        assertThat(file.path("format").asText()).isEqualTo("binary");
        assertThat(file.path("contentMediaType").asText()).isEqualTo("application/octet-stream");
    }

    static final class Other {
        record Plain(int n) {}
    }

    @Test
    void twoTypesWithOneComponentNameFailNamingBoth() {
        assertThatThrownBy(() -> OpenApiTesting.app(
                        b -> b.get("/api/a/", Plain.class, r -> null).get("/api/b/", Other.Plain.class, r -> null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'Plain'")
                .hasMessageContaining("TypeSchemasTest$Plain")
                .hasMessageContaining("TypeSchemasTest$Other$Plain")
                .hasMessageContaining("componentName(");
    }

    record Error(String why) {}

    @Test
    void aRecordCalledErrorClashesWithTheErrorComponent() {
        assertThatThrownBy(() -> OpenApiTesting.app(b -> b.get("/api/a/", Error.class, r -> null)))
                .hasMessageContaining("'Error'")
                .hasMessageContaining("error format");
    }

    @Test
    void componentNameOverrideRenamesTheEndpointsRecord() {
        JsonNode doc = json(b -> b.get("/api/a/", Plain.class, r -> null, e -> e.componentName("Thing")));
        assertThat(schema(doc, "Thing").path("properties").has("name")).isTrue();
        assertThat(schema(doc, "Plain").isMissingNode()).isTrue();
    }
}
