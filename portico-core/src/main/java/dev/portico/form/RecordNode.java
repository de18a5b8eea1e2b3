package dev.portico.form;

import dev.portico.input.PartlyRead;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record decoded from dotted names ({@code filter.name_gt}), to any depth. Its component plans, the rules
 * of each component (required, read-only, the value when absent) and a spread method handle on its
 * canonical constructor are all made once by {@link FormPlanner}; decoding does no reflection.
 */
final class RecordNode implements FormNode {
    private static final String READ_ONLY = "This field is read-only.";

    private final Class<?> type; // null for a method's arguments, which are no record
    private final String[] components; // the Java names, for validating what decoded when the rest did not
    private final String[] names;
    private final FormNode[] plans;
    private final boolean[] required;
    private final boolean[] readOnly;
    private final Object[] absent;
    private final Map<String, Integer> index;
    private final MethodHandle constructor;

    RecordNode(
            Class<?> type,
            String[] components,
            String[] names,
            FormNode[] plans,
            boolean[] required,
            boolean[] readOnly,
            Object[] absent,
            Map<String, Integer> index,
            MethodHandle constructor) {
        this.type = type;
        this.components = components;
        this.names = names;
        this.plans = plans;
        this.required = required;
        this.readOnly = readOnly;
        this.absent = absent;
        this.index = index;
        this.constructor = constructor;
    }

    /** How many components the record has. */
    int size() {
        return names.length;
    }

    @Override
    public Object decode(FormTree tree, String path, FormErrors errors) {
        int before = errors.count();
        if (tree.hasOwnValue()) {
            FormTree json = path.isEmpty() ? null : JsonText.expand(tree, path, errors, false);
            if (json != null) {
                return decode(json, path, errors);
            }
            if (errors.count() == before) {
                errors.add(path, "Invalid data. Expected a dictionary, but got str.");
            }
            return null;
        }
        Object[] args = components(tree, path, errors, null);
        if (errors.count() == before) {
            return construct(args, path, errors);
        }
        if (type != null) {
            errors.partial(path, partial(args, path, errors));
        }
        return null;
    }

    /**
     * The components that decoded, by Java name, for the validation stage to check beside the errors (a nested
     * record that partly decoded as its own partial); worked out only once decoding failed.
     */
    private PartlyRead.Partial partial(Object[] args, String path, FormErrors errors) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            String at = FormTree.join(path, names[i]);
            Object nested = errors.partial(at);
            if (nested != null) {
                decoded.put(components[i], nested);
            } else if (!errors.failedAt(at)) {
                decoded.put(components[i], args[i]);
            }
        }
        return new PartlyRead.Partial(type, decoded);
    }

    /**
     * The components' values, before construction, marking in {@code failed} (when given) each component that did
     * not decode; an unknown name marks none. API methods' arguments use this to validate the ones that did.
     */
    Object[] components(FormTree tree, String path, FormErrors errors, boolean[] failed) {
        FormTree[] found = new FormTree[names.length];
        for (Map.Entry<String, FormTree> child : tree.children.entrySet()) {
            String name = child.getKey();
            Integer i = index.get(name);
            if (name.equals(FormTree.MARKER)) {
                marker(child.getValue(), path, errors);
            } else if (i == null) {
                errors.add(FormTree.join(path, name), UNKNOWN);
            } else {
                found[i] = child.getValue();
            }
        }
        Object[] args = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            int count = errors.count();
            args[i] = component(i, found[i], path, errors);
            if (failed != null && errors.count() > count) {
                failed[i] = true;
            }
        }
        return args;
    }

    /**
     * A component's value. A blank field ({@code count=}) of an optional component that is not text is DRF's "not
     * given" ({@code Field.get_value} with an HTML form): its value when absent, which is null for a {@code @Nullable}
     * one (DRF's {@code allow_null}: None) and empty for an {@code Optional}; {@code Omittable} makes it null itself.
     * A required one still reads it, and says why it is wrong ("A valid integer is required.").
     */
    private Object component(int i, FormTree found, String path, FormErrors errors) {
        if (found != null
                && !readOnly[i]
                && !required[i]
                && FormNode.blank(found)
                && !(plans[i] instanceof FormNode.OrNull)
                && !FormNode.takesText(plans[i])) {
            return absent[i];
        }
        if (found == null || readOnly[i]) {
            if (found != null) {
                errors.add(FormTree.join(path, names[i]), READ_ONLY);
            } else if (required[i]) {
                errors.add(FormTree.join(path, names[i]), plans[i].requiredMessage());
            }
            return absent[i];
        }
        return plans[i].decode(found, FormTree.join(path, names[i]), errors);
    }

    private Object construct(Object[] args, String path, FormErrors errors) {
        try {
            return (Object) constructor.invokeExact(args);
        } catch (IllegalArgumentException e) {
            // a compact constructor refusing the values is the client's mistake; anything else is the server's
            errors.add(path, e.getMessage() == null ? "Invalid value." : e.getMessage());
            return null;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * The blank-named marker ({@code filter.} with an empty value) says a record, list or map is present when
     * nothing else may be sent for it; the first one is consumed, anything more sent under it is unknown.
     */
    static void marker(FormTree marker, String path, FormErrors errors) {
        if (marker.values.size() > 1 || !marker.files.isEmpty() || !marker.children.isEmpty()) {
            errors.add(path.isEmpty() ? "" : path + ".", UNKNOWN);
        }
    }
}
