package dev.portico.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.config.Limits;
import dev.portico.http.FormData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link FormEncoder} is the exact inverse of {@link FormDecoder}: random values of random nested types (single
 * values, records, lists, maps, Optionals, models by public id) encoded into fields, sent through the wire's
 * urlencoded text and its parser, and decoded back, are equal to what was encoded.
 */
class FormRoundTripProperties {
    enum Color {
        RED,
        GREEN,
        BLUE
    }

    record Member(String id) {}

    record Point(int x, double y) {}

    record Empty() {}

    record Tagged(String name, List<String> tags, Optional<Point> at) {}

    record Everything(
            boolean flag,
            long count,
            double ratio,
            String text,
            Color color,
            Instant when,
            BigDecimal price,
            LocalDate day,
            UUID id,
            Member owner,
            Optional<String> note,
            List<Integer> numbers,
            List<Tagged> items,
            Map<String, Point> places,
            Map<Integer, List<String>> byNumber,
            Empty empty,
            Optional<Empty> maybeEmpty,
            List<List<Boolean>> grid) {}

    private static final IdResolver<Member> MEMBERS = IdResolver.of(
            Member.class, id -> id.startsWith("u-") ? Optional.of(new Member(id)) : Optional.empty(), Member::id);
    private static final FormParser PARSER =
            new FormParser(new Limits(10L << 20, 16 << 10, 64, 1 << 20, 100_000, 16, 999, 100, 10L << 20));

    @Property(tries = 300)
    void aWholeRecordRoundTrips(@ForAll("everything") Everything value) {
        FormData fields = FormEncoder.of(Everything.class, List.of(MEMBERS)).encode(value);
        FormData wire = PARSER.parse(FormEncoder.urlencoded(fields));
        assertThat(FormDecoder.of(Everything.class, List.of(MEMBERS)).decode(wire))
                .isEqualTo(value);
    }

