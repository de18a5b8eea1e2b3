package dev.portico.client;

import dev.portico.form.FormEncoder;
import dev.portico.form.IdResolver;
import dev.portico.http.FormData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form fields of a value whose declared type the client does not know (a dynamic call): maps by key and lists by
 * index (the blank marker {@code name.=} when empty), as {@link FormEncoder} writes records, maps and lists; every
 * other value (records, enums, numbers, bools, {@code Instant}, bytes, files) is handed to {@link FormEncoder} with
 * its runtime class, so the two encode alike.
 */
final class DynamicForm {
    private DynamicForm() {}

    static FormData encode(String name, Object value, List<IdResolver<?>> resolvers, dev.portico.config.Naming naming) {
        return switch (value) {
            case null -> FormData.of(Map.of());
            case Optional<?> optional ->
                optional.map(v -> encode(name, v, resolvers, naming)).orElse(FormData.of(Map.of()));
            case Map<?, ?> map -> map(name, map, resolvers, naming);
            case Collection<?> list -> list(name, List.copyOf(list), resolvers, naming);
            default ->
                FormEncoder.arguments(List.of(name), List.of(value.getClass()), resolvers, naming)
                        .encode(value);
        };
    }

    private static FormData map(
            String name, Map<?, ?> map, List<IdResolver<?>> resolvers, dev.portico.config.Naming naming) {
        if (map.isEmpty()) {
            return marker(name);
        }
        FormData form = FormData.of(Map.of());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.isEmpty() || key.indexOf('.') >= 0) {
                throw new IllegalArgumentException(name + ": the map key \"" + key + "\" cannot be a form name; keys "
                        + "are one non-empty name segment, without a dot");
            }
            form = form.merge(encode(name + "." + key, entry.getValue(), resolvers, naming));
        }
        return form;
    }

    private static FormData list(
            String name, List<?> list, List<IdResolver<?>> resolvers, dev.portico.config.Naming naming) {
        if (list.isEmpty()) {
            return marker(name);
        }
        FormData form = FormData.of(Map.of());
        for (int i = 0; i < list.size(); i++) {
            FormData item = encode(name + "." + i, list.get(i), resolvers, naming);
            if (item.fields().isEmpty() && item.files().isEmpty()) {
                throw new IllegalArgumentException(name + "." + i + ": a list item cannot be absent in a form");
            }
            form = form.merge(item);
        }
        return form;
    }

    private static FormData marker(String name) {
        return FormData.of(Map.of(name + ".", List.of("")));
    }
}
