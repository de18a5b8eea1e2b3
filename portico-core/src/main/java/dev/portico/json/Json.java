package dev.portico.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.portico.config.Naming;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;

/**
 * The one Jackson mapper every part of Portico shares, configured once: records in and out, {@code java.time}
 * (durations too) as ISO-8601 strings, {@code @ReadOnly} fields refused in input and {@code @WriteOnly} ones
 * never written, unknown input fields rejected (so extra fields cannot be smuggled into writes), required
 * record components enforced ({@link dev.portico.input.Fields#required}: missing or null is a 400),
 * {@link dev.portico.input.Omittable} read with its three states (absent, null, a value), decimals as numbers
 * or, with {@code json.decimals-as-strings}, as DRF's strings ({@code "5000.00"}), and
 * the parser's nesting depth and string length bounded so a hostile body fails fast instead of eating memory.
 */
public final class Json {

    private Json() {}

    /** The limits the parser enforces while reading, before any object is built. */
    public record Limits(
            int maxNestingDepth,
            int maxStringLength,
            int maxNumberLength,
            boolean failOnUnknownFields,
            boolean decimalsAsStrings) {

        /** Limits with decimals as JSON numbers. */
        public Limits(int maxNestingDepth, int maxStringLength, int maxNumberLength, boolean failOnUnknownFields) {
            this(maxNestingDepth, maxStringLength, maxNumberLength, failOnUnknownFields, false);
        }

        /** The limits {@code config} sets: its {@code limits.json-*}, {@code json.fail-on-unknown-fields} and decimals. */
        public static Limits of(PorticoConfig config) {
            dev.portico.config.Limits l = config.limits();
            return new Limits(
                    l.jsonDepth(),
                    l.jsonStringLength(),
                    1000,
                    config.get(Settings.JSON_FAIL_ON_UNKNOWN_FIELDS),
                    config.get(Settings.JSON_DECIMALS_AS_STRINGS));
        }

        /** Safe defaults: depth 64, strings up to 1 MiB, numbers up to 1000 digits, unknown fields rejected. */
        public static Limits defaults() {
            return new Limits(64, 1 << 20, 1000, true);
        }
    }

    /** A mapper with Portico's settings and these limits, naming properties as Java does ({@link Naming#CAMEL_CASE}). */
    public static ObjectMapper mapper(Limits limits) {
        return mapper(limits, Naming.CAMEL_CASE);
    }

    /**
     * A mapper with Portico's settings, these limits and this naming rule ({@code json.naming}): a property without
     * {@code @JsonProperty} is read and written under {@link Naming#wireName(String)}.
     */
    public static ObjectMapper mapper(Limits limits, Naming naming) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .annotationIntrospector(new FieldRules())
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new FieldAccess())
                .addModule(new OmittableModule())
                .addModule(new BoundedDecimals(limits.decimalsAsStrings()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, limits.failOnUnknownFields())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .propertyNamingStrategy(naming.strategy())
                .build();
    }

    /** A mapper with the default limits and naming, for tools and tests that have no configuration at hand. */
    public static ObjectMapper mapper() {
        return mapper(Limits.defaults());
    }
}
