package dev.portico.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.error.ValidationFailed;
import dev.portico.http.FormData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object read as the form fields it stands for, so a JSON call goes through the one form decoder and obeys
 * exactly its rules: {@code {"filter": {"name_gt": "a"}}} is {@code filter.name_gt=a}, {@code {"tags": ["a", "b"]}}
 * is {@code tags.0=a&tags.1=b}, an empty object or array is the blank marker ({@code filter.=}), a number or a
 * boolean is its text, and {@code null} is a field not sent. The form limits (field count, name depth, list index)
 * are checked on each name as it is made, before the decoder builds anything.
 */
public final class JsonFields {

    private JsonFields() {}

    /** The fields of {@code json}, which must be an object; a 400 otherwise. */
    public static FormData of(JsonNode json, FormParser limits) {
        return of(json, limits, new int[] {0});
    }

    /** The fields of {@code json}, counted on from {@code count} (the fields already made from other JSON text). */
    static FormData of(JsonNode json, FormParser limits, int[] count) {
        if (!json.isObject()) {
            throw ValidationFailed.of(
                    "non_field_errors",
                    "Expected a JSON object of arguments, not "
                            + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        LinkedHashMap<String, ArrayList<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            add(entry.getKey(), entry.getValue(), fields, count, limits);
        }
        return FormData.build(fields);
    }

    private static void add(
            String name,
            JsonNode node,
            LinkedHashMap<String, ArrayList<String>> fields,
            int[] count,
            FormParser limits) {
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject() || node.isArray()) {
            if (node.isEmpty()) {
                put(name + ".", "", fields, count, limits);
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    add(name + "." + entry.getKey(), entry.getValue(), fields, count, limits);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    add(name + "." + i, node.get(i), fields, count, limits);
                }
            }
            return;
        }
        put(name, text(node), fields, count, limits);
    }

    private static void put(
            String name,
            String value,
            LinkedHashMap<String, ArrayList<String>> fields,
            int[] count,
            FormParser limits) {
        limits.checkCount(++count[0]);
        limits.checkName(name);
        fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }

    /** A number as its plain decimal text (epoch seconds stay {@code 1700000000.25}), anything else as its text. */
    private static String text(JsonNode node) {
        if (node.isNumber() && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()))) {
            return node.decimalValue().toPlainString();
        }
        return node.asText();
    }
}
