package dev.portico.validation;

import dev.portico.input.Omittable;
import dev.portico.input.PartlyRead;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.Optional;

/**
 * How to walk one value of a body: which records in it to validate and which parts to descend into. Built
 * once per body type by {@link Planner}, holding only the parts that lead to something to check, so a
 * request walks no further than it must and reads fields through method handles, never reflection.
 */
sealed interface Plan {

    /** Checks {@code value}, found at {@code path}, adding what fails to {@code sink}. */
    void check(Object value, String path, Errors.Sink sink) throws Throwable;

    /** A record: its own constraints, then its parts, then its {@link Validatable} hook if all of that passed. */
    final class Record implements Plan {
        private final Validator validator;
        private final Class<Object> type;
        private final boolean constrained;
        private final java.util.Set<String> constrainedComponents; // those validateValue knows
        private final boolean hook;
        private final Map<String, String> jsonNames;
        private Part[] parts = new Part[0]; // set once by the planner, after cycles are resolved

        @SuppressWarnings("unchecked")
        Record(
                Validator validator,
                Class<?> type,
                boolean constrained,
                java.util.Set<String> constrainedComponents,
                boolean hook,
                Map<String, String> jsonNames) {
            this.validator = validator;
            this.type = (Class<Object>) type;
            this.constrained = constrained;
            this.constrainedComponents = constrainedComponents;
            this.hook = hook;
            this.jsonNames = jsonNames;
        }

        /** The name the client uses for a component. */
        String jsonName(String component) {
            return jsonNames.getOrDefault(component, component);
        }

        void parts(Part[] parts) {
            this.parts = parts;
        }

        @Override
        public void check(Object value, String path, Errors.Sink sink) throws Throwable {
            if (value == null) {
                return;
            }
            int before = sink.count();
            if (constrained) {
                for (ConstraintViolation<Object> violation : validator.validate(value)) {
                    sink.add(Paths.of(path, violation.getPropertyPath(), jsonNames), violation.getMessage());
                }
            }
            for (Part part : parts) {
                part.plan().check(part.accessor().invoke(value), Paths.join(path, part.name()), sink);
            }
            if (hook && sink.count() == before) {
                ((Validatable) value).validate(new Errors(sink, path));
            }
        }

        /**
         * Checks the components of a record that did not all read: each one's own constraints
         * ({@code validateValue}) and what is inside it; a nested record that partly read, likewise. Class-level
         * constraints and the {@link Validatable} hook need the whole record, so they wait until it reads, as
         * DRF's {@code validate()} waits for its fields.
         */
        void checkPartial(PartlyRead.Partial partial, String path, Errors.Sink sink) throws Throwable {
            if (partial.type() != type) {
                return; // read as another type than planned (a generic body): nothing known to check
            }
            for (Map.Entry<String, Object> component : partial.components().entrySet()) {
                String name = component.getKey();
                Object value = component.getValue();
                Part part = part(name);
                if (value instanceof PartlyRead.Partial nested) {
                    Plan inner = part == null ? null : part.plan() instanceof Present p ? p.value() : part.plan();
                    if (inner instanceof Record record) {
                        record.checkPartial(nested, Paths.join(path, part.name()), sink);
                    }
                    continue;
                }
                if (value instanceof PartlyRead.PartialItems items) {
                    if (part != null && part.plan() instanceof Each each) {
                        each.checkPartial(items, Paths.join(path, part.name()), sink);
                    }
                    continue;
                }
                if (constrainedComponents.contains(name)) {
                    for (ConstraintViolation<Object> violation : validator.validateValue(type, name, value)) {
                        sink.add(Paths.of(path, violation.getPropertyPath(), jsonNames), violation.getMessage());
                    }
                }
                if (part != null) {
                    part.plan().check(value, Paths.join(path, part.name()), sink);
                }
            }
        }

        private Part part(String component) {
            String name = jsonName(component);
            for (Part part : parts) {
                if (part.name().equals(name)) {
                    return part;
                }
            }
            return null;
        }
    }

    /** A record component that leads to something to check. */
    record Part(String name, MethodHandle accessor, Plan plan) {}

    /** A list, set or array: each element at its index. */
    record Each(Plan element) implements Plan {

        /** The items of a list that did not all read: each that did, or partly did, at its index. */
        void checkPartial(PartlyRead.PartialItems items, String path, Errors.Sink sink) throws Throwable {
            for (Map.Entry<Integer, Object> item : items.items().entrySet()) {
                String at = Paths.join(path, Integer.toString(item.getKey()));
                if (item.getValue() instanceof PartlyRead.Partial partial) {
                    if (element instanceof Record record) {
                        record.checkPartial(partial, at, sink);
                    }
                } else {
                    element.check(item.getValue(), at, sink);
                }
            }
        }

        @Override
        public void check(Object value, String path, Errors.Sink sink) throws Throwable {
            if (value instanceof Iterable<?> items) {
                int i = 0;
                for (Object item : items) {
                    element.check(item, Paths.join(path, Integer.toString(i++)), sink);
                }
            } else if (value != null) {
                for (int i = 0, n = Array.getLength(value); i < n; i++) {
                    element.check(Array.get(value, i), Paths.join(path, Integer.toString(i)), sink);
                }
            }
        }
    }

    /** A map: each value under its key. */
    record Values(Plan value) implements Plan {
        @Override
        public void check(Object map, String path, Errors.Sink sink) throws Throwable {
            if (map != null) {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
                    value.check(entry.getValue(), Paths.join(path, String.valueOf(entry.getKey())), sink);
                }
            }
        }
    }

    /** An {@code Optional} or an {@code Omittable}: its value, if any, at the same path. */
    record Present(Plan value) implements Plan {
        @Override
        public void check(Object wrapper, String path, Errors.Sink sink) throws Throwable {
            if (wrapper instanceof Optional<?> o && o.isPresent()) {
                value.check(o.get(), path, sink);
            } else if (wrapper instanceof Omittable<?> o && o.isPresent()) {
                value.check(o.get(), path, sink);
            }
        }
    }
}
