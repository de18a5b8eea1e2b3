package dev.portico.rpc;

import dev.portico.annotation.Nullable;
import dev.portico.endpoint.Controllers;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.endpoint.Input;
import dev.portico.endpoint.Invoker;
import dev.portico.form.IdResolver;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.input.Omittable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads one {@link ApiModule} object into its methods, once, at startup: each {@link ApiMethod} becomes an ordinary
 * {@code POST} {@link Endpoint} whose inputs are the caller (when the first parameter is one) and the
 * {@link Input.Arguments}, called through a spread method handle, so nothing is reflected per request.
 */
final class ApiMethods {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private ApiMethods() {}

    /** One method of a module, with the endpoint that serves it. */
    record Declared(String module, String name, Method method, Endpoint endpoint) {
        /** {@code home/describe_site}: the name code and templates look it up by. */
        String qualifiedName() {
            return module + "/" + name;
        }
    }

    static List<Declared> read(
            Object module, String prefix, List<IdResolver<?>> resolvers, Consumer<EndpointBuilder> customizer) {
        Class<?> type = declaringType(module.getClass());
        ApiModule annotation = type.getAnnotation(ApiModule.class);
        String moduleName = checkedName(annotation.value(), "module name of " + type.getName());
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        List<Declared> declared = new ArrayList<>();
        for (Method method : methods) {
            ApiMethod api = method.getAnnotation(ApiMethod.class);
            if (api == null) {
                continue;
            }
            String name = checkedName(
                    api.name().isEmpty() ? snakeCase(method.getName()) : api.name(), "name of " + describe(method));
            EndpointBuilder builder = builder(module, moduleName, name, method, api, prefix, resolvers);
            customizer.accept(builder);
            declared.add(new Declared(moduleName, name, method, builder.build()));
        }
        if (declared.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no method annotated @ApiMethod");
        }
        return declared;
    }

    /**
     * The type that declares the module: the class when it is annotated {@link ApiModule}, else the one interface it
     * implements that is, so that a client (portico-client's {@code proxy}) can be made from the same interface.
     */
    private static Class<?> declaringType(Class<?> type) {
        if (type.isAnnotationPresent(ApiModule.class)) {
            return type;
        }
        List<Class<?>> annotated = Arrays.stream(type.getInterfaces())
                .filter(i -> i.isAnnotationPresent(ApiModule.class))
                .toList();
        if (annotated.size() == 1) {
            return annotated.getFirst();
        }
        if (annotated.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " is not annotated @ApiModule(\"name\"), nor is an "
                    + "interface it implements; annotate one to serve its @ApiMethod methods");
        }
        throw new IllegalArgumentException(type.getName() + " implements several @ApiModule interfaces " + annotated
                + "; register one object per module");
    }

    private static EndpointBuilder builder(
            Object module,
            String moduleName,
            String name,
            Method method,
            ApiMethod api,
            String prefix,
            List<IdResolver<?>> resolvers) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException(describe(method) + " is static; API methods are instance methods");
        }
        Parameter[] parameters = method.getParameters();
        boolean caller = parameters.length > 0
                && Input.Caller.principalType(parameters[0].getParameterizedType())
                        .isPresent();
        List<Input.Argument> arguments = new ArrayList<>();
        for (int i = caller ? 1 : 0; i < parameters.length; i++) {
            arguments.add(argument(method, parameters[i]));
        }
        EndpointBuilder builder = Endpoint.builder(HttpMethod.POST, prefix + moduleName + "/" + name)
                .source(describe(method))
                .output(method.getGenericReturnType())
                .operationId(camelCase(moduleName + "_" + name))
                .tags(moduleName)
                .extension("x-portico-method", moduleName + "/" + name);
        if (caller) {
            builder.caller(parameters[0].getParameterizedType());
        }
        builder.arguments(arguments, resolvers);
        if (!api.summary().isEmpty()) {
            builder.summary(api.summary());
        }
        if (!api.description().isEmpty()) {
            builder.description(api.description());
        }
        declaredErrors(method, builder);
        return builder.handle(invoker(module, method, caller));
    }

    /**
     * The errors the method declares it throws ({@code throws NotFound}) are documented with their status, read once
     * from an instance made with the exception's no-argument constructor; one without it is left to the derived ones.
     */
    private static void declaredErrors(Method method, EndpointBuilder builder) {
        for (Class<?> thrown : method.getExceptionTypes()) {
            if (!dev.portico.error.ApiException.class.isAssignableFrom(thrown)) {
                continue;
            }
            try {
                Object error = thrown.getDeclaredConstructor().newInstance();
                builder.response(((dev.portico.error.ApiException) error).status(), thrown);
            } catch (ReflectiveOperationException e) {
                // no public no-argument constructor: its status cannot be known before it is thrown
            }
        }
    }

    private static Input.Argument argument(Method method, Parameter parameter) {
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException(describe(method) + ": parameter names are missing; compile with "
                    + "-parameters (maven-compiler-plugin <parameters>true</parameters>)");
        }
        Type type = parameter.getParameterizedType();
        if (parameter.getType() == Request.class
                || Input.Caller.principalType(type).isPresent()) {
            throw new IllegalArgumentException(describe(method) + ": parameter '" + parameter.getName() + "' is a "
                    + parameter.getType().getSimpleName() + "; only the first parameter may be the caller, and an API "
                    + "method does not take the request");
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        boolean optional = raw == Optional.class
                || raw == Omittable.class
                || !raw.isPrimitive() && parameter.isAnnotationPresent(Nullable.class);
        List<java.lang.annotation.Annotation> annotations = new ArrayList<>(List.of(parameter.getAnnotations()));
        annotations.addAll(dev.portico.input.Fields.valueAnnotations(parameter.getAnnotatedType()));
        return new Input.Argument(parameter.getName(), type, !optional, annotations);
    }

    /** The method as {@code (Object[] inputs) -> result}: the caller, then the arguments spread from their array. */
    private static Invoker invoker(Object module, Method method, boolean caller) {
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(method).bindTo(module);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(
                    describe(method) + " cannot be called: " + e.getMessage()
                            + "; make the method public or open its package to dev.portico.core",
                    e);
        }
        int arity = method.getParameterCount();
        MethodHandle spread =
                handle.asSpreader(Object[].class, arity).asType(MethodType.methodType(Object.class, Object[].class));
        return new MethodInvoker(new Controllers.ControllerMethod(module, method), spread, caller, arity);
    }

    private record MethodInvoker(Controllers.ControllerMethod target, MethodHandle spread, boolean caller, int arity)
            implements Controllers.MethodInvoking {
        @Override
        public Object invoke(Request request) throws Exception {
            Object[] inputs = request.arguments();
            Object[] arguments = (Object[]) inputs[inputs.length - 1];
            Object[] all = arguments;
            if (caller) {
                all = new Object[arity];
                all[0] = inputs[0];
                System.arraycopy(arguments, 0, all, 1, arguments.length);
            }
            try {
                return (Object) spread.invokeExact(all);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** {@code describeSite} is {@code describe_site}; {@code findByID} is {@code find_by_id}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
                boolean endsAcronym = i > 0
                        && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code home_describe_site} is {@code homeDescribeSite}, the operationId. */
    static String camelCase(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String checkedName(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + what + " is \"" + name + "\"; use lower case letters, digits "
                    + "and _, starting with a letter");
        }
        return name;
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
