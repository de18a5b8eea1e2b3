package dev.portico.openapi;

import dev.portico.input.Omittable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Small reflection helpers for generic types: the raw class, type arguments and type-variable substitution. */
final class Types {

    private Types() {}

    /** The class a type erases to. */
    static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            case GenericArrayType a -> raw(a.getGenericComponentType()).arrayType();
            case WildcardType w -> raw(w.getUpperBounds()[0]);
            default -> Object.class;
        };
    }

    /** The i-th type argument, {@code Object} when the type is raw. */
    static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            Type arg = p.getActualTypeArguments()[i];
            return arg instanceof WildcardType w ? w.getUpperBounds()[0] : arg;
        }
        return Object.class;
    }

    /** The bindings of a parameterised record's type variables ({@code T -> Post} for {@code Page<Post>}). */
    static Map<TypeVariable<?>, Type> bindings(Type type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw(p).getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], argument(p, i));
            }
        }
        return bindings;
    }

    /** {@code type} with the bound type variables replaced; unbound ones become {@code Object}. */
    static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return switch (type) {
            case TypeVariable<?> v -> bindings.getOrDefault(v, Object.class);
            case WildcardType w -> resolve(w.getUpperBounds()[0], bindings);
            case GenericArrayType a -> {
                Type component = resolve(a.getGenericComponentType(), bindings);
                yield component instanceof Class<?> c ? c.arrayType() : new Array(component);
            }
            case ParameterizedType p ->
                new Parameterized(
                        (Class<?>) p.getRawType(),
                        Arrays.stream(p.getActualTypeArguments())
                                .map(t -> resolve(t, bindings))
                                .toArray(Type[]::new));
            default -> type;
        };
    }

    /**
     * Whether the class is a page of items: Portico's {@code Page}, or any record with one type parameter
     * {@code T} and a {@code List<T>} (any collection) component, as the pagination of a list endpoint returns.
     */
    static boolean isPage(Class<?> raw) {
        if (raw == dev.portico.pagination.Page.class) {
            return true;
        }
        if (!raw.isRecord() || raw.getTypeParameters().length != 1) {
            return false;
        }
        for (java.lang.reflect.RecordComponent component : raw.getRecordComponents()) {
            if (component.getGenericType() instanceof ParameterizedType p
                    && java.util.Collection.class.isAssignableFrom(raw(p))
                    && p.getActualTypeArguments()[0].equals(raw.getTypeParameters()[0])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class wraps a value a client may leave out: {@code Optional} or {@code Omittable}. */
    static boolean isOptional(Class<?> raw) {
        return raw == Optional.class || raw == Omittable.class;
    }

    /** The value type inside {@code Optional<T>} or {@code Omittable<T>}, or the type itself. */
    static Type unwrapOptional(Type type) {
        return isOptional(raw(type)) ? argument(type, 0) : type;
    }

    /** A parameterised type made by substitution; its name is what the JDK's would print. */
    record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public String getTypeName() {
            return raw.getName()
                    + Arrays.stream(arguments).map(Type::getTypeName).collect(Collectors.joining(", ", "<", ">"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p
                    && p.getRawType() == raw
                    && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return raw.hashCode() * 31 + Arrays.hashCode(arguments);
        }

        @Override
        public String toString() {
            return getTypeName();
        }
    }

    /** A generic array made by substitution. */
    record Array(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public String getTypeName() {
            return component.getTypeName() + "[]";
        }
    }
}
