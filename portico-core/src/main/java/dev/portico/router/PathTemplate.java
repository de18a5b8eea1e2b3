package dev.portico.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed path template such as {@code /api/posts/{id:long}/}: literal segments and whole-segment
 * parameters, and whether it ends with a slash.
 *
 * <p>Parameters take a whole segment; their type comes from the template ({@code {id:int}}) or, for
 * controller methods, from the Java parameter ({@code long id}). Parsed once at startup.
 */
public final class PathTemplate {
    private final String template;
    private final List<Segment> segments;
    private final boolean trailingSlash;

    private PathTemplate(String template, List<Segment> segments, boolean trailingSlash) {
        this.template = template;
        this.segments = List.copyOf(segments);
        this.trailingSlash = trailingSlash;
    }

    /** One segment: a literal, or a named parameter whose type may still be unknown. */
    public record Segment(String literal, String param, ParamType type) {

        /** Whether this segment is a parameter. */
        public boolean isParam() {
            return param != null;
        }
    }

    /** Parses a template; fails with a message that says what is wrong and how to write it. */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        if (template.contains("?") || template.contains("#") || template.contains("//")) {
            throw new IllegalArgumentException("path template must not contain '?', '#' or '//': " + template);
        }
        boolean trailing = template.endsWith("/");
        String body =
                template.substring(1, trailing && template.length() > 1 ? template.length() - 1 : template.length());
        List<Segment> segments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String raw : body.split("/", -1)) {
                segments.add(segment(template, raw, names));
            }
        }
        return new PathTemplate(template, segments, trailing || template.equals("/"));
    }

    private static Segment segment(String template, String raw, List<String> names) {
        if (raw.startsWith("{") && raw.endsWith("}")) {
            String inner = raw.substring(1, raw.length() - 1);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            ParamType type = colon < 0 ? null : ParamType.named(inner.substring(colon + 1));
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("bad parameter name '" + name + "' in " + template);
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' appears twice in " + template);
            }
            names.add(name);
            return new Segment(null, name, type);
        }
        if (raw.contains("{") || raw.contains("}")) {
            throw new IllegalArgumentException(
                    "a parameter must take a whole segment, as in /posts/{id}/: " + template);
        }
        return new Segment(raw, null, null);
    }

    /** This template with the untyped parameters given types; each untyped one defaults to string. */
    public PathTemplate withTypes(Map<String, ParamType> types) {
        List<Segment> typed = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            if (s.isParam()) {
                ParamType declared = s.type();
                ParamType given = types.get(s.param());
                if (declared != null
                        && given != null
                        && declared != given
                        && !(declared == ParamType.SLUG && given == ParamType.STRING)) {
                    throw new IllegalArgumentException("parameter '" + s.param() + "' of " + template + " is declared "
                            + declared.name().toLowerCase() + " in the template but "
                            + given.name().toLowerCase()
                            + " by the method");
                }
                typed.add(new Segment(
                        null, s.param(), declared != null ? declared : given != null ? given : ParamType.STRING));
            } else {
                typed.add(s);
            }
        }
        return new PathTemplate(template, typed, trailingSlash);
    }

    /** The template as written. */
    public String template() {
        return template;
    }

    /** The segments, in order. */
    public List<Segment> segments() {
        return segments;
    }

    /** Whether the template ends with {@code /}. */
    public boolean trailingSlash() {
        return trailingSlash;
    }

    /** The parameter names, in order. */
    public List<String> paramNames() {
        List<String> names = new ArrayList<>();
        for (Segment s : segments) {
            if (s.isParam()) {
                names.add(s.param());
            }
        }
        return Collections.unmodifiableList(names);
    }

    /** The declared type of a parameter, if the template or the method gave one. */
    public Optional<ParamType> paramType(String name) {
        for (Segment s : segments) {
            if (name.equals(s.param())) {
                return Optional.ofNullable(s.type());
            }
        }
        return Optional.empty();
    }

    /** The template in OpenAPI's form, {@code /api/posts/{id}/}. */
    public String openApiPath() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append('/').append(s.isParam() ? "{" + s.param() + "}" : s.literal());
        }
        if (trailingSlash || sb.isEmpty()) {
            sb.append('/');
        }
        return sb.toString();
    }

    /** Whether the template has no parameters, so it matches exactly one path. */
    public boolean isStatic() {
        return segments.stream().noneMatch(Segment::isParam);
    }

    /**
     * The shape of the template: literals kept, parameters replaced by their types. Two templates with
     * the same shape match the same paths.
     */
    public String shape() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append('/').append(s.isParam() ? "{" + s.type() + "}" : s.literal());
        }
        return sb.append(trailingSlash ? "/" : "").toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
