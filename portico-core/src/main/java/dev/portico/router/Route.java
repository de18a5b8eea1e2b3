package dev.portico.router;

import dev.portico.http.HttpMethod;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One path template and what answers each method on it. The {@code Allow} value is computed once: the
 * declared methods, HEAD wherever GET is, and OPTIONS.
 *
 * @param <T> what the router dispatches to (the composed pipeline of each endpoint)
 */
public final class Route<T> {
    private final PathTemplate template;
    private final EnumMap<HttpMethod, T> targets;
    private final String allow;
    final int paramCount;
    private final T first;

    Route(PathTemplate template, EnumMap<HttpMethod, T> targets) {
        this.template = template;
        this.paramCount = template.paramNames().size();
        this.targets = new EnumMap<>(targets);
        this.first = this.targets.values().iterator().next();
        this.allow = allow(targets);
    }

    private static String allow(Map<HttpMethod, ?> targets) {
        StringJoiner joiner = new StringJoiner(", ");
        for (HttpMethod m : HttpMethod.values()) {
            boolean declared = targets.containsKey(m)
                    || (m == HttpMethod.HEAD && targets.containsKey(HttpMethod.GET))
                    || m == HttpMethod.OPTIONS;
            if (declared) {
                joiner.add(m.name());
            }
        }
        return joiner.toString();
    }

    /** The template this route was declared with. */
    public PathTemplate template() {
        return template;
    }

    /** What answers the first declared method; for routers whose targets are one per path. */
    public T any() {
        return first;
    }

    /** The methods declared, for documentation. */
    public Map<HttpMethod, T> targets() {
        return java.util.Collections.unmodifiableMap(targets);
    }

    /** The value of the {@code Allow} header for this path. */
    public String allow() {
        return allow;
    }
}
