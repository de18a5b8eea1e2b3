package dev.portico.metadata;

import dev.portico.config.Naming;
import dev.portico.endpoint.Input;
import dev.portico.http.FileUpload;
import dev.portico.input.Fields;
import dev.portico.input.Omittable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives {@link FieldInfo}s from Java types, once, at startup: a record's components (by {@link Fields}' rules for
 * required and read-only, the names clients use), an API method's arguments, with their Jakarta constraints. A record
 * met again inside itself is described as a plain {@code nested object}, so recursive types end.
 */
public final class FieldInfos {
    private static final Map<Class<?>, String> SCALARS = scalars();

    private FieldInfos() {}

    /** The fields of a record type; empty for any other type (a body that is a list or a map has no form). */
    public static List<FieldInfo> of(Type type) {
        return of(type, Naming.CAMEL_CASE);
    }

    /** The same, each field named by {@code naming} ({@code json.naming}), as clients send and read it. */
    public static List<FieldInfo> of(Type type, Naming naming) {
        return type instanceof Class<?> c && c.isRecord() ? record(c, new HashSet<>(), naming) : List.of();
    }

    /** The fields of an endpoint's input: its record body, or its API method's arguments; else none. */
    public static List<FieldInfo> input(List<Input> inputs, Naming naming) {
        for (Input input : inputs) {
            if (input instanceof Input.Body body) {
                return of(body.type(), naming);
            }
            if (input instanceof Input.Arguments arguments) {
                return arguments(arguments, naming);
            }
        }
        return List.of();
    }

    private static List<FieldInfo> arguments(Input.Arguments arguments, Naming naming) {
        List<FieldInfo> fields = new ArrayList<>();
        for (Input.Argument a : arguments.arguments()) {
            boolean model = arguments.resolver(raw(unwrap(a.type()))).isPresent();
            FieldInfo info =
                    describe(a.name(), a.type(), a.annotations(), a.required(), false, new HashSet<>(), naming);
            fields.add(model ? withType(info, "field") : info);
        }
        return fields;
    }

