package dev.portico.test;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plain subset of JSONPath that names one node: {@code $}, {@code $.title}, {@code $.results[0].author.name},
 * {@code $['odd key']}. Filters and wildcards select many nodes, which an equality assertion cannot read, so they are
 * refused; a test that needs them reads {@link TestResponse#json()}.
 */
final class JsonPath {

    private JsonPath() {}

    /** The JSON Pointer of {@code path}. */
    static JsonPointer pointer(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with $: " + path);
        }
        StringBuilder pointer = new StringBuilder();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                segment(pointer, path, path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ in JSON path " + path);
                }
                String inside = path.substring(i + 1, close);
                if (inside.startsWith("'") && inside.endsWith("'") && inside.length() >= 2) {
                    inside = inside.substring(1, inside.length() - 1);
                } else if (!inside.matches("\\d+")) {
                    throw new IllegalArgumentException("only [index] and ['name'] are supported in " + path);
                }
                segment(pointer, path, inside);
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in JSON path " + path);
            }
        }
        return JsonPointer.compile(pointer.toString());
    }

    private static void segment(StringBuilder pointer, String path, String name) {
        if (name.isEmpty() || name.equals("*")) {
            throw new IllegalArgumentException(
                    "wildcards and recursive descent select many nodes; not supported: " + path);
        }
        pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }

    /** The node at {@code path}, or a missing node. */
    static JsonNode at(JsonNode root, String path) {
        return root.at(pointer(path));
    }
}
