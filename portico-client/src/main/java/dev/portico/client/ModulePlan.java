package dev.portico.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.endpoint.Input;
import dev.portico.form.IdResolver;
import dev.portico.rpc.Api;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ApiModule} interface read once into the plan of each of its {@link ApiMethod} methods, by the same rules
 * the server reads it with: the wire name ({@link Api#methodName}), a first parameter that is the caller (which the
 * server fills from the credentials, so the client never sends it), the other parameters as the arguments by their
 * Java names, and the return type as the answer's.
 */
final class ModulePlan {
    /** One method: its plan, whether its first parameter is the caller, and its answer's type. */
    record Planned(MethodPlan plan, boolean caller, JavaType result, Method method) {
        /** The arguments of a proxy call, without the caller's slot. */
        Object[] arguments(Object[] args) {
            Object[] all = args == null ? new Object[0] : args;
            if (!caller) {
                return all;
            }
            Object[] rest = new Object[all.length - 1];
            System.arraycopy(all, 1, rest, 0, rest.length);
            return rest;
        }
    }

    private final Class<?> type;
    private final Map<Method, Planned> methods;

    private ModulePlan(Class<?> type, Map<Method, Planned> methods) {
        this.type = type;
        this.methods = methods;
    }

    static ModulePlan of(Class<?> type, List<IdResolver<?>> resolvers, ObjectMapper json) {
        ApiModule module = type.getAnnotation(ApiModule.class);
        if (!type.isInterface() || module == null) {
            throw new IllegalArgumentException(type.getName() + " is not an interface annotated @ApiModule; a proxy "
                    + "is made from the interface the server's module implements (Api.builder().module(...) accepts "
                    + "a class implementing one)");
        }
        Map<Method, Planned> methods = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(ApiMethod.class)) {
                methods.put(method, plan(module.value(), method, resolvers, json));
            } else if (Modifier.isAbstract(method.getModifiers())) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + method.getName() + " is not an "
                        + "@ApiMethod, so a proxy cannot call it; annotate it, or make it a default method");
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no method annotated @ApiMethod");
        }
        return new ModulePlan(type, Map.copyOf(methods));
    }

    private static Planned plan(String module, Method method, List<IdResolver<?>> resolvers, ObjectMapper json) {
        Parameter[] parameters = method.getParameters();
        boolean caller = parameters.length > 0
                && Input.Caller.principalType(parameters[0].getParameterizedType())
                        .isPresent();
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int i = caller ? 1 : 0; i < parameters.length; i++) {
            if (!parameters[i].isNamePresent()) {
                throw new IllegalStateException(method + ": parameter names are missing; compile with -parameters "
                        + "(maven-compiler-plugin <parameters>true</parameters>)");
            }
            names.add(parameters[i].getName());
            types.add(parameters[i].getParameterizedType());
        }
        String name = module + "." + Api.methodName(method);
        Type returned = method.getGenericReturnType();
        JavaType result = returned == void.class || returned == Void.class ? null : json.constructType(returned);
        return new Planned(
                MethodPlan.typed(name, names, types, resolvers, dev.portico.config.Naming.of(json)),
                caller,
                result,
                method);
    }

    Class<?> type() {
        return type;
    }

    Optional<Planned> method(Method method) {
        return Optional.ofNullable(methods.get(method));
    }

    /** The method of this Java name; one, since API method names are unique in a module. */
    Planned named(String javaName) {
        List<Planned> found = methods.values().stream()
                .filter(p -> p.method().getName().equals(javaName))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + (found.isEmpty() ? "no" : "several")
                    + " @ApiMethod named " + javaName + "; its methods are "
                    + methods.keySet().stream().map(Method::getName).sorted().toList());
        }
        return found.getFirst();
    }
}
