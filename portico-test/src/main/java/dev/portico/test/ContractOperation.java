package dev.portico.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One operation of a {@link Contract}, compiled: its path as a pattern, and per documented status the headers and
 * the schema of each media type, ready to validate answers.
 */
final class ContractOperation {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A documented header: whether it must be there, and its schema. */
    private record Header(boolean required, Schema schema, String type) {}

    /** A documented response: its headers by lower-case name, its schemas by media type (null: any body). */
    private record Response(Map<String, Header> headers, Map<String, Schema> content) {}

    private final String method;
    private final String template;
    private final String operationId;
    private final Pattern path;
    private final Map<String, Response> responses;

    private ContractOperation(
            String method, String template, String operationId, Pattern path, Map<String, Response> responses) {
        this.method = method;
        this.template = template;
        this.operationId = operationId;
        this.path = path;
        this.responses = responses;
    }

    static ContractOperation compile(
            Schema document, JsonNode root, String served, String template, String method, JsonNode operation) {
        NodePath responsesAt = new NodePath(PathType.JSON_POINTER)
                .append("paths")
                .append(template)
                .append(method)
                .append("responses");
        Map<String, Response> responses = new LinkedHashMap<>();
        operation.path("responses").properties().forEach(r -> {
            NodePath at = responsesAt.append(r.getKey());
            Map<String, Header> headers = new LinkedHashMap<>();
            r.getValue().path("headers").properties().forEach(h -> {
                String ref = h.getValue().path("$ref").asText("");
                JsonNode header = ref.isEmpty() ? h.getValue() : root.at(ref.substring(1));
                NodePath headerAt = ref.isEmpty() ? at.append("headers").append(h.getKey()) : pointer(ref);
                headers.put(
                        h.getKey().toLowerCase(Locale.ROOT),
                        new Header(
                                header.path("required").asBoolean(false),
                                document.getSubSchema(headerAt.append("schema")),
                                type(header.path("schema"))));
            });
            Map<String, Schema> content = new LinkedHashMap<>();
            r.getValue()
                    .path("content")
                    .properties()
                    .forEach(c -> content.put(
                            c.getKey(),
                            c.getValue().has("schema")
                                    ? document.getSubSchema(at.append("content")
                                            .append(c.getKey())
                                            .append("schema"))
                                    : null));
            responses.put(r.getKey(), new Response(headers, content));
        });
        return new ContractOperation(
                method.toUpperCase(Locale.ROOT),
                template,
                operation.path("operationId").asText(method + " " + template),
                pattern(served),
                responses);
    }

    /** {@code #/components/headers/X} as a path from the document's root. */
    private static NodePath pointer(String ref) {
        NodePath path = new NodePath(PathType.JSON_POINTER);
        for (String token : ref.substring(2).split("/")) {
            path = path.append(token.replace("~1", "/").replace("~0", "~"));
        }
        return path;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.path(0).asText("string") : type.asText("string");
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** How many path parameters: literal paths are tried first. */
    int templated() {
        return (int) template.chars().filter(c -> c == '{').count();
    }

    boolean matches(String requestMethod, String rawPath) {
        return method.equals(requestMethod) && path.matcher(rawPath).matches();
    }

    /** What {@code response} breaks of this operation's documented answers; empty when it keeps them all. */
    List<String> violations(TestResponse response) {
        String status = String.valueOf(response.status());
        Response documented = responses.get(status);
        if (documented == null) {
            documented = responses.get(status.charAt(0) + "XX");
        }
        if (documented == null) {
            documented = responses.get("default");
        }
        if (documented == null) {
            return List.of("status " + status + " is not documented (documented: "
                    + String.join(", ", responses.keySet()) + ")");
        }
        List<String> violations = new ArrayList<>();
        headers(documented, response, violations);
        body(documented, response, violations);
        return violations;
    }

    private void headers(Response documented, TestResponse response, List<String> violations) {
        documented.headers().forEach((name, header) -> {
            List<String> values = response.headers(name);
            if (values.isEmpty() && header.required()) {
                violations.add("header " + name + ": required, and missing");
            }
            for (String value : values) {
                for (Error error : header.schema().validate(headerValue(value, header.type()))) {
                    violations.add(
                            "header " + name + " '" + value + "': " + error.getKeyword() + ": " + error.getMessage());
                }
            }
        });
        for (String name : response.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!documented.headers().containsKey(lower) && !ContractHeaders.isGeneric(lower)) {
                violations.add("header " + name + ": sent, and not documented for this status");
            }
        }
    }

    private static JsonNode headerValue(String value, String type) {
        if (type.equals("integer") || type.equals("number")) {
            try {
                return JSON.readTree(value.trim());
            } catch (IOException e) {
                return JsonNodeFactory.instance.textNode(value);
            }
        }
        return type.equals("boolean") && (value.equals("true") || value.equals("false"))
                ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value))
                : JsonNodeFactory.instance.textNode(value);
    }

    private void body(Response documented, TestResponse response, List<String> violations) {
        byte[] body = response.body();
        String contentType = response.header("Content-Type")
                .map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        if (documented.content().isEmpty()) {
            if (body.length > 0) {
                violations.add("body: " + body.length + " bytes of " + contentType + ", where none is documented");
            }
            return;
        }
        if (body.length == 0 && contentType.isEmpty()) {
            return; // no body (a 304, say): nothing to describe
        }
        String key = mediaType(documented, contentType);
        if (key == null) {
            violations.add("Content-Type " + contentType + ": not documented (documented: "
                    + String.join(", ", documented.content().keySet()) + ")");
            return;
        }
        Schema schema = documented.content().get(key);
        if (schema != null && isJson(contentType)) {
            json(schema, body, contentType, violations);
        }
    }

    private static void json(Schema schema, byte[] body, String contentType, List<String> violations) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            violations.add("body: not JSON, though sent as " + contentType + ": " + e.getMessage());
            return;
        }
        for (Error error : schema.validate(tree)) {
            violations.add(
                    "body at " + error.getInstanceLocation() + ": " + error.getKeyword() + ": " + error.getMessage());
        }
    }

    private static String mediaType(Response documented, String contentType) {
        for (String key : documented.content().keySet()) {
            String base = key.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (base.equals(contentType)
                    || base.equals("*/*")
                    || base.endsWith("/*") && contentType.startsWith(base.substring(0, base.length() - 1))) {
                return key;
            }
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        return contentType.equals("application/json") || contentType.endsWith("+json");
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + template + ")";
    }
}
