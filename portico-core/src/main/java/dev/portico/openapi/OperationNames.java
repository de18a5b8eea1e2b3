package dev.portico.openapi;

import dev.portico.config.OperationIdStyle;
import dev.portico.endpoint.Endpoint;
import dev.portico.router.PathTemplate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Derives operationIds and tags as DRF does. The action comes from the method: GET of a list (an array,
 * collection or page output on a path that does not end in a parameter) is {@code list}, other GETs
 * {@code retrieve}, then {@code create}, {@code update}, {@code partialUpdate}, {@code destroy}; the base
 * from the last literal path segment, singular, or plural for a list: {@code listPosts},
 * {@code retrievePost}. The tag is the first path segment after the API prefix ({@code /api/posts/} is
 * {@code posts}). An endpoint's docs override either.
 */
final class OperationNames {
    private final List<String> prefix;
    private final OperationIdStyle style;

    /** Names relative to the API prefix, such as {@code /api}, in DRF's style. */
    OperationNames(String apiPrefix) {
        this(apiPrefix, OperationIdStyle.DRF);
    }

    /** Names relative to the API prefix, such as {@code /api}, in {@code style}. */
    OperationNames(String apiPrefix, OperationIdStyle style) {
        this.prefix = PathTemplate.parse(apiPrefix.endsWith("/") ? apiPrefix : apiPrefix + "/").segments().stream()
                .map(PathTemplate.Segment::literal)
                .toList();
        this.style = style;
    }

    /** The endpoint's operationId: its override, or action + base in the configured style. */
    String operationId(Endpoint endpoint) {
        if (endpoint.docs().operationId().isPresent()) {
            return endpoint.docs().operationId().get();
        }
        return style == OperationIdStyle.SPECTACULAR ? spectacular(endpoint) : drf(endpoint);
    }

    /**
     * drf-spectacular's {@code get_operation_id}: the literal segments after the prefix ({@code -} as {@code _}), then
     * the action ({@code list}, {@code retrieve}, {@code create}, {@code update}, {@code partial_update},
     * {@code destroy}); {@code root} when no segment is left. An {@code operationIdBase} does not apply: the path is
     * the base.
     */
    private String spectacular(Endpoint endpoint) {
        List<PathTemplate.Segment> segments = endpoint.path().segments();
        StringBuilder id = new StringBuilder();
        boolean prefixed = segments.size() >= prefix.size()
                && (segments.size() == prefix.size()
                        ? segments.stream()
                                .map(PathTemplate.Segment::literal)
                                .toList()
                                .equals(prefix)
                        : startsWithPrefix(segments));
        for (int i = prefixed ? prefix.size() : 0; i < segments.size(); i++) {
            if (!segments.get(i).isParam() && !segments.get(i).literal().isEmpty()) {
                id.append(segments.get(i).literal().replace('-', '_')).append('_');
            }
        }
        String action = switch (endpoint.method()) {
            case GET -> isList(endpoint) ? "list" : "retrieve";
            case PATCH -> "partial_update";
            default -> drfAction(endpoint, false);
        };
        return (id.isEmpty() ? "root_" : id.toString()) + action;
    }

    private String drf(Endpoint endpoint) {
        boolean list = isList(endpoint);
        String action = drfAction(endpoint, list);
        String base = endpoint.docs().operationIdBase().orElseGet(() -> singular(camel(lastLiteral(endpoint))));
        return action + (list ? plural(base) : base);
    }

    private static String drfAction(Endpoint endpoint, boolean list) {
        return switch (endpoint.method()) {
            case GET -> list ? "list" : "retrieve";
            case POST -> "create";
            case PUT -> "update";
            case PATCH -> "partialUpdate";
            case DELETE -> "destroy";
            default -> endpoint.method().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The endpoint's tags: its override, or the first literal segment after the prefix. */
    List<String> tags(Endpoint endpoint) {
        if (!endpoint.docs().tags().isEmpty()) {
            return endpoint.docs().tags();
        }
        List<PathTemplate.Segment> segments = endpoint.path().segments();
        int start = startsWithPrefix(segments) ? prefix.size() : 0;
        for (int i = start; i < segments.size(); i++) {
            if (!segments.get(i).isParam()) {
                return List.of(segments.get(i).literal());
            }
        }
        return segments.isEmpty() || segments.getFirst().isParam()
                ? List.of("default")
                : List.of(segments.getFirst().literal());
    }

    private boolean startsWithPrefix(List<PathTemplate.Segment> segments) {
        if (segments.size() <= prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (segments.get(i).isParam() || !segments.get(i).literal().equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isList(Endpoint endpoint) {
        List<PathTemplate.Segment> segments = endpoint.path().segments();
        if (!segments.isEmpty() && segments.getLast().isParam()) {
            return false;
        }
        Class<?> raw = Types.raw(endpoint.output());
        return raw.isArray() && raw != byte[].class || Collection.class.isAssignableFrom(raw) || Types.isPage(raw);
    }

    private static String lastLiteral(Endpoint endpoint) {
        List<PathTemplate.Segment> segments = endpoint.path().segments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!segments.get(i).isParam()) {
                return segments.get(i).literal();
            }
        }
        return "root";
    }

    /** {@code blog-posts} and {@code blog_posts} as {@code BlogPosts}. */
    static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : segment.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.isEmpty() ? "Root" : out.toString();
    }

    /** English singular of a plural word, for the common regular forms. */
    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses")
                || word.endsWith("xes")
                || word.endsWith("ches")
                || word.endsWith("shes")
                || word.endsWith("zes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** English plural of a singular word, for the common regular forms. */
    static String plural(String word) {
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.endsWith("s")
                || word.endsWith("x")
                || word.endsWith("ch")
                || word.endsWith("sh")
                || word.endsWith("z")) {
            return word.endsWith("ss") || !word.endsWith("s") ? word + "es" : word;
        }
        return word + "s";
    }
}
