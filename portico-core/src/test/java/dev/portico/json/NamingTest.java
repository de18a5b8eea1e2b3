package dev.portico.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portico.config.Naming;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one naming rule: its translation, {@code @JsonProperty} winning, the mapper agreeing, the setting. */
class NamingTest {
    record Post(
            long id,
            LocalDate publishDate,
            String newPassword1,
            @JsonProperty("ETag") String eTag,
            String htmlURL) {}

    @Test
    void snakeCaseIsDrfsSpellingAndCamelCaseTheJavaName() {
        assertThat(Naming.SNAKE_CASE.wireName("publishDate")).isEqualTo("publish_date");
        assertThat(Naming.SNAKE_CASE.wireName("newPassword1")).isEqualTo("new_password1");
        assertThat(Naming.SNAKE_CASE.wireName("id")).isEqualTo("id");
        assertThat(Naming.SNAKE_CASE.wireName("already_snake")).isEqualTo("already_snake");
        assertThat(Naming.CAMEL_CASE.wireName("publishDate")).isEqualTo("publishDate");
    }

    @Test
    void anExplicitJsonPropertyWinsUnderEitherRule() {
        RecordComponent eTag = Post.class.getRecordComponents()[3];
        assertThat(Naming.SNAKE_CASE.wireName(eTag)).isEqualTo("ETag");
        assertThat(Naming.CAMEL_CASE.wireName(eTag)).isEqualTo("ETag");
        assertThat(Naming.SNAKE_CASE.wireName(Post.class.getRecordComponents()[1]))
                .isEqualTo("publish_date");
    }

    @Test
    void theMapperWritesAndReadsEveryComponentUnderTheNameTheRuleGives() throws Exception {
        for (Naming naming : Naming.values()) {
            ObjectMapper mapper = Json.mapper(Json.Limits.defaults(), naming);
            Post post = new Post(1, LocalDate.of(2026, 1, 2), "s3cret", "\"1\"", "https://example.com");
            JsonNode written = mapper.valueToTree(post);
            List<String> expected = new ArrayList<>();
            for (RecordComponent c : Post.class.getRecordComponents()) {
                expected.add(naming.wireName(c));
            }
            List<String> names = new ArrayList<>();
            written.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(naming.name()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(mapper.treeToValue(written, Post.class)).isEqualTo(post);
            assertThat(Naming.of(mapper)).isEqualTo(naming);
        }
        assertThat(Json.mapper().valueToTree(Map.of("keyOfAMap", 1)).has("keyOfAMap"))
                .as("map keys are data")
                .isTrue();
    }

    @Test
    void theSettingReadsEitherSpellingAndDefaultsToCamelCase() {
        assertThat(PorticoConfig.defaults().naming()).isEqualTo(Naming.CAMEL_CASE);
        PorticoConfig snake = PorticoConfig.builder()
                .fromEnvironment(Map.of("PORTICO_JSON_NAMING", "snake_case"))
                .build();
        assertThat(snake.naming()).isEqualTo(Naming.SNAKE_CASE);
        assertThat(snake.source(Settings.JSON_NAMING)).contains("PORTICO_JSON_NAMING");
        PorticoConfig camel = PorticoConfig.builder()
                .fromEnvironment(Map.of("PORTICO_JSON_NAMING", "camel-case"))
                .build();
        assertThat(camel.naming()).isEqualTo(Naming.CAMEL_CASE);
        assertThatThrownBy(() -> PorticoConfig.builder()
                        .fromEnvironment(Map.of("PORTICO_JSON_NAMING", "kebab"))
                        .build())
                .hasMessageContaining("json.naming")
                .hasMessageContaining("snake_case");
    }

    @Test
    void aMapperWithAnotherStrategyIsRefusedNamingTheFix() {
        ObjectMapper kebab = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .build();
        assertThatThrownBy(() -> Naming.of(kebab)).hasMessageContaining("Json.mapper(limits, naming)");
    }
}
