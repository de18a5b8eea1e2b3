package dev.portico.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.config.Limits;
import dev.portico.error.ApiException;
import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The decoder under random fields: names made of the arguments' own names, dots, indexes, markers and noise, values
 * of every kind and files where values belong. Whatever arrives, the answer is a value or a 400, never another
 * exception: a crash here would be a 500 for a client's typo.
 */
class FormDecoderFuzzProperties {
    enum Color {
        RED,
        GREEN
    }

    record Member(String id) {}

    record Person(String name, int age, Optional<Person> friend) {}

    record Empty() {}

    record Range(int low, int high) {
        Range {
            if (low > high) {
                throw new IllegalArgumentException("low must not be above high.");
            }
        }
    }

    private static final IdResolver<Member> MEMBERS = IdResolver.of(
            Member.class, id -> id.equals("u-1") ? Optional.of(new Member(id)) : Optional.empty(), Member::id);
    private static final List<String> NAMES = List.of(
            "flag", "count", "ratio", "name", "data", "color", "when", "owner", "tags", "people", "scores", "filter",
            "empty", "file");
    private static final List<Type> TYPES = List.of(
            Boolean.class,
            Integer.class,
            Double.class,
            String.class,
            byte[].class,
            Color.class,
            Instant.class,
            Member.class,
            new dev.portico.endpoint.TypeRef<List<String>>() {}.type(),
            new dev.portico.endpoint.TypeRef<List<Person>>() {}.type(),
            new dev.portico.endpoint.TypeRef<Map<Integer, List<Range>>>() {}.type(),
            Range.class,
            Empty.class,
            FileUpload.class);
    private static final FormDecoder DECODER = FormDecoder.arguments(
            "fuzz",
            NAMES,
            TYPES,
            List.of(false, false, false, false, false, false, false, false, false, false, false, true, false, false),
            List.of(MEMBERS));
    private static final FormParser PARSER = new FormParser(Limits.defaults());

    /** An uploaded file of one byte. */
    private static final class OneByte implements FileUpload {
        @Override
        public String name() {
            return "n.txt";
        }

        @Override
        public String contentType() {
            return "text/plain";
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public java.io.InputStream stream() {
            return new ByteArrayInputStream(new byte[] {1});
        }
    }

    @Property(tries = 2000)
    void randomFieldsGiveAValueOrA400(
            @ForAll("fields") Map<String, List<String>> fields, @ForAll("fileNames") List<String> files) {
        Map<String, List<FileUpload>> uploads = new LinkedHashMap<>();
        for (String name : files) {
            uploads.computeIfAbsent(name, k -> new ArrayList<>()).add(new OneByte());
        }
        try {
            Object decoded = DECODER.decode(FormData.of(fields, uploads));
            assertThat(decoded).isInstanceOf(Object[].class);
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }

    @Property(tries = 1000)
    void randomUrlencodedTextGivesAValueOrA400(@ForAll("urlencoded") String text) {
        try {
            DECODER.decode(PARSER.parse(text));
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }

    @Property(tries = 1000)
    void randomJsonGivesAValueOrA400(@ForAll("json") String json) throws Exception {
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = dev.portico.json.Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return; // not JSON: the body reader's 400, tested with the JSON limits
        }
        try {
            DECODER.decode(JsonFields.of(tree, PARSER));
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
        }
    }

    private static Arbitrary<String> segment() {
        return Arbitraries.oneOf(
                Arbitraries.of(NAMES),
                Arbitraries.of(
                        "",
                        "0",
                        "1",
                        "2",
                        "01",
                        "-1",
                        "999999999999",
                        "name",
                        "age",
                        "friend",
                        "low",
                        "high",
                        "x",
                        "alice",
                        "7"),
                Arbitraries.strings().ofMaxLength(4));
    }

    private static Arbitrary<String> name() {
        return segment().list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts));
    }

    private static Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "on",
                        "off",
                        "true",
                        "1",
                        "0",
                        "-1",
                        "1e999",
                        "NaN",
                        "1.5",
                        "1700000000.25",
                        "-99999999999999999999999",
                        "RED",
                        "BLUE",
                        "u-1",
                        "u-2",
                        "aGk=",
                        "***",
                        "2024-01-01T00:00:00Z",
                        "9".repeat(40)),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<Map<String, List<String>>> fields() {
        return Combinators.combine(name(), value().list().ofMinSize(1).ofMaxSize(3))
                .as(Map::entry)
                .list()
                .ofMaxSize(12)
                .map(entries -> {
                    Map<String, List<String>> out = new LinkedHashMap<>();
                    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
                    return out;
                });
    }

    @Provide
    Arbitrary<List<String>> fileNames() {
        return name().list().ofMaxSize(2);
    }

    @Provide
    Arbitrary<String> urlencoded() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc.=&%0123456789+ftlr_").ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> leaf = Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-1",
                "1.5",
                "1e400",
                "\"u-1\"",
                "\"on\"",
                "\"\"",
                "\"RED\"",
                "{}",
                "[]",
                "\"aGk=\"",
                "1700000000.5",
                "123456789012345678901234567890");
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(NAMES), Arbitraries.of("", "0", "name", "age", "x", "a.b", "low", "high", "friend"));
        Arbitrary<String> value = Arbitraries.recursive(
                () -> leaf,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                        Combinators.combine(key, inner)
                                .as((k, v) -> "\"" + k + "\":" + v)
                                .list()
                                .ofMaxSize(3)
                                .map(l -> "{" + String.join(",", l) + "}")),
                0,
                4);
        return Combinators.combine(key, value)
                .as((k, v) -> "\"" + k + "\":" + v)
                .list()
                .ofMaxSize(6)
                .map(l -> "{" + String.join(",", l) + "}");
    }
}