    private static List<FieldInfo> record(Class<?> type, Set<Class<?>> seen, Naming naming) {
        seen.add(type);
        List<FieldInfo> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            FieldInfo info = describe(
                    naming.wireName(c),
                    c.getGenericType(),
                    annotations(c),
                    Fields.required(c),
                    Fields.readOnly(c),
                    seen,
                    naming);
            fields.add(Fields.description(c).map(info::withHelpText).orElse(info));
        }
        seen.remove(type);
        return fields;
    }

    private static FieldInfo describe(
            String name,
            Type type,
            List<Annotation> annotations,
            boolean required,
            boolean readOnly,
            Set<Class<?>> seen,
            Naming naming) {
        Type value = unwrap(type);
        Class<?> raw = raw(value);
        FieldInfo.Limits limits = limits(annotations, raw);
        String label = label(name);
        List<FieldInfo> children = List.of();
        Optional<FieldInfo> child = Optional.empty();
        List<FieldInfo.Choice> choices = List.of();
        String kind;
        if (raw.isEnum()) {
            kind = "choice";
            choices = choices(raw);
        } else if (raw.isRecord()) {
            kind = "nested object";
            children = seen.contains(raw) ? List.of() : record(raw, seen, naming);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray() && raw != byte[].class) {
            kind = "list";
            child = Optional.of(describe(name, item(value, raw), List.of(), true, readOnly, seen, naming));
        } else if (Map.class.isAssignableFrom(raw)) {
            kind = "nested object";
        } else if (raw == String.class && annotations.stream().anyMatch(Email.class::isInstance)) {
            kind = "email";
        } else {
            kind = SCALARS.getOrDefault(raw, "field");
        }
        return new FieldInfo(
                name, kind, required && !readOnly, readOnly, label, Optional.empty(), limits, choices, children, child);
    }

    private static FieldInfo withType(FieldInfo f, String type) {
        return new FieldInfo(
                f.name(),
                type,
                f.required(),
                f.readOnly(),
                f.label(),
                f.helpText(),
                f.limits(),
                List.of(),
                List.of(),
                Optional.empty());
    }

    /** {@code publish_date} is "Publish date", as Django's verbose names; {@code id} is "ID". */
    static String label(String name) {
        if (name.equalsIgnoreCase("id")) {
            return "ID";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-') {
                out.append(' ');
            } else if (Character.isUpperCase(c) && i > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(out.isEmpty() ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }

    private static List<FieldInfo.Choice> choices(Class<?> type) {
        List<FieldInfo.Choice> choices = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String value = ((Enum<?>) constant).name();
            choices.add(new FieldInfo.Choice(value, label(value.toLowerCase(java.util.Locale.ROOT))));
        }
        return choices;
    }

    private static FieldInfo.Limits limits(List<Annotation> annotations, Class<?> raw) {
        Optional<Integer> minLength = Optional.empty();
        Optional<Integer> maxLength = Optional.empty();
        Optional<Number> min = Optional.empty();
        Optional<Number> max = Optional.empty();
        for (Annotation a : annotations) {
            switch (a) {
                case Size s -> {
                    minLength = s.min() > 0 ? Optional.of(s.min()) : minLength;
                    maxLength = s.max() < Integer.MAX_VALUE ? Optional.of(s.max()) : maxLength;
                }
                case Min m -> min = Optional.of(m.value());
                case Max m -> max = Optional.of(m.value());
                case DecimalMin m -> min = Optional.of(number(m.value()));
                case DecimalMax m -> max = Optional.of(number(m.value()));
                case PositiveOrZero p -> min = Optional.of(0);
                case Positive p -> min = Optional.of(raw == BigDecimal.class || raw == double.class ? 0 : 1);
                case NegativeOrZero n -> max = Optional.of(0);
                case Negative n -> max = Optional.of(raw == BigDecimal.class || raw == double.class ? 0 : -1);
                default -> {}
            }
        }
        return new FieldInfo.Limits(minLength, maxLength, min, max);
    }

    private static Number number(String text) {
        BigDecimal value = new BigDecimal(text);
        return value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? (Number) value.longValueExact()
                : value;
    }

    /** A record component's annotations: its accessor's, its value type's and its own. */
    private static List<Annotation> annotations(RecordComponent component) {
        Map<Class<?>, Annotation> found = new LinkedHashMap<>();
        for (Annotation a : component.getAccessor().getAnnotations()) {
            found.putIfAbsent(a.annotationType(), a);
        }
        for (Annotation a : Fields.valueAnnotations(component.getAnnotatedType())) {
            found.putIfAbsent(a.annotationType(), a);
        }
        for (Annotation a : component.getAnnotations()) {
            found.putIfAbsent(a.annotationType(), a);
        }
        return new ArrayList<>(found.values());
    }

    /** {@code Optional<T>} and {@code Omittable<T>} are described as {@code T}. */
    private static Type unwrap(Type type) {
        if (type instanceof ParameterizedType p
                && (p.getRawType() == Optional.class || p.getRawType() == Omittable.class)) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Type item(Type type, Class<?> raw) {
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Map<Class<?>, String> scalars() {
        Map<Class<?>, String> m = new java.util.HashMap<>();
        for (Class<?> c :
                List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class, BigInteger.class)) {
            m.put(c, "integer");
        }
        for (Class<?> c : List.of(double.class, Double.class, float.class, Float.class)) {
            m.put(c, "float");
        }
        m.put(boolean.class, "boolean");
        m.put(Boolean.class, "boolean");
        m.put(BigDecimal.class, "decimal");
        m.put(String.class, "string");
        m.put(java.util.UUID.class, "string");
        m.put(byte[].class, "string");
        m.put(LocalDate.class, "date");
        for (Class<?> c : List.of(Instant.class, OffsetDateTime.class, LocalDateTime.class, ZonedDateTime.class)) {
            m.put(c, "datetime");
        }
        m.put(LocalTime.class, "time");
        m.put(Duration.class, "duration");
        m.put(FileUpload.class, "file upload");
        return Map.copyOf(m);
    }
}
