package dev.portico.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.portico.error.ApiException;
import dev.portico.error.ParseError;
import dev.portico.input.PartlyRead;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A record body that fails to read names every field's problem, and carries the fields that did read. */
class FieldByFieldTest {
    record Address(String street, int number) {}

    record Person(String firstName, int age, List<String> tags, Optional<LocalDate> born, Address homeAddress) {}

    private final ObjectMapper mapper = Json.mapper(new Json.Limits(10, 100, 100, true));

    private ApiException fail(ObjectMapper mapper, String json, Class<?> type) {
        JavaType javaType = mapper.constructType(type);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            mapper.readerFor(javaType).readValue(body);
        } catch (JsonProcessingException e) {
            return new FieldByField(mapper, 100).translate(javaType, body, e);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected " + json + " to fail");
    }

    @Test
    void everyMissingMistypedAndUnknownFieldIsNamedAtOnce() {
        ApiException e = fail(mapper, """
            {"tags": ["a", {}], "born": "yesterday", "homeAddress": {"street": "Elm", "number": 3}, "x": 1}\
            """, Person.class);
        assertThat(e).isInstanceOf(PartlyRead.class);
        assertThat(e.errors())
                .isEqualTo(Map.of(
                        "firstName", List.of("This field is required."),
                        "age", List.of("This field is required."),
                        "tags.1", List.of("Expected a string."),
                        "born", List.of("Expected an ISO-8601 date or time."),
                        "x", List.of("Unknown field.")));
        assertThat(((PartlyRead) e).partial().components())
                .containsOnlyKeys("homeAddress")
                .containsEntry("homeAddress", new Address("Elm", 3));
    }

    @Test
    void aNestedRecordNamesEachOfItsFieldsAndIsKeptAsAPartialOfItsOwn() {
        ApiException e = fail(mapper, """
            {"firstName": "Ada", "age": 36, "tags": [], "homeAddress": {"street": null, "number": "three"}}\
            """, Person.class);
        assertThat(e.errors())
                .isEqualTo(Map.of(
                        "homeAddress.street", List.of("This field may not be null."),
                        "homeAddress.number", List.of("Expected an integer.")));
        PartlyRead.Partial partial = ((PartlyRead) e).partial();
        assertThat(partial.type()).isEqualTo(Person.class);
        assertThat(partial.components())
                .containsEntry("firstName", "Ada")
                .containsEntry("age", 36)
                .containsEntry("tags", List.of())
                .containsEntry("homeAddress", new PartlyRead.Partial(Address.class, Map.of()));
    }

    @Test
    void theMappersNamingStrategyNamesTheFieldsAndTheJavaNamesKeyWhatRead() {
        ObjectMapper snake = Json.mapper(new Json.Limits(10, 100, 100, true))
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        ApiException e = fail(snake, """
            {"first_name": "Ada", "tags": [], "home_address": {"street": "Elm"}, "firstName": "x"}\
            """, Person.class);
        assertThat(e.errors())
                .isEqualTo(Map.of(
                        "age", List.of("This field is required."),
                        "home_address.number", List.of("This field is required."),
                        "firstName", List.of("Unknown field.")));
        assertThat(((PartlyRead) e).partial().components())
                .containsEntry("firstName", "Ada")
                .containsEntry("homeAddress", new PartlyRead.Partial(Address.class, Map.of("street", "Elm")));
    }

    @Test
    void whatIsNoObjectOrNoJsonIsAnsweredAsBefore() {
        assertThat(fail(mapper, "[1, 2]", Person.class).errors())
                .isEqualTo(Map.of("non_field_errors", List.of("Expected an object.")));
        assertThat(fail(mapper, "{\"firstName\": ", Person.class)).isInstanceOf(ParseError.class);
    }

    record Aliased(
            @com.fasterxml.jackson.annotation.JsonAlias("nick")
            String name,

            int age) {}

    @Test
    void aFieldSentUnderItsAliasIsNeitherMissingNorUnknown() {
        ApiException e = fail(mapper, "{\"nick\": \"ada\", \"age\": \"old\"}", Aliased.class);
        assertThat(e.errors()).isEqualTo(Map.of("age", List.of("Expected an integer.")));
        assertThat(((PartlyRead) e).partial().components()).isEqualTo(Map.of("name", "ada"));
    }
}
