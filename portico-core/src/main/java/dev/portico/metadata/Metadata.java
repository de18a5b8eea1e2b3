package dev.portico.metadata;

import dev.portico.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of an OPTIONS answer, DRF's {@code SimpleMetadata}: {@code name}, {@code description}, {@code renders},
 * {@code parses} and, for the writing methods the caller is allowed (POST, PUT), {@code actions} describing each
 * field with DRF's keys in DRF's order ({@code type}, {@code required}, {@code read_only}, {@code label}, then the
 * constraints, {@code choices}, {@code child}, {@code children}).
 */
public final class Metadata {
    /** The methods DRF describes under {@code actions}. */
    public static final List<HttpMethod> ACTIONS = List.of(HttpMethod.POST, HttpMethod.PUT);

    private Metadata() {}

    /** The answer for {@code route}, with actions for the methods in {@code permitted}. */
    public static Map<String, Object> of(RouteInfo route, Set<HttpMethod> permitted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", route.name());
        body.put("description", route.description());
        body.put("renders", route.renders());
        body.put("parses", route.parses());
        Map<String, Object> actions = new LinkedHashMap<>();
        for (HttpMethod method : ACTIONS) {
            List<FieldInfo> fields = route.actions().get(method);
            if (fields != null && permitted.contains(method)) {
                actions.put(method.name(), fields(fields));
            }
        }
        if (!actions.isEmpty()) {
            body.put("actions", actions);
        }
        return body;
    }

    private static Map<String, Object> fields(List<FieldInfo> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), field(f)));
        return out;
    }

    /** One field as DRF's {@code get_field_info} writes it. */
    static Map<String, Object> field(FieldInfo f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", f.type());
        out.put("required", f.required());
        out.put("read_only", f.readOnly());
        out.put("label", f.label());
        f.helpText().ifPresent(h -> out.put("help_text", h));
        f.limits().minLength().ifPresent(v -> out.put("min_length", v));
        f.limits().maxLength().ifPresent(v -> out.put("max_length", v));
        f.limits().minValue().ifPresent(v -> out.put("min_value", v));
        f.limits().maxValue().ifPresent(v -> out.put("max_value", v));
        if (!f.readOnly() && !f.choices().isEmpty()) {
            List<Map<String, String>> choices = new ArrayList<>();
            f.choices().forEach(c -> {
                Map<String, String> choice = new LinkedHashMap<>();
                choice.put("value", c.value());
                choice.put("display_name", c.displayName());
                choices.add(choice);
            });
            out.put("choices", choices);
        }
        f.child().ifPresent(c -> out.put("child", field(c)));
        if (!f.children().isEmpty()) {
            out.put("children", fields(f.children()));
        }
        return out;
    }
}
