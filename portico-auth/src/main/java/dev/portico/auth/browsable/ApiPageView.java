package dev.portico.auth.browsable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.auth.accounts.Caller;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.metadata.ApiPage;
import dev.portico.metadata.FieldInfo;
import dev.portico.metadata.RouteInfo;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one browsable page, for {@code api.mustache}: the request line, the answer (status, headers, the body
 * pretty-printed with links), the method buttons, and the forms of the writing methods this caller may use. Built
 * only from the {@link ApiPage}, so the page shows what the JSON answer gives and nothing more.
 */
final class ApiPageView {
    private static final List<HttpMethod> FORMS = List.of(HttpMethod.POST, HttpMethod.PUT);
    private static final List<HttpMethod> RAW = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper mapper;
    private final Chrome chrome;

    ApiPageView(ObjectMapper mapper, Chrome chrome) {
        this.mapper = mapper;
        this.chrome = chrome;
    }

    Map<String, Object> scope(ApiPage page, String csrf) {
        Request request = page.request();
        Response response = page.response();
        Optional<JsonNode> body = json(response);
        Map<String, Object> scope = chrome.scope(request, csrf);
        String name = page.route().map(RouteInfo::name).orElse(Statuses.reason(response.status()));
        scope.put("name", name);
        scope.put(
                "description",
                page.route()
                        .map(RouteInfo::description)
                        .filter(d -> !d.isEmpty())
                        .orElse(null));
        scope.put("crumbs", Crumbs.of(request.path()));
        scope.put("method", request.method().name());
        scope.put("target", target(request));
        scope.put("status", response.status() + " " + Statuses.reason(response.status()));
        scope.put("statusClass", response.status() < 300 ? "s-ok" : response.status() < 400 ? "s-redirect" : "s-error");
        scope.put("headers", headers(response, page));
        body.ifPresent(b -> scope.put("body", JsonHtml.of(b)));
        scope.put("buttons", buttons(page));
        List<Map<String, Object>> forms = forms(page, body);
        scope.put("forms", forms);
        scope.put("raw", raw(page, body));
        scope.put("showForms", !forms.isEmpty() || !((List<?>) scope.get("raw")).isEmpty());
        return scope;
    }

