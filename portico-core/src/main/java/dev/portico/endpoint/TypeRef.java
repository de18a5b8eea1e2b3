package dev.portico.endpoint;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A full generic type, captured by subclassing: {@code new TypeRef<Page<Post>>() {}}. Used where a
 * {@code Class} cannot say enough, so the schema and clients know the element types.
 *
 * @param <T> the captured type
 */
public abstract class TypeRef<T> {
    private final Type type;

    /** Captures the type argument of the anonymous subclass. */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("write new TypeRef<Page<Post>>() {} with the type argument and braces");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    private TypeRef(Type type) {
        this.type = type;
    }

    /** A reference to a plain class. */
    public static <T> TypeRef<T> of(Class<T> type) {
        return new TypeRef<>(type) {};
    }

    /** The captured type. */
    public Type type() {
        return type;
    }
}
