package dev.portico.router;

import dev.portico.error.NullCharacters;
import dev.portico.http.HttpMethod;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the route for a path. Built once at startup, read concurrently without locks afterwards.
 *
 * <p>Paths without parameters are found in one hash lookup. The others walk a tree of segments where
 * literal segments are tried before parameters, left to right, so {@code /posts/latest/} wins over
 * {@code /posts/{slug}/}; parameters of types that cannot match the same segment ({@code int} and
 * {@code uuid}) may share a position. Two routes that could match the same path for the same method, or
 * that share a position with overlapping parameter types, fail the build with a message naming both.
 *
 * @param <T> what a route dispatches to
 */
public final class Router<T> {
    private static final Object[] NO_VALUES = new Object[0];

    private final TrailingSlash policy;
    private final Map<String, RouteMatch<T>> statics;
    private final Node<T> root;
    private final List<Route<T>> routes;

    private Router(TrailingSlash policy, Map<String, RouteMatch<T>> statics, Node<T> root, List<Route<T>> routes) {
        this.policy = policy;
        this.statics = statics;
        this.root = root;
        this.routes = routes;
    }

    /** A builder with the given trailing-slash policy. */
    public static <T> Builder<T> builder(TrailingSlash policy) {
        return new Builder<>(policy);
    }

    /** Every route, in declaration order. */
    public List<Route<T>> routes() {
        return routes;
    }

    /** Looks up a raw (still percent-encoded) path. */
    public RouteMatch<T> find(String rawPath) {
        RouteMatch<T> exact = statics.get(rawPath);
        if (exact != null) {
            return exact;
        }
        String[] segments = Paths.split(rawPath);
        if (segments == null) {
            return new RouteMatch.Missing<>();
        }
        boolean slash = rawPath.endsWith("/");
        Object[] values = new Object[segments.length];
        Route<T> route = root.match(segments, 0, values, slash);
        if (route != null) {
            return new RouteMatch.Found<>(route, checked(trim(values, route), route));
        }
        if (policy == TrailingSlash.STRICT || rawPath.equals("/")) {
            return new RouteMatch.Missing<>();
        }
        route = root.match(segments, 0, values, !slash);
        if (route == null) {
            return new RouteMatch.Missing<>();
        }
        if (policy == TrailingSlash.MATCH) {
            return new RouteMatch.Found<>(route, trim(values, route));
        }
        return new RouteMatch.Redirect<>(slash ? rawPath.substring(0, rawPath.length() - 1) : rawPath + "/");
    }