    private Optional<JsonNode> json(Response response) {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String target(Request request) {
        String query = request.rawQuery();
        return request.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** The answer's headers as DRF shows them: {@code Allow} and {@code Content-Type} first. */
    private static List<Map<String, Object>> headers(Response response, ApiPage page) {
        List<Map<String, Object>> headers = new ArrayList<>();
        if (response.headerValue("Allow").isEmpty() && !page.allowed().isEmpty()) {
            headers.add(Map.of(
                    "name",
                    "Allow",
                    "value",
                    String.join(", ", page.allowed().stream().map(Enum::name).toList())));
        }
        response.contentType().ifPresent(type -> headers.add(Map.of("name", "Content-Type", "value", type)));
        for (int i = 0; i < response.headerCount(); i++) {
            Map<String, Object> header = new HashMap<>();
            header.put("name", response.headerName(i));
            header.put("value", response.headerValue(i));
            if (response.headerName(i).equalsIgnoreCase("Location") && JsonHtml.linkable(response.headerValue(i))) {
                header.put("link", true);
            }
            headers.add(header);
        }
        return headers;
    }

    /** GET and OPTIONS as links and buttons; DELETE as a button when permitted; the forms' methods jump to them. */
    private static List<Map<String, Object>> buttons(ApiPage page) {
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (HttpMethod method : page.allowed()) {
            boolean permitted = page.permitted().contains(method);
            switch (method) {
                case GET -> buttons.add(Map.of("method", "GET", "get", true));
                case OPTIONS -> buttons.add(Map.of("method", "OPTIONS", "fetch", true));
                case DELETE -> {
                    if (permitted) {
                        buttons.add(Map.of("method", "DELETE", "fetch", true, "danger", true));
                    }
                }
                default -> {}
            }
        }
        return buttons;
    }

    private List<Map<String, Object>> forms(ApiPage page, Optional<JsonNode> body) {
        List<Map<String, Object>> forms = new ArrayList<>();
        if (page.route().isEmpty()) {
            return forms;
        }
        RouteInfo route = page.route().get();
        for (HttpMethod method : FORMS) {
            List<FieldInfo> fields = route.forms().get(method);
            if (fields == null || !page.permitted().contains(method) || !showFor(page, method)) {
                continue;
            }
            boolean answered = page.request().method() == method;
            FormValues values = values(page, method, body, answered);
            Map<String, List<String>> errors = answered ? errors(body) : Map.of();
            Map<String, Object> form = new HashMap<>();
            String id = "form-" + method.name().toLowerCase(java.util.Locale.ROOT);
            form.put("id", id);
            form.put("method", method.name());
            form.put("native", method == HttpMethod.POST);
            form.put("multipart", route.files().contains(method));
            form.put("entries", FormFields.of(id, fields, values, errors));
            List<String> problems = problems(errors, fields, answered ? body : Optional.empty(), page);
            form.put("problems", problems);
            form.put("hasProblems", !problems.isEmpty());
            form.put("action", target(page.request()));
            forms.add(form);
        }
        return forms;
    }

    /** PUT's form is shown over a resource the answer showed (a 200 GET, or the PUT just answered). */
    private static boolean showFor(ApiPage page, HttpMethod method) {
        if (method != HttpMethod.PUT) {
            return true;
        }
        HttpMethod asked = page.request().method();
        return asked == HttpMethod.PUT
                || asked == HttpMethod.PATCH
                || page.response().status() == 200;
    }

    private static FormValues values(ApiPage page, HttpMethod method, Optional<JsonNode> body, boolean answered) {
        if (answered && page.response().status() >= 400) {
            return page.request().form().map(FormValues::of).orElse(FormValues.NONE);
        }
        if (method == HttpMethod.PUT && body.isPresent() && body.get().isObject()) {
            return FormValues.of(body.get());
        }
        return FormValues.NONE;
    }

    private static Map<String, List<String>> errors(Optional<JsonNode> body) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        JsonNode node = body.map(b -> b.get("errors")).orElse(null);
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                List<String> messages = new ArrayList<>();
                e.getValue().forEach(m -> messages.add(m.asText()));
                errors.put(e.getKey(), messages);
            });
        }
        return errors;
    }

    /** The errors no field of the form shows (non_field_errors, a refusal's detail), at the top of the form. */
    private static List<String> problems(
            Map<String, List<String>> errors, List<FieldInfo> fields, Optional<JsonNode> body, ApiPage page) {
        List<String> problems = new ArrayList<>();
        errors.forEach((path, messages) -> {
            String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (fields.stream().noneMatch(f -> f.name().equals(root) && !f.readOnly())) {
                messages.forEach(m -> problems.add(path.equals("non_field_errors") ? m : path + ": " + m));
            }
        });
        if (errors.isEmpty() && page.response().status() >= 400) {
            body.map(b -> b.get("detail")).filter(JsonNode::isTextual).ifPresent(d -> problems.add(d.asText()));
        }
        return problems;
    }

    /** The raw data tab: the methods this caller may send, and a JSON skeleton or the current values. */
    private List<Map<String, Object>> raw(ApiPage page, Optional<JsonNode> body) {
        List<Map<String, Object>> raw = new ArrayList<>();
        if (page.route().isEmpty()) {
            return raw;
        }
        RouteInfo route = page.route().get();
        List<Map<String, Object>> methods = new ArrayList<>();
        List<FieldInfo> fields = null;
        for (HttpMethod method : RAW) {
            if (route.forms().containsKey(method) && page.permitted().contains(method) && showFor(page, method)) {
                methods.add(Map.of("name", method.name()));
                fields = fields == null ? route.forms().get(method) : fields;
            }
        }
        if (!methods.isEmpty()) {
            raw.add(Map.of(
                    "methods", methods, "content", skeleton(fields, page, body), "action", target(page.request())));
        }
        return raw;
    }

    private String skeleton(List<FieldInfo> fields, ApiPage page, Optional<JsonNode> body) {
        ObjectNode out = mapper.createObjectNode();
        boolean current = page.response().status() == 200
                && body.isPresent()
                && body.get().isObject()
                && page.request().method() == HttpMethod.GET;
        for (FieldInfo f : fields) {
            if (f.readOnly() || f.type().equals("file upload")) {
                continue;
            }
            if (current && body.get().has(f.name())) {
                out.set(f.name(), body.get().get(f.name()));
            } else {
                switch (f.type()) {
                    case "string", "email" -> out.put(f.name(), "");
                    case "boolean" -> out.put(f.name(), false);
                    case "list" -> out.putArray(f.name());
                    default -> out.putNull(f.name());
                }
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a path for a {@code next} parameter. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The name the top bar shows for the caller. */
    static Optional<String> who(Request request) {
        return request.principal().map(p -> p instanceof Caller c ? c.user().username() : p.id());
    }
}
