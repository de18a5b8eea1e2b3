package dev.portico.validation;

import dev.portico.input.Omittable;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Plan} of a body type at startup. Records nested in the body, in lists, sets, arrays,
 * maps, {@code Optional}s and {@code Omittable}s, are validated without {@code @Valid}: a body is one tree the client sent, and
 * a nested record's constraints mean the same there as at the top. Parts that lead to no constraint and no
 * {@link Validatable} record are left out; a type with nothing to check has no plan at all.
 *
 * <p>A type variable (a component typed {@code T} in a generic record) is not descended into: its type is
 * not known here. Its record's own constraints still apply.
 */
final class Planner {
    private final Validator validator;
    private final Map<Class<?>, Boolean> selfChecked = new HashMap<>();
    private final Map<Class<?>, Plan.Record> records = new HashMap<>();

    private final dev.portico.config.Naming naming;

    Planner(Validator validator, dev.portico.config.Naming naming) {
        this.validator = validator;
        this.naming = naming;
    }

    /** The plan for a value of {@code type}, or empty when nothing in it is checked. */
    Optional<Plan> plan(Type type) {
        return needed(type, new HashSet<>()) ? Optional.of(build(type)) : Optional.empty();
    }

    /** Whether any record reachable from {@code type} has constraints or a hook; {@code seen} breaks cycles. */
    private boolean needed(Type type, Set<Class<?>> seen) {
        type = recordClass(type);
        for (Type inner : inner(type)) {
            if (needed(inner, seen)) {
                return true;
            }
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || !seen.add(c)) {
            return false;
        }
        if (checked(c)) {
            return true;
        }
        for (RecordComponent component : c.getRecordComponents()) {
            if (needed(component.getGenericType(), seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean checked(Class<?> record) {
        return selfChecked.computeIfAbsent(
                record,
                c -> Validatable.class.isAssignableFrom(c)
                        || Validators.mayConstrain(c)
                                && validator.getConstraintsForClass(c).isBeanConstrained());
    }

    /** {@code Page<Post>} as {@code Page}: a generic record's own constraints apply whatever its arguments. */
    private static Type recordClass(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && raw.isRecord()
                ? raw
                : type;
    }

    /** The element, value or wrapped types a container type holds; none for other types. */
    private static List<Type> inner(Type type) {
        if (type instanceof GenericArrayType array) {
            return List.of(array.getGenericComponentType());
        }
        if (type instanceof Class<?> c && c.isArray()) {
            return List.of(c.getComponentType());
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class || raw == Omittable.class || Iterable.class.isAssignableFrom(raw)) {
                return List.of(args[0]);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return List.of(args[1]);
            }
        }
        return List.of();
    }

    private Plan build(Type type) {
        type = recordClass(type);
        if (type instanceof Class<?> c && c.isRecord()) {
            return record(c);
        }
        Type inner = inner(type).get(0);
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object[].class;
        Plan plan = build(inner);
        if (raw == Optional.class || raw == Omittable.class) {
            return new Plan.Present(plan);
        }
        return Map.class.isAssignableFrom(raw) ? new Plan.Values(plan) : new Plan.Each(plan);
    }

    private Plan.Record record(Class<?> type) {
        Plan.Record existing = records.get(type);
        if (existing != null) {
            return existing; // a record met again inside itself: the same plan, so cycles end
        }
        BeanDescriptor descriptor = validator.getConstraintsForClass(type);
        Set<String> constrained = new HashSet<>();
        for (PropertyDescriptor property : descriptor.getConstrainedProperties()) {
            constrained.add(property.getPropertyName());
            Validators.probe(() -> validator.validateValue(type, property.getPropertyName(), null));
            if (property.getElementClass() == Omittable.class) { // a sent null reaches the type argument's constraints
                Validators.probe(() -> validator.validateValue(type, property.getPropertyName(), Omittable.ofNull()));
            }
        }
        Plan.Record plan = new Plan.Record(
                validator,
                type,
                descriptor.isBeanConstrained(),
                Set.copyOf(constrained),
                Validatable.class.isAssignableFrom(type),
                jsonNames(type));
        records.put(type, plan);
        List<Plan.Part> parts = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (needed(component.getGenericType(), new HashSet<>())) {
                parts.add(new Plan.Part(
                        plan.jsonName(component.getName()), accessor(component), build(component.getGenericType())));
            }
        }
        plan.parts(parts.toArray(Plan.Part[]::new));
        return plan;
    }

    /** Components that clients name otherwise (the naming rule, {@code @JsonProperty}), so errors use the client's name. */
    private Map<String, String> jsonNames(Class<?> type) {
        Map<String, String> names = new HashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String client = naming.wireName(component);
            if (!client.equals(component.getName())) {
                names.put(component.getName(), client);
            }
        }
        return Map.copyOf(names);
    }

    private static java.lang.invoke.MethodHandle accessor(RecordComponent component) {
        try {
            java.lang.reflect.Method method = component.getAccessor();
            method.setAccessible(true);
            return MethodHandles.lookup()
                    .unreflect(method)
                    .asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(
                    component.getDeclaringRecord().getName() + "." + component.getName()
                            + " cannot be read for validation: " + e.getMessage()
                            + "; make the record public or open its package to Portico",
                    e);
        }
    }
}
