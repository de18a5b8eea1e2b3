package dev.portico.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an HTML form body or query string, in order, each name with all its values. Bound as a
 * body type as it is; the typed form binding of later layers reads it too.
 */
public final class FormData {
    private final Map<String, List<String>> fields;

    private FormData(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** A form from an ordered map of names to values. */
    public static FormData of(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new FormData(Collections.unmodifiableMap(copy));
    }

    static FormData build(LinkedHashMap<String, ArrayList<String>> fields) {
        Map<String, List<String>> view = new LinkedHashMap<>();
        fields.forEach((name, values) -> view.put(name, Collections.unmodifiableList(values)));
        return new FormData(Collections.unmodifiableMap(view));
    }

    /** The first value of a field. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a field, in order; empty when absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** Every field, in order of first appearance. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return "FormData" + fields.keySet();
    }
}
