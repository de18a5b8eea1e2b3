package dev.portico.client;

import dev.portico.form.FormEncoder;
import dev.portico.form.IdResolver;
import dev.portico.http.FormData;
import dev.portico.input.Omittable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One remote method, planned once (per proxy, or per name from the method index): its name, its path under the
 * root, its arguments' names and, when they are known (a typed proxy), their Java types and the {@link FormEncoder}
 * of them; dynamic calls encode each value by its own type ({@link DynamicForm}).
 */
final class MethodPlan {
    private final String name;
    private final List<String> arguments;
    private final List<Type> types;
    private final FormEncoder encoder;
    private final List<IdResolver<?>> resolvers;
    private final dev.portico.config.Naming naming;

    private MethodPlan(
            String name,
            List<String> arguments,
            List<Type> types,
            List<IdResolver<?>> resolvers,
            dev.portico.config.Naming naming) {
        this.naming = naming;
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.types = types == null ? null : List.copyOf(types);
        this.encoder = types == null ? null : FormEncoder.arguments(arguments, types, resolvers, naming);
        this.resolvers = List.copyOf(resolvers);
    }

    /** A method whose arguments' Java types are declared (a proxy's): encoded by core's {@link FormEncoder}. */
    static MethodPlan typed(
            String name,
            List<String> arguments,
            List<Type> types,
            List<IdResolver<?>> resolvers,
            dev.portico.config.Naming naming) {
        return new MethodPlan(name, arguments, types, resolvers, naming);
    }

    /** A method known by the index only: each value is encoded by its runtime type. */
    static MethodPlan dynamic(
            String name, List<String> arguments, List<IdResolver<?>> resolvers, dev.portico.config.Naming naming) {
        return new MethodPlan(name, arguments, null, resolvers, naming);
    }

    /** {@code home.describe_site}. */
    String name() {
        return name;
    }

    /** {@code home/describe_site}: the path under the API root. */
    String path() {
        return name.replace('.', '/');
    }

    /** The form fields of arguments given by name; an unknown name fails here, before any request. */
    FormData collate(String root, Map<String, ?> named) {
        for (String given : named.keySet()) {
            if (!arguments.contains(given)) {
                throw new UnknownMethodException(
                        "POST " + Transport.safe(root) + "/" + path(),
                        name + " has no argument \"" + given + "\"; its arguments are " + arguments);
            }
        }
        if (encoder == null) {
            FormData form = FormData.of(Map.of());
            for (String argument : arguments) {
                if (named.containsKey(argument)) {
                    form = form.merge(DynamicForm.encode(argument, named.get(argument), resolvers, naming));
                }
            }
            return form;
        }
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = named.get(arguments.get(i));
        }
        return collate(values);
    }

    /** The form fields of a typed method's arguments, in declared order (a proxy's call). */
    FormData collate(Object[] values) {
        Object[] filled = values.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == null) {
                filled[i] = absent(types.get(i));
            }
        }
        return encoder.encode(filled);
    }

    /** What an argument left out is: empty for {@code Optional} and {@code Omittable}, null otherwise. */
    private static Object absent(Type type) {
        Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
        if (raw == Optional.class) {
            return Optional.empty();
        }
        return raw == Omittable.class ? Omittable.absent() : null;
    }

    List<String> arguments() {
        return new ArrayList<>(arguments);
    }
}
