package dev.portico.data.resource;

import dev.portico.data.model.Model;
import dev.portico.data.model.ModelField;
import dev.portico.input.Fields;
import dev.portico.input.Omittable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
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
 * or its default on insert); that is how {@code PATCH} records say "not sent". An {@link Omittable} one also
 * writes nothing when absent, and SQL {@code NULL} when sent as null, so it may only name a model component that
 * can hold null ({@code @Nullable}, not primitive); a column that is {@code NOT NULL} all the same refuses the
 * write as any database rule does (409).
 */
final class Writes {
    /** How a component's value becomes a write: as it is, or unwrapped (nothing when not sent). */
    private enum Kind {
        PLAIN,
        OPTIONAL,
        OMITTABLE
    }

    private record Slot(MethodHandle accessor, ModelField field, Kind kind) {}

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
            ModelField f = model.field(rc.getName())
                    .orElseThrow(() -> new IllegalArgumentException(
                            what + " names no component of " + model.type().getSimpleName() + "; rename or remove it"));
            if (model.managed(f)) {
                throw new IllegalArgumentException(what + " is written by the framework, never by clients; remove it");
            }
            if (serverSet.contains(f.name())) {
                throw new IllegalArgumentException(what + " is set by the server (onCreate); remove it from the input");
            }
            Kind kind = rc.getType() == Optional.class
                    ? Kind.OPTIONAL
                    : rc.getType() == Omittable.class ? Kind.OMITTABLE : Kind.PLAIN;
            Class<?> type = kind == Kind.PLAIN ? rc.getType() : typeArgument(rc);
            if (MethodType.methodType(type).wrap().returnType() != f.type()) {
                throw new IllegalArgumentException(what + " is " + type.getSimpleName() + " but "
                        + model.type().getSimpleName() + "." + f.name() + " is "
                        + f.type().getSimpleName()
                        + "; give them one type");
            }
            if (kind == Kind.OMITTABLE) {
                requireNullable(what, model, f);
            }
            try {
                rc.getAccessor().setAccessible(true);
                MethodHandle accessor = MethodHandles.lookup()
                        .unreflect(rc.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                slots.add(new Slot(accessor, f, kind));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(what + ": " + e.getMessage(), e);
            }
        }
        return new Writes(slots);
    }

    /** A sent null is written as it is, so the model must be able to read it back. */
    private static void requireNullable(String what, Model<?> model, ModelField f) {
        RecordComponent target = model.type().getRecordComponents()[f.index()];
        if (target.getType().isPrimitive() || Fields.required(target)) {
            throw new IllegalArgumentException(what + " is Omittable, so a client may send null, but "
                    + model.type().getSimpleName() + "." + f.name() + " cannot hold null; mark it @Nullable"
                    + (target.getType().isPrimitive() ? " with a boxed type" : "") + ", or make the input's "
                    + "component Optional");
        }
    }

    private static Class<?> typeArgument(RecordComponent rc) {
        if (rc.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException(rc.getType().getSimpleName() + " components of inputs need a plain type "
                + "argument: " + rc.getGenericType());
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
            switch (s.kind) {
                case PLAIN -> out.put(s.field, v);
                case OPTIONAL -> {
                    if (v instanceof Optional<?> o && o.isPresent()) {
                        out.put(s.field, o.get());
                    }
                }
                case OMITTABLE -> {
                    if (v instanceof Omittable<?> o && o.isSent()) {
                        out.put(s.field, o.orElse(null)); // a sent null is SQL NULL
                    }
                }
            }
        }
        return out;
    }
}
