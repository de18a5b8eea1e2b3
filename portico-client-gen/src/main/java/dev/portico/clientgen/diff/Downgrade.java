package dev.portico.clientgen.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an OpenAPI 3.1 document as 3.0.3, in place, for openapi-diff, which compares schemas by their 3.0
 * {@code type} (a 3.1 {@code type: [string, "null"]} reads as no type at all, so a type change would go unseen).
 * It undoes what Portico's 3.1 rendering does differently from its 3.0.3 rendering, so a 3.1 document and the
 * same app's 3.0.3 document compare as equal: type arrays become {@code type} + {@code nullable}, a
 * {@code oneOf} with the null type gets 3.0's only-null alternative instead, numeric exclusive bounds become
 * boolean ones, {@code contentEncoding: base64} becomes {@code format: byte}, and {@code const} becomes a
 * one-value {@code enum}. Each rule only matches its 3.1 shape (an array {@code type}, a numeric
 * {@code exclusiveMinimum}), so a property that happens to be named {@code type} is left alone.
 */
final class Downgrade {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Downgrade() {}

    /** True when {@code document} declares OpenAPI 3.1. */
    static boolean is31(JsonNode document) {
        return document.path("openapi").asText().startsWith("3.1");
    }

    /** Rewrites {@code document} (3.1) as 3.0.3. */
    static void to30(ObjectNode document) {
        document.put("openapi", "3.0.3");
        document.remove(List.of("jsonSchemaDialect", "webhooks"));
        walk(document);
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            rewrite(object);
            object.forEach(Downgrade::walk);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Downgrade::walk);
        }
    }

    private static void rewrite(ObjectNode schema) {
        types(schema);
        nullableOneOf(schema);
        bound(schema, "exclusiveMinimum", "minimum");
        bound(schema, "exclusiveMaximum", "maximum");
        if (schema.path("contentEncoding").asText().equals("base64")) {
            schema.remove("contentEncoding");
            schema.put("format", "byte");
        }
        if (schema.path("contentMediaType").isTextual() && schema.has("type")) {
            schema.remove("contentMediaType");
        }
        if (schema.has("const") && !schema.path("const").isContainerNode()) {
            schema.set("enum", NODES.arrayNode().add(schema.remove("const")));
        }
        if (schema.path("examples").isArray() && schema.has("type")) {
            JsonNode examples = schema.remove("examples");
            if (!examples.isEmpty()) {
                schema.set("example", examples.get(0));
            }
        }
    }

    /** {@code type: [string, "null"]} to {@code type: string, nullable: true}; {@code type: [string]} to a string. */
    private static void types(ObjectNode schema) {
        if (!(schema.get("type") instanceof ArrayNode types)) {
            return;
        }
        List<String> named = new ArrayList<>();
        types.forEach(t -> named.add(t.asText()));
        boolean nullable = named.remove("null");
        if (named.size() == 1) {
            schema.put("type", named.get(0));
        } else {
            schema.remove("type"); // several types: 3.0 cannot say it; the schema admits any
        }
        if (nullable) {
            schema.put("nullable", true);
        }
    }

    /**
     * {@code oneOf: [X, {type: "null"}]} to {@code oneOf: [X, {type: string, nullable: true, enum: [null]}]}, as
     * Portico writes a nullable reference in 3.0 (several alternatives become {@code oneOf} + {@code nullable}).
     */
    private static void nullableOneOf(ObjectNode schema) {
        if (!(schema.get("oneOf") instanceof ArrayNode alternatives)) {
            return;
        }
        ArrayNode rest = NODES.arrayNode();
        boolean nullable = false;
        for (JsonNode alternative : alternatives) {
            if (alternative.size() == 1 && alternative.path("type").asText().equals("null")) {
                nullable = true;
            } else {
                rest.add(alternative);
            }
        }
        if (!nullable) {
            return;
        }
        if (rest.size() == 1) {
            ObjectNode onlyNull = NODES.objectNode().put("type", "string").put("nullable", true);
            onlyNull.putArray("enum").addNull();
            rest.add(onlyNull);
            schema.set("oneOf", rest);
            return;
        }
        schema.set("oneOf", rest);
        schema.put("nullable", true);
    }

    /** A numeric {@code exclusiveMinimum: 5} to {@code minimum: 5, exclusiveMinimum: true}. */
    private static void bound(ObjectNode schema, String exclusive, String inclusive) {
        JsonNode value = schema.get(exclusive);
        if (value != null && value.isNumber()) {
            schema.set(inclusive, value);
            schema.put(exclusive, true);
        }
    }
}
