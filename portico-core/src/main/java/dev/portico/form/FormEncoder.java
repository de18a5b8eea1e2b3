package dev.portico.form;

import dev.portico.config.Naming;
import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import dev.portico.input.Fields;
import dev.portico.input.Omittable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact inverse of {@link FormDecoder}: a typed value as the form fields the decoder reads back to an equal
 * value (seed 002's {@code collate()}, for clients and tests). Records by dotted names, lists by index, maps by key,
 * the blank marker ({@code filter.=}) for a record, list or map with nothing else to send, bools as
 * {@code true}/{@code false}, {@code Instant} as epoch seconds, bytes as base64, models by their public id, files as
 * files; an empty {@code Optional}, an absent {@code Omittable} or a {@code null} sends nothing.
 * <pre>{@code
 * FormData fields = FormEncoder.arguments(List.of("filter"), List.of(UserFilter.class), List.of())
 *         .encode(new Object[] {new UserFilter("a", "p")});       // filter.name_gt=a&filter.name_lt=p
 * }</pre>
 */
public final class FormEncoder {
    private final List<String> names;
    private final List<Type> types;
    private final Map<Class<?>, IdResolver<?>> resolvers = new HashMap<>();
    private final Naming naming;

    private FormEncoder(List<String> names, List<Type> types, List<IdResolver<?>> resolvers, Naming naming) {
        this.naming = naming;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        resolvers.forEach(r -> this.resolvers.put(r.type(), r));
    }

    /** The encoder of a whole form of {@code type} (a record, List or Map at the top level). */
    public static FormEncoder of(Type type, List<IdResolver<?>> resolvers) {
        return of(type, resolvers, Naming.CAMEL_CASE);
    }

    /** The same, records' fields named by {@code naming}: the server's {@code json.naming}. */
    public static FormEncoder of(Type type, List<IdResolver<?>> resolvers, Naming naming) {
        return new FormEncoder(List.of(""), List.of(type), resolvers, naming);
    }

    /** The encoder of a method's arguments, one top-level name each. */
    public static FormEncoder arguments(List<String> names, List<Type> types, List<IdResolver<?>> resolvers) {
        return arguments(names, types, resolvers, Naming.CAMEL_CASE);
    }

    /** The same, records' fields named by {@code naming}: the server's {@code json.naming}. */
    public static FormEncoder arguments(
            List<String> names, List<Type> types, List<IdResolver<?>> resolvers, Naming naming) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("one type per argument name");
        }
        return new FormEncoder(names, types, resolvers, naming);
    }

    /**
     * The fields of {@code values} (one per argument, or the one whole value); an {@link IllegalArgumentException}
     * for what no form can say: an absent list item, a map key that is empty or holds a dot.
     */
    public FormData encode(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("expected " + names.size() + " values, got " + values.length);
        }
        Out out = new Out();
        for (int i = 0; i < values.length; i++) {
            encode(names.get(i), types.get(i), values[i], out);
        }
        return FormData.of(out.fields, out.files);
    }

    /** The fields as an {@code application/x-www-form-urlencoded} body or query string. */
    public static String urlencoded(FormData form) {
        StringBuilder out = new StringBuilder();
        form.fields()
                .forEach((name, values) -> values.forEach(value -> {
                    if (!out.isEmpty()) {
                        out.append('&');
                    }
                    out.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                            .append('=')
                            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                }));
        return out.toString();
    }

    private static final class Out {
        final Map<String, List<String>> fields = new LinkedHashMap<>();
        final Map<String, List<FileUpload>> files = new LinkedHashMap<>();
        int count;

        void value(String name, String value) {
            fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            count++;
        }

        void file(String name, FileUpload file) {
            files.computeIfAbsent(name, k -> new ArrayList<>(1)).add(file);
            count++;
        }
    }

    private void encode(String name, Type type, Object value, Out out) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Optional.class) {
            ((Optional<?>) value).ifPresent(v -> encode(name, argument(type, 0), v, out));
        } else if (raw == Omittable.class) {
            Omittable<?> omittable = (Omittable<?>) value;
            if (omittable.isNull()) {
                out.value(name, "");
            } else if (omittable.isPresent()) {
                encode(name, argument(type, 0), omittable.get(), out);
            }
        } else if (value == null) {
            return;
        } else if (resolvers.containsKey(raw)) {
            out.value(name, publicId(resolvers.get(raw), value));
        } else if (value instanceof FileUpload file) {
            out.file(name, file);
        } else if (raw.isRecord()) {
            record(name, raw, value, out);
        } else if (value instanceof List<?> list) {
            list(name, argument(type, 0), list, out);
        } else if (value instanceof Map<?, ?> map) {
            map(name, argument(type, 1), map, out);
        } else {
            out.value(name, text(value));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String publicId(IdResolver<T> resolver, Object value) {
        return resolver.publicId((T) value);
    }

    private void record(String name, Class<?> raw, Object value, Out out) {
        int before = out.count;
        for (RecordComponent component : raw.getRecordComponents()) {
            if (Fields.readOnly(component)) {
                continue;
            }
            Object part;
            try {
                part = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(
                        raw.getName() + "." + component.getName() + " cannot be read: " + e.getMessage(), e);
            }
            encode(FormTree.join(name, naming.wireName(component)), component.getGenericType(), part, out);
        }
        marker(name, before, out);
    }

    private void list(String name, Type item, List<?> list, Out out) {
        int before = out.count;
        for (int i = 0; i < list.size(); i++) {
            int itemBefore = out.count;
            encode(FormTree.join(name, Integer.toString(i)), item, list.get(i), out);
            if (out.count == itemBefore) {
                throw new IllegalArgumentException(name + "." + i + ": a list item cannot be absent in a form");
            }
        }
        marker(name, before, out);
    }

    private void map(String name, Type value, Map<?, ?> map, Out out) {
        int before = out.count;
        map.forEach((k, v) -> {
            String key = text(k);
            if (key.isEmpty() || key.indexOf('.') >= 0) {
                throw new IllegalArgumentException(name + ": the map key \"" + key + "\" cannot be a form name; "
                        + "keys are one non-empty name segment, without a dot");
            }
            encode(FormTree.join(name, key), value, v, out);
        });
        marker(name, before, out);
    }

    /** The blank marker, when a record, list or map sent nothing else (never at the top level, where it is the form). */
    private static void marker(String name, int before, Out out) {
        if (out.count == before && !name.isEmpty()) {
            out.value(name + ".", "");
        }
    }

    /** A single value as the text its converter reads back. */
    static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case Enum<?> e -> e.name();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Instant instant ->
                BigDecimal.valueOf(instant.getEpochSecond())
                        .add(BigDecimal.valueOf(instant.getNano(), 9))
                        .stripTrailingZeros()
                        .toPlainString();
            case BigDecimal decimal -> decimal.toString();
            default -> value.toString(); // numbers, booleans, UUID and the other java.time types
        };
    }

    private static Type argument(Type type, int i) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }
}
