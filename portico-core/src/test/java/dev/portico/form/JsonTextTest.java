package dev.portico.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.Limits;
import dev.portico.endpoint.TypeRef;
import dev.portico.error.ApiException;
import dev.portico.error.ValidationFailed;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A list, map or record argument sent as JSON text under its bare name, as client generators send it. */
class JsonTextTest {
    record Person(String name, int age) {}

    record Group(String title, List<Person> members) {}

    private static final FormParser LIMITS = new FormParser(Limits.defaults());
    private static final FormDecoder DECODER = FormDecoder.arguments(
            "test",
            List.of("people", "scores", "group"),
            List.<Type>of(
                    new TypeRef<List<Person>>() {}.type(), new TypeRef<Map<String, Integer>>() {}.type(), Group.class),
            List.of(false, false, false),
            List.of());

    private static Object[] decode(String form) {
        return DECODER.decodeArguments(LIMITS.parse(form), LIMITS);
    }

    private static Map<String, List<String>> errors(String form) {
        try {
            decode(form);
        } catch (ValidationFailed e) {
            return e.errors();
        }
        throw new AssertionError("no 400 for " + form);
    }

    @Test
    void aListOfRecordsIsOneJsonArrayOrOneJsonObjectPerItem() {
        assertThat(decode("people=" + enc("[{\"name\":\"ada\",\"age\":36},{\"name\":\"bob\",\"age\":7}]"))[0])
                .isEqualTo(List.of(new Person("ada", 36), new Person("bob", 7)));
        assertThat(decode("people=" + enc("{\"name\":\"ada\",\"age\":36}") + "&people="
                        + enc("{\"name\":\"bob\",\"age\":7}"))[0])
                .isEqualTo(List.of(new Person("ada", 36), new Person("bob", 7)));
        assertThat(decode("people=" + enc("[]"))[0]).isEqualTo(List.of());
    }

    @Test
    void aMapAndARecordAreOneJsonObject() {
        Object[] values = decode("scores=" + enc("{\"alice\":3,\"bob\":\"4\"}") + "&group="
                + enc("{\"title\":\"t\",\"members\":[{\"name\":\"ada\",\"age\":1}]}"));
        assertThat(values[1]).isEqualTo(Map.of("alice", 3, "bob", 4));
        assertThat(values[2]).isEqualTo(new Group("t", List.of(new Person("ada", 1))));
        assertThat(decode("group.title=t&group.members=" + enc("[{\"name\":\"ada\",\"age\":1}]"))[2])
                .isEqualTo(new Group("t", List.of(new Person("ada", 1))));
    }

    @Test
    void theDottedNamesInsideJsonTextAreNamedInErrors() {
        assertThat(errors("people=" + enc("[{\"name\":\"ada\",\"age\":\"old\"},{\"age\":1}]")))
                .containsOnlyKeys("people.0.age", "people.1.name");
        assertThat(errors("scores=" + enc("{\"alice\":\"x\"}"))).containsOnlyKeys("scores.alice");
    }

    @Test
    void badJsonTextIsA400UnderItsName() {
        assertThat(errors("people=" + enc("[{\"name\":")).get("people").get(0)).startsWith("Invalid JSON text");
        assertThat(errors("scores=" + enc("[1]")).get("scores")).containsExactly("Expected one JSON object.");
        assertThat(errors("people=" + enc("[1]") + "&people=" + enc("[2]")).get("people"))
                .containsExactly("Expected a JSON array, or one JSON object per item.");
        assertThat(errors("people=ada").get("people"))
                .containsExactly("Expected a list of items but got type \"str\".");
    }

    @Test
    void aTemplatePlaceholderIsNeverAKeyOrAnIndex() {
        assertThat(errors("scores.%7Bkey%7D=3").get("scores.{key}").get(0)).contains("is a placeholder, not a key");
        assertThat(errors("people.%7Bn%7D.name=ada").get("people.{n}").get(0))
                .contains("is a placeholder, not an index");
        assertThat(decode("scores.%7B=3")[1]).isEqualTo(Map.of("{", 3));
    }

    @Test
    void theFormLimitsHoldInsideJsonText() {
        FormParser small = new FormParser(new Limits(1 << 20, 1 << 14, 64, 1 << 20, 3, 8, 999, 10, 1 << 20));
        String four = enc("[{\"name\":\"a\",\"age\":1},{\"name\":\"b\",\"age\":2}]");
        assertThatThrownBy(() -> DECODER.decodeArguments(small.parse("people=" + four), small))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("too_many_fields"));
        FormParser shallow = new FormParser(new Limits(1 << 20, 1 << 14, 64, 1 << 20, 100, 2, 999, 10, 1 << 20));
        assertThatThrownBy(() -> DECODER.decodeArguments(shallow.parse("people=" + four), shallow))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("field_name_too_deep"));
    }

    @Test
    void withoutLimitsJsonTextIsNotRead() {
        assertThatThrownBy(() -> DECODER.decodeArguments(LIMITS.parse("scores=" + enc("{\"a\":1}"))))
                .isInstanceOf(ValidationFailed.class);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
