package dev.portico.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.config.Limits;
import dev.portico.form.FormDecoder;
import dev.portico.form.FormEncoder;
import dev.portico.form.FormParser;
import dev.portico.form.IdResolver;
import dev.portico.http.FormData;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code collate()} is the exact inverse of the server's decoder: generated arguments of every kind seed 002 lists,
 * collated by the client (a typed method of an interface, and a dynamic call that encodes by runtime type), sent
 * through the urlencoded text and the server's parser, and decoded by {@link FormDecoder} with the method's declared
 * types, are equal to what was given.
 */
class CollateRoundTripProperties {
    @ApiModule("sample")
    public interface SampleApi {
        enum Color {
            RED,
            GREEN,
            BLUE
        }

        record Member(String id) {}

        record Point(int x, double y) {}

        record Empty() {}

        record Tagged(String name, List<String> tags, Optional<Point> at) {}

        @ApiMethod
        void take(
                KeyCaller caller,
                boolean flag,
                long count,
                double ratio,
                String text,
                Color color,
                Instant when,
                Member owner,
                Optional<String> note,
                List<Integer> numbers,
                List<Tagged> items,
                Map<String, Point> places,
                Empty empty,
                Optional<Empty> maybe,
                byte[] data);
    }

    private static final IdResolver<SampleApi.Member> MEMBERS =
            IdResolver.of(SampleApi.Member.class, id -> Optional.of(new SampleApi.Member(id)), SampleApi.Member::id);
    private static final FormParser PARSER =
            new FormParser(new Limits(10L << 20, 16 << 10, 64, 1 << 20, 100_000, 16, 999, 100, 10L << 20));
    private static final Method TAKE = Arrays.stream(SampleApi.class.getMethods())
            .filter(m -> m.getName().equals("take"))
            .findFirst()
            .orElseThrow();
    private static final List<String> NAMES = Arrays.stream(TAKE.getParameters())
            .skip(1)
            .map(java.lang.reflect.Parameter::getName)
            .toList();
    private static final List<Type> TYPES =
            Arrays.stream(TAKE.getGenericParameterTypes()).skip(1).toList();
    private static final FormDecoder DECODER = FormDecoder.arguments(
            "take",
            NAMES,
            TYPES,
            TYPES.stream()
                    .map(t -> !(t instanceof ParameterizedType p && p.getRawType() == Optional.class))
                    .toList(),
            List.of(MEMBERS));
    private static final ApiClient API = ApiClient.builder("http://127.0.0.1:9/api")
            .model(SampleApi.Member.class, SampleApi.Member::id)
            .build();

    @AfterContainer
    static void close() {
        API.close();
    }

    @Property(tries = 300)
    void aTypedMethodsCollateDecodesBackToItsArguments(@ForAll("arguments") Object[] values) {
        FormData fields = API.method(SampleApi.class, "take").collate(named(values));
        assertThat(decoded(fields)).isEqualTo(values);
    }

    @Property(tries = 300)
    void aDynamicCallsCollateDecodesBackToTheDeclaredTypes(@ForAll("arguments") Object[] values) {
        FormData fields = MethodPlan.dynamic(
                        "sample.take", NAMES, List.of(MEMBERS), dev.portico.config.Naming.CAMEL_CASE)
                .collate(API.root(), named(values));
        assertThat(decoded(fields)).isEqualTo(values);
    }

    private static Object[] decoded(FormData fields) {
        return DECODER.decodeArguments(PARSER.parse(FormEncoder.urlencoded(fields)));
    }

    private static Map<String, Object> named(Object[] values) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(NAMES.get(i), values[i]);
        }
        return named;
    }

    private static Arbitrary<String> text(int max) {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', '€', '\u00a0', '中', '.', '&', '=')
                .ofMaxLength(max);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_', '-', ' ', 'é')
                .ofMinLength(1)
                .ofMaxLength(6);
    }

    private static Arbitrary<SampleApi.Point> points() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.doubles())
                .as(SampleApi.Point::new);
    }

    @Provide
    Arbitrary<Object[]> arguments() {
        Arbitrary<Instant> instants = Combinators.combine(
                        Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
        Arbitrary<SampleApi.Tagged> tagged = Combinators.combine(
                        text(6), text(4).list().ofMaxSize(3), points().optional())
                .as(SampleApi.Tagged::new);
        Arbitrary<Map<String, SampleApi.Point>> places = Combinators.combine(keys(), points())
                .as(Map::entry)
                .list()
                .ofMaxSize(3)
                .map(entries -> {
                    Map<String, SampleApi.Point> out = new LinkedHashMap<>();
                    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
                    return out;
                });
        Arbitrary<Object[]> first = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.longs(),
                        Arbitraries.doubles(),
                        text(12),
                        Arbitraries.of(SampleApi.Color.class),
                        instants,
                        Arbitraries.strings()
                                .alpha()
                                .ofMinLength(1)
                                .ofMaxLength(8)
                                .map(s -> new SampleApi.Member("u-" + s)),
                        text(5).optional())
                .as((a, b, c, d, e, f, g, h) -> new Object[] {a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> second = Combinators.combine(
                        Arbitraries.integers().list().ofMaxSize(4),
                        tagged.list().ofMaxSize(3),
                        places,
                        Arbitraries.just(new SampleApi.Empty()),
                        Arbitraries.just(new SampleApi.Empty()).optional(),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(6))
                .as((a, b, c, d, e, f) -> new Object[] {a, b, c, d, e, f});
        return Combinators.combine(first, second).as((a, b) -> {
            List<Object> all = new ArrayList<>(Arrays.asList(a));
            all.addAll(Arrays.asList(b));
            return all.toArray();
        });
    }
}
