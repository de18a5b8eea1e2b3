package dev.portico.form;

import dev.portico.config.Naming;
import dev.portico.http.FileUpload;
import dev.portico.input.Fields;
import dev.portico.input.Omittable;
import dev.portico.input.Scalars;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the {@link FormNode} plan of a Java type, once, at startup: single values, {@code FileUpload},
 * records (nested, even recursive), {@code List}, {@code Map} with single-value keys, {@code Optional} and
 * {@code Omittable}.
 * Everything reflective happens here; a type that cannot come from a form fails with a message naming the
 * part that cannot.
 */
final class FormPlanner {
    private final Map<Class<?>, FormNode.Ref> inProgress = new HashMap<>();
    private final Map<Class<?>, IdResolver<?>> resolvers;
    private final Naming naming;

    private FormPlanner(List<IdResolver<?>> resolvers, Naming naming) {
        this.naming = naming;
        Map<Class<?>, IdResolver<?>> byType = new HashMap<>();
        for (IdResolver<?> resolver : resolvers) {
            if (byType.put(resolver.type(), resolver) != null) {
                throw new IllegalArgumentException(
                        "two id resolvers for " + resolver.type().getName() + "; give one per model type");
            }
        }
        this.resolvers = byType;
    }

    /** The plan of {@code type}; an {@link IllegalArgumentException} naming the first part that cannot be decoded. */
    static FormNode plan(Type type, List<IdResolver<?>> resolvers, Naming naming) {
        return new FormPlanner(resolvers, naming).node(type, type.getTypeName());
    }

    /**
     * The plan of a method's arguments, read as the components of a record whose "constructor" returns them as an
     * {@code Object[]}: so arguments follow exactly the rules of a record's fields (dotted names, unknown names,
     * required ones), at the top level of the form.
     */
    static FormNode arguments(
            String where,
            List<String> names,
            List<Type> types,
            List<Boolean> required,
            List<IdResolver<?>> resolvers,
            Naming naming) {
        FormPlanner planner = new FormPlanner(resolvers, naming);
        int n = names.size();
        FormNode[] plans = new FormNode[n];
        boolean[] isRequired = new boolean[n];
        Object[] absent = new Object[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            plans[i] = planner.node(types.get(i), where + "(" + names.get(i) + ")");
            isRequired[i] = required.get(i);
            absent[i] = absent(raw(types.get(i)));
            if (index.put(names.get(i), i) != null) {
                throw new IllegalArgumentException(where + " has two arguments named " + names.get(i));
            }
        }
        MethodHandle asArray =
                MethodHandles.identity(Object[].class).asType(MethodType.methodType(Object.class, Object[].class));
        return new RecordNode(
                null,
                names.toArray(String[]::new),
                names.toArray(String[]::new),
                plans,
                isRequired,
                new boolean[n],
                absent,
                Map.copyOf(index),
                asArray);
    }

    private FormNode node(Type type, String where) {
        if (type instanceof Class<?> c) {
            IdResolver<?> resolver = resolvers.get(c);
            if (resolver != null) {
                return new FormNode.Model(resolver);
            }
            if (c == FileUpload.class) {
                return new FormNode.File();
            }
            if (Scalars.isSingleValue(c)) {
                return new FormNode.Scalar(
                        Scalars.converter(c),
                        c == boolean.class || c == Boolean.class,
                        CharSequence.class.isAssignableFrom(c));
            }
            if (c.isRecord()) {
                return record(c);
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return new FormNode.Maybe(node(args[0], where));
            }
            if (raw == Omittable.class) {
                return new FormNode.OrNull(node(args[0], where));
            }
            if (raw == List.class) {
                return new FormNode.Items(node(args[0], where + " item"));
            }
            if (raw == Map.class) {
                if (!(args[0] instanceof Class<?> key) || !Scalars.isSingleValue(key)) {
                    throw new IllegalArgumentException(where + ": a form map's key must be a single value "
                            + "(String, a number, an enum, UUID), not " + args[0].getTypeName());
                }
                return new FormNode.Dictionary(Scalars.converter(key), node(args[1], where + " value"));
            }
        }
        throw new IllegalArgumentException(where + ": " + type.getTypeName() + " cannot be read from a form; use "
                + "single values, FileUpload, records, List, Map, Optional or Omittable of them, or a model with an "
                + "IdResolver");
    }

    private FormNode record(Class<?> type) {
        FormNode.Ref recursion = inProgress.get(type);
        if (recursion != null) {
            return recursion;
        }
        FormNode.Ref ref = new FormNode.Ref();
        inProgress.put(type, ref);
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        String[] names = new String[n];
        String[] javaNames = new String[n];
        FormNode[] plans = new FormNode[n];
        boolean[] required = new boolean[n];
        boolean[] readOnly = new boolean[n];
        Object[] absent = new Object[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RecordComponent component = components[i];
            names[i] = naming.wireName(component);
            javaNames[i] = component.getName();
            plans[i] = node(component.getGenericType(), type.getSimpleName() + "." + names[i]);
            readOnly[i] = Fields.readOnly(component);
            required[i] = !readOnly[i] && Fields.required(component);
            absent[i] = absent(component.getType());
            index.put(names[i], i);
        }
        RecordNode node = new RecordNode(
                type,
                javaNames,
                names,
                plans,
                required,
                readOnly,
                absent,
                Map.copyOf(index),
                constructor(type, components));
        ref.target = node;
        inProgress.remove(type);
        return node;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    /** The value of a component that was not sent and is not required. */
    private static Object absent(Class<?> type) {
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == Omittable.class) {
            return Omittable.absent();
        }
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        try {
            return MethodHandles.zero(type).invoke();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The canonical constructor as {@code (Object[]) -> Object}, made once so decoding can call it without reflection. */
    private static MethodHandle constructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return MethodHandles.lookup()
                    .unreflectConstructor(constructor)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    type.getName() + " cannot be constructed by Portico: " + e.getMessage()
                            + "; make the record public or open its package",
                    e);
        }
    }
}
