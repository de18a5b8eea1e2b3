package dev.portico.data.resource;

import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an input record writes: each component to the model field of the same name, planned and checked once
 * at startup. The input record is the field set of its action: a client can only send its components (unknown
 * JSON fields are a 400 already), and a component naming no field, a framework field or a field the server
 * sets fails the build. An {@code Optional} component that is empty writes nothing (the column keeps its value,
 * or its default on insert); that is how {@code PATCH} records say "not sent".
 */
final class Writes {
    private record Slot(MethodHandle accessor, ModelField field, boolean optional) {
    }

    private final List<Slot> slots;

    private Writes(List<Slot> slots) {
        this.slots = List.copyOf(slots);
    }

    static Writes plan(String where, Model<?> model, Class<?> input, Set<String> serverSet) {
        if (!input.isRecord()) {
            throw new IllegalArgumentException(where + ": input " + input.getName() + " is not a record");
        }
        List<Slot> slots = new ArrayList<>();
        for (RecordComponent rc : input.getRecordComponents()) {
            String what = where + ": " + input.getSimpleName() + "." + rc.getName();
            ModelField f = model.field(rc.getName()).orElseThrow(() -> new IllegalArgumentException(what
                    + " names no component of " + model.type().getSimpleName() + "; rename or remove it"));
            if (model.managed(f)) {
                throw new IllegalArgumentException(what + " is written by the framework, never by clients; remove it");
            }
            if (serverSet.contains(f.name())) {
                throw new IllegalArgumentException(what + " is set by the server (onCreate); remove it from the input");
            }
            boolean optional = rc.getType() == Optional.class;
            Class<?> type = optional ? optionalArgument(rc.getGenericType()) : rc.getType();
            if (MethodType.methodType(type).wrap().returnType() != f.type()) {
                throw new IllegalArgumentException(what + " is " + type.getSimpleName() + " but "
                        + model.type().getSimpleName() + "." + f.name() + " is " + f.type().getSimpleName()
                        + "; give them one type");
            }
            try {
                rc.getAccessor().setAccessible(true);
                MethodHandle accessor = MethodHandles.lookup().unreflect(rc.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                slots.add(new Slot(accessor, f, optional));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(what + ": " + e.getMessage(), e);
            }
        }
        return new Writes(slots);
    }

    private static Class<?> optionalArgument(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("Optional components of inputs need a plain type argument: " + type);
    }

    /** The fields the input sets, and their values, in component order. */
    Map<ModelField, Object> values(Object input) {
        Map<ModelField, Object> out = new LinkedHashMap<>();
        for (Slot s : slots) {
            Object v;
            try {
                v = s.accessor.invokeExact(input);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (s.optional) {
                Optional<?> o = (Optional<?>) v;
                if (o == null || o.isEmpty()) {
                    continue;
                }
                v = o.get();
            }
            out.put(s.field, v);
        }
        return out;
    }
}
