package dev.portico.data.resource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/** {@code Page<Post>} as a {@link ParameterizedType}, for the declared output of a list endpoint. */
record Generic(Class<?> raw, Type argument) implements ParameterizedType {

    @Override
    public Type[] getActualTypeArguments() {
        return new Type[] {argument};
    }

    @Override
    public Type getRawType() {
        return raw;
    }

    @Override
    public Type getOwnerType() {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterizedType p
                && p.getRawType().equals(raw)
                && p.getOwnerType() == null
                && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(getActualTypeArguments()) ^ raw.hashCode();
    }

    @Override
    public String toString() {
        return raw.getName() + "<" + argument.getTypeName() + ">";
    }
}