    /** The path values, when none holds NUL; else the 400 naming each parameter that does (DRF's rule). */
    private static Object[] checked(Object[] values, Route<?> route) {
        List<String> refused = null;
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String text && NullCharacters.in(text)) {
                refused = refused == null ? new ArrayList<>(1) : refused;
                refused.add(route.template().paramNames().get(i));
            }
        }
        if (refused != null) {
            throw NullCharacters.refused(refused);
        }
        return values;
    }

    private static Object[] trim(Object[] values, Route<?> route) {
        int count = route.paramCount;
        if (count == values.length) {
            return values;
        }
        Object[] out = new Object[count];
        int j = 0;
        for (int i = 0; i < route.template().segments().size(); i++) {
            if (route.template().segments().get(i).isParam()) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    /** Collects routes, then checks and freezes them. */
    public static final class Builder<T> {
        private final TrailingSlash policy;
        private final Map<String, PathTemplate> templates = new LinkedHashMap<>();
        private final Map<String, EnumMap<HttpMethod, T>> targets = new LinkedHashMap<>();
        private final Map<String, String> descriptions = new HashMap<>();

        private Builder(TrailingSlash policy) {
            this.policy = policy;
        }

        /**
         * Adds what answers {@code method} on {@code template} (whose parameters must all be typed);
         * {@code description} names the declaration in conflict messages.
         */
        public Builder<T> add(PathTemplate template, HttpMethod method, T target, String description) {
            String shape = template.shape();
            PathTemplate existing = templates.get(shape);
            if (existing != null && !existing.paramNames().equals(template.paramNames())) {
                throw new RouteConflictException("routes " + descriptions.get(shape + " any") + " and " + description
                        + " have the same path with different parameter names; use the same names in both");
            }
            templates.putIfAbsent(shape, template);
            descriptions.putIfAbsent(shape + " any", description);
            EnumMap<HttpMethod, T> byMethod = targets.computeIfAbsent(shape, k -> new EnumMap<>(HttpMethod.class));
            if (byMethod.containsKey(method)) {
                throw new RouteConflictException("routes " + descriptions.get(shape + " " + method) + " and "
                        + description + " both answer " + method + " " + template.template()
                        + "; remove one or give it another path");
            }
            byMethod.put(method, target);
            descriptions.put(shape + " " + method, description);
            return this;
        }

        /** The router; fails if two routes are ambiguous. */
        public Router<T> build() {
            List<Route<T>> routes = new ArrayList<>();
            targets.forEach((shape, byMethod) -> routes.add(new Route<>(templates.get(shape), byMethod)));
            checkAmbiguity(routes);
            Map<String, RouteMatch<T>> statics = new HashMap<>();
            Node<T> root = new Node<>(null);
            for (Route<T> route : routes) {
                if (route.template().isStatic()) {
                    addStatic(statics, route);
                }
                root.insert(route, 0);
            }
            return new Router<>(policy, Map.copyOf(statics), root, List.copyOf(routes));
        }

        private void addStatic(Map<String, RouteMatch<T>> statics, Route<T> route) {
            // the path as a request spells it: the template's own form, with or without its trailing slash
            statics.put(route.template().openApiPath(), new RouteMatch.Found<>(route, NO_VALUES));
        }

        private void checkAmbiguity(List<Route<T>> routes) {
            for (int i = 0; i < routes.size(); i++) {
                for (int j = i + 1; j < routes.size(); j++) {
                    PathTemplate a = routes.get(i).template();
                    PathTemplate b = routes.get(j).template();
                    if (ambiguous(a, b)) {
                        throw new RouteConflictException("routes " + describe(a) + " and " + describe(b)
                                + " can match the same path; give one a distinct literal segment or a parameter "
                                + "type that cannot match the other's (int and uuid never overlap)");
                    }
                }
            }
        }

        private String describe(PathTemplate t) {
            return descriptions.get(t.shape() + " any");
        }

        private boolean ambiguous(PathTemplate a, PathTemplate b) {
            boolean slashMatters = policy != TrailingSlash.MATCH;
            if (a.segments().size() != b.segments().size()
                    || (slashMatters && a.trailingSlash() != b.trailingSlash())) {
                return false;
            }
            for (int k = 0; k < a.segments().size(); k++) {
                PathTemplate.Segment x = a.segments().get(k);
                PathTemplate.Segment y = b.segments().get(k);
                if (x.isParam() != y.isParam()) {
                    return false; // a literal wins over a parameter: deterministic, not ambiguous
                }
                if (!x.isParam() && !x.literal().equals(y.literal())) {
                    return false;
                }
                if (x.isParam() && !x.type().overlaps(y.type())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A node of the segment tree. */
    private static final class Node<T> {
        private final ParamType type;
        private final Map<String, Node<T>> literals = new HashMap<>();
        private final List<Node<T>> params = new ArrayList<>();
        private Route<T> withSlash;
        private Route<T> withoutSlash;

        Node(ParamType type) {
            this.type = type;
        }

        void insert(Route<T> route, int depth) {
            List<PathTemplate.Segment> segments = route.template().segments();
            if (depth == segments.size()) {
                if (route.template().trailingSlash()) {
                    withSlash = route;
                } else {
                    withoutSlash = route;
                }
                return;
            }
            PathTemplate.Segment s = segments.get(depth);
            Node<T> child;
            if (s.isParam()) {
                child = params.stream()
                        .filter(n -> n.type == s.type())
                        .findFirst()
                        .orElse(null);
                if (child == null) {
                    child = new Node<>(s.type());
                    params.add(child);
                }
            } else {
                child = literals.computeIfAbsent(s.literal(), k -> new Node<>(null));
            }
            child.insert(route, depth + 1);
        }

        Route<T> match(String[] segments, int depth, Object[] values, boolean slash) {
            if (depth == segments.length) {
                return slash ? withSlash : withoutSlash;
            }
            String segment = segments[depth];
            Node<T> literal = literals.get(segment);
            if (literal != null) {
                Route<T> found = literal.match(segments, depth + 1, values, slash);
                if (found != null) {
                    return found;
                }
            }
            for (int i = 0; i < params.size(); i++) {
                Node<T> param = params.get(i);
                Object value = param.type.convert(segment);
                if (value != null) {
                    Route<T> found = param.match(segments, depth + 1, values, slash);
                    if (found != null) {
                        values[depth] = value;
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
