package dev.portico.form;

import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's dotted names as a tree, built once per request so each plan node finds its fields with one map
 * lookup instead of scanning every name: {@code filter.name_gt=a} is the value of child {@code name_gt} of
 * child {@code filter} of the root. A blank segment ({@code filter.}) is the child named {@code ""}: the
 * empty-value marker of seed 002.
 */
final class FormTree {
    static final String MARKER = "";

    List<String> values = List.of();
    List<FileUpload> files = List.of();
    Map<String, FormTree> children = Map.of();

    /** The tree of every field and file in {@code form}. */
    static FormTree of(FormData form) {
        FormTree root = new FormTree();
        form.fields().forEach((name, values) -> root.at(name).values = values);
        form.files().forEach((name, files) -> root.at(name).files = files);
        return root;
    }

    /** The tree of the fields named {@code prefix} or {@code prefix.*} only, for a record-typed query input. */
    static FormTree of(FormData form, String prefix) {
        FormTree root = new FormTree();
        form.fields().forEach((name, values) -> {
            if (name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.')) {
                root.at(name).values = values;
            }
        });
        return root;
    }

    /** The node of a dotted name, made on the way. */
    private FormTree at(String name) {
        FormTree node = this;
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            String segment = dot < 0 ? name.substring(start) : name.substring(start, dot);
            node = node.child(segment);
            if (dot < 0) {
                return node;
            }
            start = dot + 1;
        }
    }

    private FormTree child(String segment) {
        if (children.isEmpty()) {
            children = new LinkedHashMap<>(4);
        }
        return children.computeIfAbsent(segment, k -> new FormTree());
    }

    /** The node of a dotted name, or null when nothing was sent there. */
    FormTree find(String name) {
        FormTree node = this;
        for (String segment : name.split("\\.", -1)) {
            node = node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** The child of one name segment, or null. */
    FormTree get(String segment) {
        return children.get(segment);
    }

    /** Whether a value or file was sent at this exact name. */
    boolean hasOwnValue() {
        return !values.isEmpty() || !files.isEmpty();
    }

    /** The path of a child: {@code filter} and {@code name_gt} give {@code filter.name_gt}. */
    static String join(String path, String segment) {
        return path.isEmpty() ? segment : path + "." + segment;
    }
}