    @Property(tries = 300)
    void argumentsOfRandomNestedTypesRoundTrip(@ForAll("typedValues") List<TypedValue> arguments) {
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        List<Boolean> required = new ArrayList<>();
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < arguments.size(); i++) {
            names.add("a" + i);
            types.add(arguments.get(i).type());
            required.add(!(arguments.get(i).type() instanceof ParameterizedType p && p.getRawType() == Optional.class));
            values[i] = arguments.get(i).value();
        }
        FormData fields = FormEncoder.arguments(names, types, List.of(MEMBERS)).encode(values);
        FormData wire = PARSER.parse(FormEncoder.urlencoded(fields));
        Object[] decoded = (Object[]) FormDecoder.arguments("test", names, types, required, List.of(MEMBERS))
                .decode(wire);
        assertThat(decoded).isEqualTo(values);
    }

    /** A value and its type, generics included. */
    record TypedValue(Type type, Object value) {}

    private static final int TOP = 3;

    /** Text of printable ASCII and a few characters that forms must escape or that are not ASCII. */
    private static Arbitrary<String> text(int max) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', '€', '\u00a0', '中')
                .ofMaxLength(max);
    }

    @Provide
    Arbitrary<List<TypedValue>> typedValues() {
        return typed(TOP).list().ofMinSize(1).ofMaxSize(4);
    }

    /** A random type, up to {@code depth} levels of List, Map and Optional around single values and records. */
    private Arbitrary<TypedValue> typed(int depth) {
        List<Arbitrary<TypedValue>> choices = new ArrayList<>(List.of(
                text(8).map(s -> new TypedValue(String.class, s)),
                Arbitraries.integers().map(i -> new TypedValue(Integer.class, i)),
                Arbitraries.doubles().map(d -> new TypedValue(Double.class, d)),
                Arbitraries.of(true, false).map(b -> new TypedValue(Boolean.class, b)),
                Arbitraries.of(Color.class).map(c -> new TypedValue(Color.class, c)),
                instants().map(t -> new TypedValue(Instant.class, t)),
                members().map(m -> new TypedValue(Member.class, m)),
                points().map(p -> new TypedValue(Point.class, p))));
        if (depth > 0) {
            Arbitrary<TypedValue> inner = Arbitraries.lazy(() -> typed(depth - 1));
            choices.add(inner.flatMap(t -> sameType(t)
                    .list()
                    .ofMaxSize(3)
                    .map(items -> new TypedValue(parameterized(List.class, t.type()), items))));
            choices.add(inner.flatMap(t -> Combinators.combine(keys(), sameType(t))
                    .as(Map::entry)
                    .list()
                    .ofMaxSize(3)
                    .map(entries -> new TypedValue(parameterized(Map.class, String.class, t.type()), map(entries)))));
        }
        if (depth == TOP) {
            // bytes compare by identity and a form has no spelling for an absent list item or map value, so
            // byte[] and Optional stand only at the top, where equality and presence are the arguments' own
            choices.add(Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(b -> new TypedValue(byte[].class, b)));
            Arbitrary<TypedValue> inner = Arbitraries.lazy(() -> typed(depth - 1));
            choices.add(inner.flatMap(t -> Arbitraries.of(true, false)
                    .map(present -> new TypedValue(
                            parameterized(Optional.class, t.type()),
                            present ? Optional.of(t.value()) : Optional.empty()))));
        }
        return Arbitraries.oneOf(choices);
    }

    /** More values of the very type of {@code example}: the first, then fresh ones of the same shape. */
    private Arbitrary<Object> sameType(TypedValue example) {
        return valuesOf(example.type());
    }

    private Arbitrary<Object> valuesOf(Type type) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (p.getRawType() == List.class) {
                return valuesOf(args[0]).list().ofMaxSize(3).map(l -> (Object) l);
            }
            if (p.getRawType() == Map.class) {
                return Combinators.combine(keys(), valuesOf(args[1]))
                        .as(Map::entry)
                        .list()
                        .ofMaxSize(3)
                        .map(entries -> (Object) map(entries));
            }
            return Arbitraries.oneOf(
                    valuesOf(args[0]).map(v -> (Object) Optional.of(v)), Arbitraries.just((Object) Optional.empty()));
        }
        Class<?> c = (Class<?>) type;
        Arbitrary<?> values;
        if (c == String.class) {
            values = text(8);
        } else if (c == Integer.class) {
            values = Arbitraries.integers();
        } else if (c == Double.class) {
            values = Arbitraries.doubles();
        } else if (c == Boolean.class) {
            values = Arbitraries.of(true, false);
        } else if (c == Color.class) {
            values = Arbitraries.of(Color.class);
        } else if (c == Instant.class) {
            values = instants();
        } else if (c == byte[].class) {
            values = Arbitraries.bytes().array(byte[].class).ofMaxSize(6);
        } else if (c == Member.class) {
            values = members();
        } else {
            values = points();
        }
        return values.map(v -> (Object) v);
    }

    private static Map<String, Object> map(List<Map.Entry<String, Object>> entries) {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_', '-', ' ', 'é')
                .ofMinLength(1)
                .ofMaxLength(6);
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(
                        Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    private static Arbitrary<Member> members() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8).map(s -> new Member("u-" + s));
    }

    private static Arbitrary<Point> points() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.doubles())
                .as(Point::new);
    }

    @Provide
    Arbitrary<Everything> everything() {
        Arbitrary<Tagged> tagged = Combinators.combine(text(6), text(4).list().ofMaxSize(3), points().optional())
                .as(Tagged::new);
        Arbitrary<Object[]> first = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.longs(),
                        Arbitraries.doubles(),
                        text(12),
                        Arbitraries.of(Color.class),
                        instants(),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.valueOf(-1_000_000_000L), BigDecimal.valueOf(1_000_000_000L))
                                .ofScale(3),
                        Arbitraries.integers().between(-100_000, 100_000).map(d -> LocalDate.ofEpochDay(d)))
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> second = Combinators.combine(
                        Arbitraries.create(UUID::randomUUID),
                        members(),
                        text(5).optional(),
                        Arbitraries.integers().list().ofMaxSize(4),
                        tagged.list().ofMaxSize(3),
                        Combinators.combine(keys(), points())
                                .as(Map::entry)
                                .list()
                                .ofMaxSize(3),
                        Combinators.combine(
                                        Arbitraries.integers().between(-50, 50).map(i -> "" + i),
                                        text(3).list().ofMaxSize(2))
                                .as(Map::entry)
                                .list()
                                .ofMaxSize(2),
                        Arbitraries.of(true, false).list().ofMaxSize(2).list().ofMaxSize(2))
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        return Combinators.combine(first, second, Arbitraries.of(true, false)).as((a, b, present) -> {
            Map<String, Point> places = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Map.Entry<String, Point>> placeEntries = (List<Map.Entry<String, Point>>) b[5];
            placeEntries.forEach(e -> places.put(e.getKey(), e.getValue()));
            Map<Integer, List<String>> byNumber = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Map.Entry<String, List<String>>> numberEntries = (List<Map.Entry<String, List<String>>>) b[6];
            numberEntries.forEach(e -> byNumber.put(Integer.valueOf(e.getKey()), e.getValue()));
            @SuppressWarnings("unchecked")
            Everything e = new Everything(
                    (Boolean) a[0],
                    (Long) a[1],
                    (Double) a[2],
                    (String) a[3],
                    (Color) a[4],
                    (Instant) a[5],
                    (BigDecimal) a[6],
                    (LocalDate) a[7],
                    (UUID) b[0],
                    (Member) b[1],
                    (Optional<String>) b[2],
                    (List<Integer>) b[3],
                    (List<Tagged>) b[4],
                    places,
                    byNumber,
                    new Empty(),
                    present ? Optional.of(new Empty()) : Optional.empty(),
                    (List<List<Boolean>>) b[7]);
            return e;
        });
    }

    private static Type parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof ParameterizedType p
                        && p.getRawType() == raw
                        && Arrays.equals(p.getActualTypeArguments(), arguments);
            }

            @Override
            public int hashCode() {
                return raw.hashCode() ^ Arrays.hashCode(arguments);
            }

            @Override
            public String toString() {
                return raw.getSimpleName() + Arrays.toString(arguments);
            }
        };
    }
}
