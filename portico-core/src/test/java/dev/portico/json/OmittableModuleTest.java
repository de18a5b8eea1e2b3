package dev.portico.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.error.ApiException;
import dev.portico.input.Omittable;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An {@code Omittable} component read from JSON keeps its three states apart, and is never required. */
class OmittableModuleTest {
    record Author(String name) {}

    record Patch(
            @JsonProperty("publish_date") Omittable<LocalDate> publishDate,
            Omittable<Author> author,
            Omittable<List<Integer>> scores,
            String title) {}

    private final ObjectMapper mapper = Json.mapper();

    private Patch read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Patch.class);
    }

    private ApiException fail(String json) {
        try {
            mapper.readValue(json, Patch.class);
        } catch (JsonProcessingException e) {
            return JsonErrors.translate(e);
        }
        throw new AssertionError("expected " + json + " to fail");
    }

    @Test
    void absentNullAndAValueAreThreeStates() throws Exception {
        assertThat(read("{\"title\":\"t\"}"))
                .isEqualTo(new Patch(Omittable.absent(), Omittable.absent(), Omittable.absent(), "t"));
        assertThat(read("{\"title\":\"t\",\"publish_date\":null,\"author\":null,\"scores\":null}"))
                .isEqualTo(new Patch(Omittable.ofNull(), Omittable.ofNull(), Omittable.ofNull(), "t"));
        assertThat(
                        read(
                                "{\"title\":\"t\",\"publish_date\":\"2024-05-01\",\"author\":{\"name\":\"ada\"},\"scores\":[1]}"))
                .isEqualTo(new Patch(
                        Omittable.of(LocalDate.of(2024, 5, 1)),
                        Omittable.of(new Author("ada")),
                        Omittable.of(List.of(1)),
                        "t"));
    }

    @Test
    void anOmittableIsNeverRequiredWhileOtherComponentsStillAre() {
        ApiException e = fail("{}");
        assertThat(e.errors()).containsOnlyKeys("title");
    }

    @Test
    void aValueIsReadByTheTypeArgumentWithErrorsUnderItsDottedPath() {
        assertThat(fail("{\"title\":\"t\",\"publish_date\":\"soon\"}").errors()).containsKey("publish_date");
        assertThat(fail("{\"title\":\"t\",\"author\":{\"name\":\"a\",\"age\":3}}")
                        .errors())
                .containsEntry("author.age", List.of("Unknown field."));
        assertThat(fail("{\"title\":\"t\",\"scores\":[1,\"x\"]}").errors())
                .containsEntry("scores.1", List.of("Expected an integer."));
    }

    @Test
    void writtenAValueIsTheValueAndTheOtherStatesAreNull() throws Exception {
        assertThat(mapper.writeValueAsString(
                        new Patch(Omittable.of(LocalDate.of(2024, 5, 1)), Omittable.ofNull(), Omittable.absent(), "t")))
                .isEqualTo("{\"publish_date\":\"2024-05-01\",\"author\":null,\"scores\":null,\"title\":\"t\"}");
    }
}
