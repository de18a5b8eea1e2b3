package dev.portico.openapi;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Names components and makes sure one name means one type. Records and enums are named after the Java type
 * ({@code Post}, {@code Status}); generic records after their arguments ({@code Page<Post>}, or any
 * page-like record, is {@code PaginatedPostList} as in drf-spectacular, {@code Envelope<Post>} is {@code PostEnvelope}); the
 * request half of a split component gets {@code Request} appended. Two different types asking for one
 * name fail with both named: a silent {@code _1} suffix would change client code without warning.
 */
final class ComponentNames {
    private final Map<Class<?>, String> overrides;
    private final Map<String, String> owners = new HashMap<>();

    ComponentNames(Map<Class<?>, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The name of the component for {@code type} (a record or an enum, maybe parameterised), claimed for it. */
    String claim(Type type, boolean request) {
        String name = name(type) + (request ? "Request" : "");
        String owner = type.getTypeName() + (request ? " (request)" : "");
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalStateException("OpenAPI component name '" + name + "' is used by two types: " + previous
                    + " and " + owner + "; rename one of them or give one endpoint another name with "
                    + "componentName(...) (@Operation(componentName = ...))");
        }
        return name;
    }

    /** Claims a fixed name, such as the error component's, for {@code owner}. */
    void claim(String name, String owner) {
        String previous = owners.putIfAbsent(name, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalStateException("OpenAPI component name '" + name + "' is used by " + previous + " and "
                    + owner + "; rename the record or give it another name with componentName(...)");
        }
    }

    private String name(Type type) {
        Class<?> raw = Types.raw(type);
        String override = overrides.get(raw);
        if (override != null) {
            return override;
        }
        if (raw.getTypeParameters().length == 0) {
            String simple = raw.getSimpleName();
            return Character.toUpperCase(simple.charAt(0)) + simple.substring(1);
        }
        if (Types.isPage(raw)) {
            return "Paginated" + argumentName(Types.argument(type, 0)) + "List";
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < raw.getTypeParameters().length; i++) {
            name.append(argumentName(Types.argument(type, i)));
        }
        return name.append(raw.getSimpleName()).toString();
    }

    private String argumentName(Type type) {
        Class<?> raw = Types.raw(type);
        if (raw.isArray()) {
            return argumentName(raw.getComponentType()) + "List";
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return argumentName(Types.argument(type, 0)) + "List";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return argumentName(Types.argument(type, 1)) + "Map";
        }
        if (Types.isOptional(raw)) {
            return argumentName(Types.argument(type, 0));
        }
        return name(type);
    }
}
