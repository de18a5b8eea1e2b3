package dev.portico.form;

import dev.portico.config.Naming;
import dev.portico.error.ValidationFailed;
import dev.portico.http.FormData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one form decoder: from {@link FormData} (a urlencoded or multipart body, or a query string) to a typed
 * Java value, following seed 002's rules for form fields:
 * <pre>
 *   name=joebloggs                       single values; a bool may be sent twice (checkboxes), the last wins
 *   filter.name_gt=a&amp;filter.name_lt=p   records by dotted names, to any depth
 *   filter.=                             a record with no fields sent (the blank-named marker)
 *   usernames.0=a&amp;usernames.1=b          lists by index, contiguous from 0
 *   usernames=a&amp;usernames=b              lists of single values by repeating the name
 *   usernames.=                          the empty list
 *   people.0.name=ada                    lists of records
 *   scores.alice=3                       maps by key
 *   upload=&lt;a multipart file part&gt;       a FileUpload
 *   publish_date=                        null, for an Omittable (one empty value, nothing under it)
 * </pre>
 * The plan is made once per type ({@link #of}); decoding reports every missing, unknown, read-only or
 * mistyped field at once, each under its dotted path, as one {@link dev.portico.error.ValidationFailed}.
 */
public final class FormDecoder {
    private final FormNode plan;
    private final boolean optional;

    private FormDecoder(FormNode plan, boolean optional) {
        this.plan = plan;
        this.optional = optional;
    }

    /**
     * The decoder of {@code type}, planned now, at startup, for its caller to keep (no global cache, so no
     * application's classes are held past its life); an {@link IllegalArgumentException} naming the part of
     * the type that cannot come from a form.
     */
    public static FormDecoder of(Type type) {
        return of(type, List.of());
    }

    /** The decoder of {@code type}, where the types of {@code resolvers} are models sent by their public id. */
    public static FormDecoder of(Type type, List<IdResolver<?>> resolvers) {
        return of(type, resolvers, Naming.CAMEL_CASE);
    }

    /** The decoder of {@code type}, its fields named by {@code naming} ({@code json.naming}). */
    public static FormDecoder of(Type type, List<IdResolver<?>> resolvers, Naming naming) {
        if (!structured(type)) {
            throw new IllegalArgumentException(
                    type.getTypeName() + " cannot be read from a form as a whole; " + "use a record, a List or a Map");
        }
        return new FormDecoder(
                FormPlanner.plan(type, resolvers, naming),
                type instanceof ParameterizedType p && p.getRawType() == Optional.class);
    }

    /**
     * The decoder of a method's arguments, planned now: the top-level names of the form are the arguments, each
     * read by the rules of its type, and {@link #decode(FormData)} answers them as an {@code Object[]} in this
     * order (an absent optional one as {@code Optional.empty()}, {@code Omittable.absent()} or {@code null}).
     *
     * @param where the method, for startup messages
     * @param required for each argument, whether leaving it out is "This field is required."
     */
    public static FormDecoder arguments(
            String where, List<String> names, List<Type> types, List<Boolean> required, List<IdResolver<?>> resolvers) {
        return arguments(where, names, types, required, resolvers, Naming.CAMEL_CASE);
    }

    /** The same, the fields of records among the arguments named by {@code naming}; the arguments as declared. */
    public static FormDecoder arguments(
            String where,
            List<String> names,
            List<Type> types,
            List<Boolean> required,
            List<IdResolver<?>> resolvers,
            Naming naming) {
        if (names.size() != types.size() || names.size() != required.size()) {
            throw new IllegalArgumentException(where + ": one name, type and required flag per argument");
        }
        return new FormDecoder(FormPlanner.arguments(where, names, types, required, resolvers, naming), false);
    }

    /** Whether a whole form can be decoded as {@code type}: a record, List or Map (or Optional of one) of decodable parts. */
    public static boolean supports(Type type) {
        try {
            of(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean structured(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord();
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw == List.class
                    || raw == Map.class
                    || raw == Optional.class && structured(p.getActualTypeArguments()[0]);
        }
        return false;
    }

    /** The whole form as the type: a record's components are the top-level names ({@code title}, {@code tags.0}). */
    public Object decode(FormData form) {
        FormErrors errors = new FormErrors();
        Object value = plan.decode(FormTree.of(form), "", errors);
        errors.throwIfAny();
        return value;
    }

    /**
     * The arguments of an {@link #arguments} decoder as an {@code Object[]}. When some fail, the 400 thrown is a
     * {@link PartlyDecoded} that also carries the arguments that did decode, so their constraints can be checked
     * and reported in the same answer.
     */
    public Object[] decodeArguments(FormData form) {
        return decodeArguments(form, new FormErrors());
    }

    /**
     * The arguments as {@link #decodeArguments(FormData)} reads them, where a list, map or record argument (or one
     * inside a record) may also come as JSON text under its bare name ({@code people=[{"name":"ada"}]}), read as the
     * dotted fields it stands for within {@code limits}: what client generators can send for a name the document
     * cannot spell.
     */
    public Object[] decodeArguments(FormData form, FormParser limits) {
        return decodeArguments(form, new FormErrors(limits));
    }

    private Object[] decodeArguments(FormData form, FormErrors errors) {
        if (!(plan instanceof RecordNode record)) {
            throw new IllegalStateException("not a decoder of arguments; make it with FormDecoder.arguments(...)");
        }
        FormTree tree = FormTree.of(form);
        if (tree.hasOwnValue()) {
            plan.decode(tree, "", errors); // adds the error: nothing decoded
            errors.throwIfAny();
        }
        boolean[] failed = new boolean[record.size()];
        Object[] values = record.components(tree, "", errors, failed);
        if (errors.errors() != null) {
            throw new PartlyDecoded(errors.errors(), values, failed);
        }
        return values;
    }

    /**
     * The 400 of arguments that did not all decode: the errors, and the values of the arguments that did.
     */
    public static final class PartlyDecoded extends ValidationFailed {
        private final transient Object[] values;
        private final boolean[] failed;

        PartlyDecoded(Map<String, List<String>> errors, Object[] values, boolean[] failed) {
            super(errors);
            this.values = values;
            this.failed = failed;
        }

        /** The arguments in order; null where {@link #failed()}. */
        public Object[] values() {
            return values;
        }

        /** Which arguments did not decode. */
        public boolean[] failed() {
            return failed;
        }
    }

    /**
     * The value sent under {@code name} ({@code filter.name_gt=a} for {@code name} {@code filter}); absent is
     * {@code Optional.empty()} for an Optional type and "This field is required." otherwise.
     */
    public Object decode(FormData form, String name) {
        FormErrors errors = new FormErrors();
        FormTree node = FormTree.of(form, name).get(name);
        Object value;
        if (node == null && !optional && plan instanceof RecordNode) {
            value = plan.decode(new FormTree(), name, errors); // as if the blank marker were sent: filter.x is named
        } else if (node == null) {
            if (!optional) {
                errors.add(name, plan.requiredMessage());
            }
            value = Optional.empty();
        } else {
            value = plan.decode(node, name, errors);
        }
        errors.throwIfAny();
        return value;
    }
}
