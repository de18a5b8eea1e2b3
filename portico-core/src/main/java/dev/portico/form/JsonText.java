package dev.portico.form;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A list, map or record argument sent as JSON text under its bare name ({@code people=[{"name":"ada"}]},
 * {@code scores={"alice":3}}), read as the dotted fields it stands for ({@code people.0.name=ada}). Client generators
 * cannot spell seed 002's dotted names of a list or a map (they have no concrete names), but each can send a string,
 * and {@code @hey-api/openapi-ts} sends every item of an array of objects as its own JSON text
 * ({@code people={"name":"ada"}&people={"name":"bob"}}): both are read here. The fields made obey the form limits
 * (count, depth, list index), checked as {@link JsonFields} checks a JSON body.
 */
final class JsonText {
    /** Reads trees only: nesting bounded as the shared mapper bounds it, duplicate keys refused. */
    private static final ObjectMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private JsonText() {}

    /**
     * The tree that the JSON text sent at {@code tree} stands for, or null when it is not JSON text (the caller
     * reports the value as before) or when the problem is reported here.
     *
     * @param list whether the node is a list, whose items may also come one JSON object per value
     */
    static FormTree expand(FormTree tree, String path, FormErrors errors, boolean list) {
        FormParser limits = errors.limits();
        if (limits == null || !tree.files.isEmpty() || !tree.children.isEmpty() || !allJson(tree.values)) {
            return null;
        }
        JsonNode value;
        try {
            value = read(tree.values, list);
        } catch (JsonProcessingException e) {
            errors.add(
                    path,
                    "Invalid JSON text: send " + (list ? "a JSON array" : "a JSON object") + " or the dotted names ("
                            + path + (list ? ".0" : ".key") + ").");
            return null;
        }
        if (value == null || list != value.isArray()) {
            errors.add(
                    path, list ? "Expected a JSON array, or one JSON object per item." : "Expected one JSON object.");
            return null;
        }
        ObjectNode holder = JsonNodeFactory.instance.objectNode().set(path, value); // names checked in full
        FormTree expanded = FormTree.of(JsonFields.of(holder, limits, errors.jsonFieldCount()))
                .find(path);
        return expanded == null ? new FormTree() : expanded;
    }

    private static JsonNode read(List<String> values, boolean list) throws JsonProcessingException {
        if (values.size() == 1) {
            JsonNode one = READER.readTree(values.get(0));
            return list && one.isObject() ? JsonNodeFactory.instance.arrayNode().add(one) : one;
        }
        if (!list) {
            return null;
        }
        var items = JsonNodeFactory.instance.arrayNode();
        for (String text : values) {
            JsonNode item = READER.readTree(text);
            if (!item.isObject()) {
                return null;
            }
            items.add(item);
        }
        return items;
    }

    private static boolean allJson(List<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        for (String value : values) {
            String text = value.strip();
            if (!(text.startsWith("[") || text.startsWith("{"))) {
                return false;
            }
        }
        return true;
    }
}
