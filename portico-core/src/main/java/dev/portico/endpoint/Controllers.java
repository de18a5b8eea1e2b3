package dev.portico.endpoint;

import dev.portico.annotation.Body;
import dev.portico.annotation.Cookie;
import dev.portico.annotation.Delete;
import dev.portico.annotation.Get;
import dev.portico.annotation.Header;
import dev.portico.annotation.Operation;
import dev.portico.annotation.Patch;
import dev.portico.annotation.Post;
import dev.portico.annotation.Put;
import dev.portico.annotation.Query;
import dev.portico.annotation.Status;
import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import dev.portico.input.Fields;
import dev.portico.input.Scalars;
import dev.portico.router.PathTemplate;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an annotated controller into endpoints, once, at startup. Method signatures give the inputs and the
 * output, generics included:
 * <pre>{@code
 * class Posts {
 *     @Get("/api/posts/{id}/") Post retrieve(long id) { ... }
 *     @Post("/api/posts/") @Status(201) Post create(NewPost body) { ... }
 * }
 * }</pre>
 * A parameter named like a template parameter is a path parameter; {@link Query} and {@link Header} bind
 * the others; on POST, PUT and PATCH the one remaining non-scalar parameter is the body; a {@link Request}
 * parameter receives the request, and one of a {@link dev.portico.http.Principal} type (or {@code Optional} of
 * one) the caller ({@link Input.Caller}). The method is called through a method handle made here, so no
 * reflection happens per request. Compile with {@code -parameters} so parameter names are kept.
 */
public final class Controllers {

    private Controllers() {}

