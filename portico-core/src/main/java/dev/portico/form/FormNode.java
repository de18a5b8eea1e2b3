package dev.portico.form;

import dev.portico.input.Omittable;
import dev.portico.input.PartlyRead;
import dev.portico.input.Scalars;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a form decoding plan, made once per type by {@link FormPlanner}. {@link #decode} reads the
 * value at one node of a request's {@link FormTree}; problems go to {@link FormErrors} under their dotted
 * path, and a node with a problem below it returns {@code null}, so every error is found in one pass.
 */
sealed interface FormNode
        permits FormNode.Scalar,
                FormNode.Model,
                FormNode.File,
                FormNode.Maybe,
                FormNode.OrNull,
                FormNode.Items,
                FormNode.Dictionary,
                FormNode.Ref,
                RecordNode {
    String REQUIRED = "This field is required.";
    String SENT_TWICE = "This field was sent more than once.";
    String UNKNOWN = "Unknown field.";

    /** The value at {@code tree}, which exists. */
    Object decode(FormTree tree, String path, FormErrors errors);

    /** The sentence for a required value that was not sent. */
    default String requiredMessage() {
        return REQUIRED;
    }

    /** Reports every child of a node that takes none (a single value or a file). */
    static void noChildren(FormTree tree, String path, FormErrors errors) {
        for (String name : tree.children.keySet()) {
            errors.add(FormTree.join(path, name), UNKNOWN);
        }
    }

    /**
     * The one text value of a single-value node, sent at most {@code times} times (the last wins), or null with the
     * problem reported: nothing sent, a file instead, sent too often, or names under it.
     */
    static String singleText(FormTree tree, String path, FormErrors errors, int times) {
        noChildren(tree, path, errors);
        List<String> values = tree.values;
        if (values.isEmpty()) {
            errors.add(path, tree.files.isEmpty() ? REQUIRED : "Expected a value, not a file.");
            return null;
        }
        if (values.size() > times) {
            errors.add(path, SENT_TWICE);
            return null;
        }
        return values.get(values.size() - 1);
    }

    /**
     * Whether a name segment is a template's placeholder ({@code {n}}, {@code {key}}) copied from a document, never a
     * real index or key: refused, so {@code scores.{key}=3} is not silently the key {@code "{key}"}.
     */
    static boolean placeholder(String segment) {
        return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
    }

    /**
     * Whether {@code tree} is one empty value and nothing else ({@code count=}, or an empty multipart part): what an
     * HTML form, or Swagger UI, sends for a field left blank.
     */
    static boolean blank(FormTree tree) {
        return tree.values.size() == 1
                && tree.values.get(0).isEmpty()
                && tree.files.isEmpty()
                && tree.children.isEmpty();
    }

    /** Whether {@code plan} reads text, for which an empty value is a value (a Java string allows blank). */
    static boolean takesText(FormNode plan) {
        return plan instanceof Scalar s && s.text() || plan instanceof Maybe m && takesText(m.inner());
    }

    /**
     * A single value: string, number, bool (sent once or twice, the last wins), enum, UUID, java.time.
     *
     * @param text whether it is a string, for which an empty value is the empty string
     */
    record Scalar(Scalars.Converter converter, boolean bool, boolean text) implements FormNode {
        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            String text = singleText(tree, path, errors, bool ? 2 : 1);
            return text == null ? null : convert(text, path, errors);
        }

        Object convert(String text, String path, FormErrors errors) {
            try {
                return converter.convert(text);
            } catch (IllegalArgumentException e) {
                errors.add(path, e.getMessage());
                return null;
            }
        }
    }

    /**
     * A model by its public id ({@code u-12346789}), sent once; the resolver reads the row. An id that finds
     * nothing, or that no row could have (blank, or longer than any id), is the client's mistake, named by its path.
     */
    record Model(IdResolver<?> resolver) implements FormNode {
        private static final int LONGEST_ID = 200;

        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            String id = singleText(tree, path, errors, 1);
            if (id == null) {
                return null;
            }
            Optional<?> found = id.isBlank() || id.length() > LONGEST_ID ? Optional.empty() : resolver.resolve(id);
            if (found.isEmpty()) {
                errors.add(
                        path,
                        "Invalid id \"" + (id.length() > 40 ? id.substring(0, 37) + "..." : id)
                                + "\" - object does not exist.");
                return null;
            }
            return found.get();
        }
    }

    /** An uploaded file: the multipart part of this name. */
    record File() implements FormNode {
        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            noChildren(tree, path, errors);
            if (tree.files.isEmpty()) {
                errors.add(
                        path,
                        tree.values.isEmpty()
                                ? requiredMessage()
                                : "The submitted data was not a file. Check the encoding type on the form.");
                return null;
            }
            if (tree.files.size() > 1) {
                errors.add(path, SENT_TWICE);
                return null;
            }
            return tree.files.get(0);
        }

        @Override
        public String requiredMessage() {
            return "No file was submitted.";
        }
    }

    /** {@code Optional<T>}: empty when absent (decided by the parent), the value otherwise. */
    record Maybe(FormNode inner) implements FormNode {
        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            return Optional.ofNullable(inner.decode(tree, path, errors));
        }
    }

    /**
     * {@code Omittable<T>}: absent when not sent (decided by the parent); null when the name is sent once with an
     * empty value and nothing under it ({@code publish_date=}), the spelling of an empty HTML field; the value
     * otherwise. So a form cannot send {@code ""} for an {@code Omittable<String>}: an empty field is null.
     */
    record OrNull(FormNode inner) implements FormNode {
        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            if (blank(tree)) {
                return Omittable.ofNull();
            }
            Object value = inner.decode(tree, path, errors);
            return value == null ? null : Omittable.of(value);
        }

        @Override
        public String requiredMessage() {
            return inner.requiredMessage();
        }
    }

    /**
     * A list: by index ({@code usernames.0}, contiguous from 0), or for single-value items by repeating the
     * name; {@code usernames.} alone is the empty list.
     */
    record Items(FormNode item) implements FormNode {
        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            int before = errors.count();
            boolean single = item instanceof Scalar || item instanceof File;
            List<Object> out = new ArrayList<>();
            if (tree.hasOwnValue()) {
                if (!single) {
                    FormTree json = JsonText.expand(tree, path, errors, true);
                    if (json != null) {
                        return decode(json, path, errors);
                    }
                    if (errors.count() == before) {
                        errors.add(path, "Expected a list of items but got type \"str\".");
                    }
                    return null;
                }
                repeated(tree, path, errors, out);
            }
            List<Map.Entry<Integer, FormTree>> indexed = indexed(tree, path, errors);
            if (!indexed.isEmpty() && !out.isEmpty()) {
                errors.add(path, "Send the items either by index or by repeating the name, not both.");
                return null;
            }
            for (int i = 0; i < indexed.size(); i++) {
                if (indexed.get(i).getKey() != i) {
                    errors.add(FormTree.join(path, Integer.toString(i)), item.requiredMessage());
                    return null;
                }
                out.add(item.decode(indexed.get(i).getValue(), FormTree.join(path, Integer.toString(i)), errors));
            }
            if (errors.count() == before) {
                return Collections.unmodifiableList(out);
            }
            if (records()) {
                errors.partial(path, partial(out, path, errors));
            }
            return null;
        }

        private boolean records() {
            return item instanceof RecordNode || item instanceof Ref ref && ref.target instanceof RecordNode;
        }

        /** The items of a list of records that decoded, or partly did, by index: for the validation stage. */
        private static PartlyRead.PartialItems partial(List<Object> out, String path, FormErrors errors) {
            Map<Integer, Object> items = new LinkedHashMap<>();
            for (int i = 0; i < out.size(); i++) {
                String at = FormTree.join(path, Integer.toString(i));
                Object nested = errors.partial(at);
                if (nested != null) {
                    items.put(i, nested);
                } else if (!errors.failedAt(at)) {
                    items.put(i, out.get(i));
                }
            }
            return new PartlyRead.PartialItems(items);
        }

        private void repeated(FormTree tree, String path, FormErrors errors, List<Object> out) {
            if (item instanceof Scalar scalar) {
                for (int i = 0; i < tree.values.size(); i++) {
                    out.add(scalar.convert(tree.values.get(i), FormTree.join(path, Integer.toString(i)), errors));
                }
            } else {
                out.addAll(tree.files);
            }
            if (item instanceof Scalar && !tree.files.isEmpty() || item instanceof File && !tree.values.isEmpty()) {
                errors.add(
                        path,
                        item instanceof File
                                ? "The submitted data was not a file. Check the encoding type on the form."
                                : "Expected a value, not a file.");
            }
        }

        private static List<Map.Entry<Integer, FormTree>> indexed(FormTree tree, String path, FormErrors errors) {
            List<Map.Entry<Integer, FormTree>> out = new ArrayList<>(tree.children.size());
            for (Map.Entry<String, FormTree> child : tree.children.entrySet()) {
                String name = child.getKey();
                if (name.equals(FormTree.MARKER)) {
                    RecordNode.marker(child.getValue(), path, errors);
                    continue;
                }
                int index = index(name);
                if (index < 0) {
                    errors.add(
                            FormTree.join(path, name),
                            placeholder(name)
                                    ? "\"" + name + "\" is a placeholder, not an index: send 0, 1, 2 in its place."
                                    : UNKNOWN);
                } else {
                    out.add(Map.entry(index, child.getValue()));
                }
            }
            out.sort(Map.Entry.comparingByKey());
            return out;
        }

        /** The list index a name segment spells ({@code 0}, {@code 12}, never {@code 01}), or -1. */
        private static int index(String segment) {
            int length = segment.length();
            if (length == 0 || length > 9 || (length > 1 && segment.charAt(0) == '0')) {
                return -1;
            }
            for (int i = 0; i < length; i++) {
                char c = segment.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
            }
            return Integer.parseInt(segment);
        }
    }

    /** {@code Map<K, V>}: one entry per name segment, the key converted as a single value ({@code scores.alice=3}). */
    record Dictionary(Scalars.Converter key, FormNode value) implements FormNode {
        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            int before = errors.count();
            if (tree.hasOwnValue()) {
                FormTree json = JsonText.expand(tree, path, errors, false);
                if (json != null) {
                    return decode(json, path, errors);
                }
                if (errors.count() == before) {
                    errors.add(path, "Expected a dictionary of items but got type \"str\".");
                }
                return null;
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, FormTree> child : tree.children.entrySet()) {
                String name = child.getKey();
                String childPath = FormTree.join(path, name);
                if (name.equals(FormTree.MARKER)) {
                    RecordNode.marker(child.getValue(), path, errors);
                    continue;
                }
                if (placeholder(name)) {
                    errors.add(
                            childPath,
                            "\"" + name + "\" is a placeholder, not a key: send the key itself " + "in its place.");
                    continue;
                }
                try {
                    Object k = key.convert(name);
                    out.put(k, value.decode(child.getValue(), childPath, errors));
                } catch (IllegalArgumentException e) {
                    errors.add(childPath, e.getMessage());
                }
            }
            return errors.count() > before ? null : Collections.unmodifiableMap(out);
        }
    }

    /** A record whose plan is still being made: the link that lets a record contain itself. */
    final class Ref implements FormNode {
        FormNode target;

        @Override
        public Object decode(FormTree tree, String path, FormErrors errors) {
            return target.decode(tree, path, errors);
        }

        @Override
        public String requiredMessage() {
            return target.requiredMessage();
        }
    }
}
