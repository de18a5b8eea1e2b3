package dev.portico.validation;

import jakarta.validation.Path;
import java.util.Map;

/** Dotted paths in DRF's style: {@code author.name}, {@code tags.1}, {@code scores.alice}, {@code non_field_errors}. */
final class Paths {

    private Paths() {}

    /** {@code prefix.name}, or {@code name} at the top. */
    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /**
     * The dotted form of a Hibernate Validator path below {@code prefix}: properties by name, list elements by
     * index, map entries by key; a constraint on the bean itself lands in {@code non_field_errors}. Method and
     * parameter nodes are skipped: the caller names the parameter.
     */
    static String of(String prefix, Path path) {
        return of(prefix, path, Map.of());
    }

    /** As {@link #of(String, Path)}, naming the first property as {@code renames} says (its JSON name). */
    static String of(String prefix, Path path, Map<String, String> renames) {
        StringBuilder sb = new StringBuilder(prefix);
        boolean field = false;
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    append(sb, position.toString());
                    field = true;
                }
            }
            switch (node.getKind()) {
                case PROPERTY -> {
                    append(sb, field ? node.getName() : renames.getOrDefault(node.getName(), node.getName()));
                    field = true;
                }
                case PARAMETER, CONTAINER_ELEMENT -> field = true;
                default -> {} // BEAN, METHOD, CROSS_PARAMETER: no name of their own in the dotted form
            }
        }
        if (!field) {
            append(sb, Errors.NON_FIELD_ERRORS);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (!sb.isEmpty()) {
            sb.append('.');
        }
        sb.append(part);
    }
}