    /** The endpoints declared by {@code controller}'s annotated methods, each passed through {@code customizer}. */
    public static List<Endpoint> endpoints(Object controller, Consumer<EndpointBuilder> customizer) {
        List<Endpoint> endpoints = new ArrayList<>();
        Method[] methods = controller.getClass().getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            mapping(method).ifPresent(m -> {
                EndpointBuilder builder = builder(controller, method, m);
                customizer.accept(builder);
                endpoints.add(builder.build());
            });
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException(
                    controller.getClass().getName() + " has no method annotated @Get, @Post, @Put, @Patch or @Delete");
        }
        return endpoints;
    }

    private record Mapping(HttpMethod method, String path) {}

    private static Optional<Mapping> mapping(Method method) {
        List<Mapping> found = new ArrayList<>();
        if (method.getAnnotation(Get.class) != null) {
            found.add(
                    new Mapping(HttpMethod.GET, method.getAnnotation(Get.class).value()));
        }
        if (method.getAnnotation(Post.class) != null) {
            found.add(new Mapping(
                    HttpMethod.POST, method.getAnnotation(Post.class).value()));
        }
        if (method.getAnnotation(Put.class) != null) {
            found.add(
                    new Mapping(HttpMethod.PUT, method.getAnnotation(Put.class).value()));
        }
        if (method.getAnnotation(Patch.class) != null) {
            found.add(new Mapping(
                    HttpMethod.PATCH, method.getAnnotation(Patch.class).value()));
        }
        if (method.getAnnotation(Delete.class) != null) {
            found.add(new Mapping(
                    HttpMethod.DELETE, method.getAnnotation(Delete.class).value()));
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(
                    name(method) + " has more than one route annotation; declare one method per route");
        }
        return found.stream().findFirst();
    }

    private static EndpointBuilder builder(Object controller, Method method, Mapping mapping) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException(name(method) + " is static; route methods must be instance methods");
        }
        EndpointBuilder builder = Endpoint.builder(mapping.method(), mapping.path())
                .source(name(method))
                .output(method.getGenericReturnType());
        List<String> pathParams = PathTemplate.parse(mapping.path()).paramNames();
        for (Parameter parameter : method.getParameters()) {
            input(builder, method, mapping, pathParams, parameter);
        }
        Status status = method.getAnnotation(Status.class);
        if (status != null) {
            builder.status(status.value());
        }
        docs(builder, method.getAnnotation(Operation.class));
        return builder.handle(invoker(controller, method));
    }

    private static void input(
            EndpointBuilder builder, Method method, Mapping mapping, List<String> pathParams, Parameter parameter) {
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException(name(method) + ": parameter names are missing; compile with -parameters "
                    + "(maven-compiler-plugin <parameters>true</parameters>)");
        }
        String name = parameter.getName();
        Type type = parameter.getParameterizedType();
        Query query = parameter.getAnnotation(Query.class);
        Header header = parameter.getAnnotation(Header.class);
        Cookie cookie = parameter.getAnnotation(Cookie.class);
        Body body = parameter.getAnnotation(Body.class);
        List<Annotation> annotations = new ArrayList<>(List.of(parameter.getAnnotations()));
        annotations.addAll(Fields.valueAnnotations(parameter.getAnnotatedType()));
        if (parameter.getType() == Request.class) {
            builder.requestInput();
        } else if (query != null) {
            builder.input(new Input.Query(
                    query.value().isEmpty() ? name : query.value(),
                    type,
                    emptyToNull(query.defaultValue()),
                    annotations));
        } else if (header != null) {
            builder.input(new Input.Header(header.value(), type, emptyToNull(header.defaultValue()), annotations));
        } else if (cookie != null) {
            builder.input(new Input.Cookie(
                    cookie.value().isEmpty() ? name : cookie.value(),
                    type,
                    emptyToNull(cookie.defaultValue()),
                    annotations));
        } else if (body != null) {
            List<String> consumes =
                    body.consumes().length == 0 ? BodyMediaTypes.defaults(type) : List.of(body.consumes());
            builder.input(new Input.Body(type, consumes, annotations));
        } else if (Input.Caller.principalType(type).isPresent()) {
            builder.caller(type);
        } else if (pathParams.contains(name)) {
            builder.input(new Input.Path(name, null, type, annotations));
        } else if (mapping.method().hasBody() && !Scalars.isScalar(type)) {
            builder.input(new Input.Body(type, BodyMediaTypes.defaults(type), annotations));
        } else if (Scalars.isScalar(type)) {
            builder.input(new Input.Query(name, type, null, annotations));
        } else {
            throw new IllegalArgumentException(name(method) + ": cannot tell where parameter '" + name
                    + "' comes from; annotate it @Query, @Header, @Cookie or @Body, or name it after a path parameter");
        }
    }

    private static void docs(EndpointBuilder builder, Operation op) {
        if (op == null) {
            return;
        }
        if (!op.id().isEmpty()) {
            builder.operationId(op.id());
        }
        if (op.tags().length > 0) {
            builder.tags(op.tags());
        }
        if (!op.summary().isEmpty()) {
            builder.summary(op.summary());
        }
        if (!op.description().isEmpty()) {
            builder.description(op.description());
        }
        builder.deprecated(op.deprecated());
        if (!op.idBase().isEmpty()) {
            builder.operationIdBase(op.idBase());
        }
        if (!op.componentName().isEmpty()) {
            builder.componentName(op.componentName());
        }
    }

    private static Invoker invoker(Object controller, Method method) {
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(method).bindTo(controller);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(
                    name(method) + " cannot be called: " + e.getMessage()
                            + "; make the method public or open its package to dev.portico.core",
                    e);
        }
        int arity = method.getParameterCount();
        MethodHandle spread =
                handle.asSpreader(Object[].class, arity).asType(MethodType.methodType(Object.class, Object[].class));
        return new MethodInvoker(new ControllerMethod(controller, method), spread);
    }

    /**
     * The controller method an endpoint runs, for the parts of Portico that read its declaration at startup
     * (parameter constraints); empty for functional endpoints. For an API method it is the module's method, whose
     * parameters are the caller (if any) and the {@link Input.Arguments}, not one input each.
     */
    public static Optional<ControllerMethod> method(Endpoint endpoint) {
        return endpoint.invoker() instanceof MethodInvoking invoker ? Optional.of(invoker.target()) : Optional.empty();
    }

    /** A controller (or an API module, {@code dev.portico.rpc}) and one of its route methods. */
    public record ControllerMethod(Object controller, Method method) {}

    /**
     * An invoker that calls a declared method, so that its declaration (parameter constraints) can be read at
     * startup: controllers' and API methods'.
     */
    public interface MethodInvoking extends Invoker {
        /** The object and method called. */
        ControllerMethod target();
    }

    private record MethodInvoker(ControllerMethod target, MethodHandle spread) implements MethodInvoking {
        @Override
        public Object invoke(Request request) throws Exception {
            try {
                return (Object) spread.invokeExact(request.arguments());
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
