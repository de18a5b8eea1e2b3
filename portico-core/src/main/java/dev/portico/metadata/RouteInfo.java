package dev.portico.metadata;

import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.Input;
import dev.portico.http.HttpMethod;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one path tells a browser or an OPTIONS request about itself, derived once at startup from its endpoints: a
 * name and description, the media types it renders and parses, and per method the form of its input and DRF's
 * metadata fields (the output's fields, read-only where the input lacks them, then the input's others).
 *
 * @param name DRF's view name: {@code Post} for {@code /api/posts/} and {@code /api/posts/{id}/}
 * @param description the description of the path's GET endpoint (else its first), empty when none
 * @param renders what a client may ask for
 * @param parses the body media types any of its endpoints reads
 * @param forms per writing method, the fields a client sends
 * @param actions per writing method, the fields of DRF's {@code actions}
 * @param files the writing methods whose body must be multipart (it holds a file)
 */
public record RouteInfo(
        String name,
        String description,
        List<String> renders,
        List<String> parses,
        Map<HttpMethod, List<FieldInfo>> forms,
        Map<HttpMethod, List<FieldInfo>> actions,
        Set<HttpMethod> files) {
    private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** Copies the collections. */
    public RouteInfo {
        renders = List.copyOf(renders);
        parses = List.copyOf(parses);
        forms = Map.copyOf(forms);
        actions = Map.copyOf(actions);
        files = Set.copyOf(files);
    }

    /** The description of the endpoints of one path; {@code html} adds {@code text/html} to what it
     * renders; fields are named by {@code naming} ({@code json.naming}). */
    public static RouteInfo of(Map<HttpMethod, Endpoint> endpoints, boolean html, dev.portico.config.Naming naming) {
        Endpoint main = endpoints.getOrDefault(
                HttpMethod.GET, endpoints.values().iterator().next());
        Set<String> renders = new LinkedHashSet<>();
        Set<String> parses = new LinkedHashSet<>();
        Map<HttpMethod, List<FieldInfo>> forms = new EnumMap<>(HttpMethod.class);
        Map<HttpMethod, List<FieldInfo>> actions = new EnumMap<>(HttpMethod.class);
        Set<HttpMethod> files = new java.util.HashSet<>();
        endpoints.values().forEach(e -> renders.addAll(e.produces()));
        if (html) {
            renders.add("text/html");
        }
        for (Map.Entry<HttpMethod, Endpoint> entry : endpoints.entrySet()) {
            Endpoint endpoint = entry.getValue();
            mediaTypes(endpoint).forEach(parses::add);
            if (WRITES.contains(entry.getKey()) && writes(endpoint)) {
                List<FieldInfo> input = FieldInfos.input(endpoint.inputs(), naming);
                forms.put(entry.getKey(), input);
                actions.put(entry.getKey(), merge(FieldInfos.of(endpoint.output(), naming), input));
                if (mediaTypes(endpoint).stream().noneMatch(t -> t.startsWith("application/json"))
                        && mediaTypes(endpoint).contains("multipart/form-data")) {
                    files.add(entry.getKey());
                }
            }
        }
        return new RouteInfo(
                name(main),
                main.docs().description().orElse(""),
                List.copyOf(renders),
                List.copyOf(parses),
                forms,
                actions,
                files);
    }

    private static boolean writes(Endpoint endpoint) {
        return endpoint.inputs().stream().anyMatch(i -> i instanceof Input.Body || i instanceof Input.Arguments);
    }

    private static List<String> mediaTypes(Endpoint endpoint) {
        for (Input input : endpoint.inputs()) {
            if (input instanceof Input.Body body) {
                return body.mediaTypes();
            }
            if (input instanceof Input.Arguments arguments) {
                return arguments.takesFiles()
                        ? List.of("multipart/form-data", "application/json")
                        : List.of("application/x-www-form-urlencoded", "multipart/form-data", "application/json");
            }
        }
        return List.of();
    }

    /** The output's fields (read-only where the input lacks them), then the input's fields the output lacks. */
    static List<FieldInfo> merge(List<FieldInfo> output, List<FieldInfo> input) {
        Map<String, FieldInfo> byName = new java.util.LinkedHashMap<>();
        input.forEach(f -> byName.put(f.name(), f));
        List<FieldInfo> merged = new ArrayList<>();
        for (FieldInfo out : output) {
            FieldInfo in = byName.remove(out.name());
            merged.add(in != null ? in : out.asReadOnly());
        }
        merged.addAll(byName.values());
        return merged;
    }

    /** The last literal segment, singular and capitalised, as DRF names a view after its model. */
    private static String name(Endpoint endpoint) {
        String template = endpoint.path().template();
        String last = "";
        for (String segment : template.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                last = segment;
            }
        }
        return last.isEmpty() ? "Api Root" : FieldInfos.label(singular(last).replace('-', '_'));
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
