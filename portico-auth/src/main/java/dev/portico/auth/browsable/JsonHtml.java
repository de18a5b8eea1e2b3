package dev.portico.auth.browsable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.http.Html;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON answer pretty-printed as HTML: indented, keys and values marked for the stylesheet, and string values that
 * are http(s) URLs or paths of this site made links. Every piece of text goes through {@link Html#escape}; a link's
 * target is only ever an {@code http}, {@code https} or {@code /} address, so a value cannot become a script URL.
 */
final class JsonHtml {
    private JsonHtml() {}

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            object(node, depth, out);
        } else if (node.isArray()) {
            array(node, depth, out);
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else if (node.isNumber()) {
            out.append("<span class=\"n\">").append(Html.escape(node.asText())).append("</span>");
        } else {
            out.append("<span class=\"l\">").append(Html.escape(node.asText())).append("</span>");
        }
    }

    private static void object(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            indent(depth + 1, out);
            out.append("<span class=\"k\">\"")
                    .append(Html.escape(quoted(field.getKey())))
                    .append("\"</span>: ");
            write(field.getValue(), depth + 1, out);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append('}');
    }

    private static void array(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < node.size(); i++) {
            indent(depth + 1, out);
            write(node.get(i), depth + 1, out);
            out.append(i + 1 < node.size() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
    }

    private static void string(String value, StringBuilder out) {
        String shown = Html.escape("\"" + quoted(value) + "\"");
        if (linkable(value)) {
            out.append("<span class=\"s\">\"<a href=\"")
                    .append(Html.escape(value))
                    .append("\">")
                    .append(Html.escape(quoted(value)))
                    .append("</a>\"</span>");
        } else {
            out.append("<span class=\"s\">").append(shown).append("</span>");
        }
    }

    /** http(s) URLs and absolute paths of this site ({@code /api/posts/3/}), without spaces or control characters. */
    static boolean linkable(String value) {
        boolean scheme = value.startsWith("http://")
                || value.startsWith("https://")
                || value.startsWith("/") && !value.startsWith("//") && value.length() > 1;
        if (!scheme || value.length() > 2000) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '\\' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The string as JSON writes it between quotes. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }
}
